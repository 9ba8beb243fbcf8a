using System.Globalization;
using System.Text;

namespace SesamTalk.EndToEnd.Tests.FaultSoak;

/// <summary>
/// What the soak found wrong, each line naming the place and the record: duplicates, missing records, lost or extra
/// lines, records without a key; and the totals the figures report.
/// </summary>
internal sealed class SoakFindings
{
    private readonly List<string> _problems = [];

    public int Duplicates { get; private set; }

    public int Missing { get; private set; }

    public int LostLines { get; private set; }

    public int ExtraLines { get; private set; }

    public IReadOnlyList<string> Problems => _problems;

    public static SoakFindings Compare(Census seed, Census final)
    {
        var findings = new SoakFindings();
        var bornLines = SoakExpectations.BornLines(seed);
        foreach (var expectation in SoakExpectations.From(seed))
        {
            findings.Check(expectation, seed[expectation.Place], final[expectation.Place], bornLines);
        }

        return findings;
    }

    /// <summary>Adds a problem that is not about one record (a stopped flow, a quarantined record, a failed cycle).</summary>
    public void Add(string problem) => _problems.Add(problem);

    public string Describe(int limit)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{_problems.Count} problem(s): {Duplicates} duplicate record(s), {Missing} missing, {LostLines} lost line(s), {ExtraLines} extra line(s)");
        foreach (var group in _problems.GroupBy(p => p.Split(':')[0]))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {group.Key}: {group.Count()}");
            foreach (var problem in group.Take(limit))
            {
                text.AppendLine("    " + problem);
            }
        }

        return text.ToString();
    }

    private void Check(Expectation expectation, IReadOnlyList<Entry> before, IReadOnlyList<Entry> after, IReadOnlyDictionary<string, int> bornLines)
    {
        var place = expectation.Place;
        var byKey = after.Where(e => e.Key.Length > 0).GroupBy(e => e.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var (key, copies) in byKey.Where(pair => pair.Value.Count > 1).OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            Duplicates += copies.Count - 1;
            _problems.Add($"{place}: '{key}' is there {copies.Count} times");
        }

        foreach (var key in expectation.Expected.Where(key => !byKey.ContainsKey(key)).Order(StringComparer.Ordinal))
        {
            Missing++;
            _problems.Add($"{place}: '{key}' is missing");
        }

        var keyless = after.Count(e => e.Key.Length == 0) - before.Count(e => e.Key.Length == 0);
        if (keyless > 0)
        {
            Duplicates += keyless;
            _problems.Add($"{place}: {keyless} record(s) without a key appeared");
        }

        foreach (var (key, copies) in byKey.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (!bornLines.TryGetValue(key, out var born))
            {
                continue;
            }

            foreach (var lines in copies.Select(copy => copy.Lines ?? born).Where(lines => lines != born))
            {
                LostLines += Math.Max(0, born - lines);
                ExtraLines += Math.Max(0, lines - born);
                _problems.Add($"{place}: '{key}' has {lines} line(s), born with {born}");
            }
        }
    }
}
