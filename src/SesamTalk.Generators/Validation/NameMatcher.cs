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
    /// <summary>No API names a type, field or system longer than this; a longer name is no misspelling of one.</summary>
    private const int MaxNameLength = 256;

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

    /// <summary>
    /// The closest name for a "did you mean", or null when nothing is close: at most a third of the name's letters
    /// (at least 2) differ. Names whose lengths differ by more than that are skipped before any distance is computed,
    /// and the distance stops at that bound, so a huge name costs no more than a short one.
    /// </summary>
    public static string? Closest(string name, IEnumerable<string> names)
    {
        var bound = Math.Max(2, name.Length / 3);
        if (name.Length > MaxNameLength)
        {
            return null;
        }

        var target = name.ToUpperInvariant();
        string? best = null;
        var bestDistance = bound + 1;
        foreach (var candidate in names.OrderBy(n => n, StringComparer.Ordinal))
        {
            if (Math.Abs(candidate.Length - name.Length) >= bestDistance)
            {
                continue;
            }

            var distance = Distance(target, candidate.ToUpperInvariant(), bestDistance - 1);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return best;
    }

    private static string Normalise(string name)
    {
        var trimmed = name.EndsWith("__c", StringComparison.OrdinalIgnoreCase) ? name.Substring(0, name.Length - 3) : name;
        return trimmed.Replace("_", string.Empty).ToUpperInvariant();
    }

    /// <summary>Levenshtein distance with two rows; any distance above <paramref name="limit"/> comes back as limit + 1.</summary>
    private static int Distance(string a, string b, int limit)
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
            var rowMinimum = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMinimum = Math.Min(rowMinimum, current[j]);
            }

            if (rowMinimum > limit)
            {
                return limit + 1;
            }

            (previous, current) = (current, previous);
        }

        return Math.Min(previous[b.Length], limit + 1);
    }
}
