using System;
using System.Collections.Generic;
using System.Linq;

namespace SesamTalk.Generators.Validation;

/// <summary>
/// Finds remote names for property names: exact (ignoring case), then normalised (no underscores, no Salesforce
/// <c>__c</c> suffix). Linear in the number of fields, so long all-caps names cannot blow up matching.
/// </summary>
internal static class NameMatcher
{
    /// <summary>The names matching <paramref name="name"/>: one exact match, else every normalised match.</summary>
    public static IReadOnlyList<string> Candidates(string name, IEnumerable<string> names)
    {
        var all = names.ToList();
        var exact = all.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        if (exact is not null)
        {
            return new[] { exact };
        }

        var normalised = Normalise(name);
        return all.Where(n => Normalise(n) == normalised).ToList();
    }

    /// <summary>The closest name for a "did you mean", or null when nothing is close.</summary>
    public static string? Closest(string name, IEnumerable<string> names)
    {
        var target = name.ToUpperInvariant();
        var best = names
            .Select(n => (Name: n, Distance: Distance(target, n.ToUpperInvariant())))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Name is not null && best.Distance <= Math.Max(2, name.Length / 3) ? best.Name : null;
    }

    private static string Normalise(string name)
    {
        var trimmed = name.EndsWith("__c", StringComparison.OrdinalIgnoreCase) ? name.Substring(0, name.Length - 3) : name;
        return trimmed.Replace("_", string.Empty).ToUpperInvariant();
    }

    /// <summary>Levenshtein distance with two rows.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
