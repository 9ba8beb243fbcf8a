namespace SesamTalk.Benchmarks.Sync;

/// <summary>The benchmark's product values: host-born ones (codes <c>H-…</c>) and remote-born ones (<c>R-…</c>).</summary>
internal static class BenchData
{
    public static (string Code, string Name, string? Description, bool Active) Host(int i) => Product("H", i);

    public static (string Code, string Name, string? Description, bool Active) Remote(int i) => Product("R", i);

    private static (string Code, string Name, string? Description, bool Active) Product(string prefix, int i) => (
        $"{prefix}-{i:D7}",
        $"Product {prefix}{i}",
        i % 3 == 0 ? null : $"Product {prefix}{i}, made for the benchmark",
        i % 2 == 0);
}
