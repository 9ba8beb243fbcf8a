using System.Reflection;

namespace SesamTalk.ClientCompatibility.Tests.Jsforce;

/// <summary>tests/Clients/jsforce: the pinned jsforce package and one scenario script per everyday operation.</summary>
internal static class JsforceFolder
{
    /// <summary>The folder's full path, as the build recorded it.</summary>
    public static string Path { get; } = System.IO.Path.GetFullPath(typeof(JsforceFolder).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "JsforceFolder").Value!);

    /// <summary>The scenario names: the scripts in scenarios/, each run as <c>node scenario.mjs NAME</c>.</summary>
    public static IReadOnlyList<string> Scenarios { get; } =
        [.. Directory.GetFiles(System.IO.Path.Combine(Path, "scenarios"), "*.mjs")
            .Select(file => System.IO.Path.GetFileNameWithoutExtension(file))
            .Order(StringComparer.Ordinal)];
}
