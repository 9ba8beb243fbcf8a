using System.Globalization;

namespace SesamTalk.Benchmarks;

/// <summary>The bench commands' <c>--name value</c> options.</summary>
internal static class CommandOptions
{
    /// <summary>The text after <paramref name="name"/>, or <paramref name="fallback"/> when it is not given.</summary>
    public static string Text(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }

    /// <summary>The whole number (0 or more) after <paramref name="name"/>, or <paramref name="fallback"/> when it is not given or not one.</summary>
    public static int Number(string[] args, string name, int fallback) =>
        int.TryParse(Text(args, name, ""), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
