using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace SesamTalk.Generators.Tests.Infrastructure;

/// <summary>
/// Committed <c>*.verified.cs</c> snapshots without Verify: generated files are compared with
/// <c>Snapshots/{Class}.{Test}#{Hint}.verified.cs</c>. A mismatch writes <c>*.received.cs</c> beside it and fails.
/// <c>SESAMTALK_ACCEPT_SNAPSHOTS=1</c> accepts the received output, except when <c>CI=true</c>.
/// </summary>
internal static partial class Snapshot
{
    private static readonly string Directory = RepositoryPaths.InTests("Snapshots");

    private static bool Accept =>
        Environment.GetEnvironmentVariable("SESAMTALK_ACCEPT_SNAPSHOTS") == "1"
        && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Compares every generated file, and the set of files, with the committed snapshots of the calling test.</summary>
    public static void MatchGenerated(GeneratorDriverRunResult run, string testClass, [CallerMemberName] string test = "")
    {
        var prefix = testClass + "." + test + "#";
        var actual = run.Results.Single().GeneratedSources.ToDictionary(
            source => prefix + Path.GetFileNameWithoutExtension(source.HintName) + ".verified.cs",
            source => Normalize(source.SourceText.ToString()));

        var failures = new List<string>();
        foreach (var (file, text) in actual.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            Compare(file, text, failures);
        }

        foreach (var stale in System.IO.Directory.EnumerateFiles(Directory, prefix + "*.verified.cs").Select(Path.GetFileName).Except(actual.Keys))
        {
            if (Accept)
            {
                File.Delete(Path.Combine(Directory, stale!));
            }
            else
            {
                failures.Add($"{stale} is no longer generated; delete it if that is intended.");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static void Compare(string file, string actual, List<string> failures)
    {
        var verified = Path.Combine(Directory, file);
        var received = verified.Replace(".verified.cs", ".received.cs", StringComparison.Ordinal);
        var expected = File.Exists(verified) ? Normalize(File.ReadAllText(verified)) : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        if (Accept)
        {
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        failures.Add(expected is null
            ? $"{file} is new: review {Path.GetFileName(received)} and rename it to .verified.cs (or run with SESAMTALK_ACCEPT_SNAPSHOTS=1)."
            : $"{file} differs: {FirstDifference(expected, actual)} (see {Path.GetFileName(received)}).");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var left = expected.Split('\n');
        var right = actual.Split('\n');
        for (var i = 0; i < Math.Max(left.Length, right.Length); i++)
        {
            var l = i < left.Length ? left[i] : "<end>";
            var r = i < right.Length ? right[i] : "<end>";
            if (l != r)
            {
                return $"line {i + 1}: expected `{l.Trim()}` but got `{r.Trim()}`";
            }
        }

        return "line endings only";
    }

    /// <summary>LF line endings, and the generator's version scrubbed so a version bump does not touch every snapshot.</summary>
    private static string Normalize(string text) =>
        VersionPattern().Replace(text.Replace("\r\n", "\n", StringComparison.Ordinal), "GeneratedCode(\"SesamTalk.Generators\", \"VERSION\")");

    [GeneratedRegex("GeneratedCode\\(\"SesamTalk.Generators\", \"[^\"]+\"\\)")]
    private static partial Regex VersionPattern();
}
