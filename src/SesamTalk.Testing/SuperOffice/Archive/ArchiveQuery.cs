using System.Globalization;
using SesamTalk.Testing.SuperOffice.Data;
using SesamTalk.Testing.SuperOffice.Http;
using SesamTalk.Testing.SuperOffice.Schema;

namespace SesamTalk.Testing.SuperOffice.Archive;

/// <summary>
/// The OData options of an archive request: <c>$select</c> (camelCase columns; all when absent), <c>$filter</c>,
/// <c>$orderBy</c> (ties broken by primary key, so <c>$top</c>/<c>$skip</c> pages are stable), <c>$top</c> and <c>$skip</c>.
/// </summary>
internal sealed record ArchiveQuery(
    IReadOnlyList<ArchiveColumn> Select, Func<EntityRecord, bool>? Filter, IReadOnlyList<(ArchiveColumn Column, bool Descending)> OrderBy, int? Top, int Skip)
{
    public static ArchiveQuery Parse(ApiRequest request, EntitySchema schema)
    {
        var select = request.Query("$select") is { Length: > 0 } list ? [.. Names(list).Select(n => Column(schema, n))] : schema.Columns;
        var filter = request.Query("$filter") is { Length: > 0 } text ? FilterParser.Parse(schema, text) : null;
        var order = request.Query("$orderBy") ?? request.Query("$orderby");
        var orderBy = order is { Length: > 0 }
            ? [.. Names(order).Select(term => term.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(parts => (Column(schema, parts[0]), Descending(parts)))]
            : new List<(ArchiveColumn, bool)>();
        return new ArchiveQuery(select, filter, orderBy, Count(request, "$top"), Count(request, "$skip") ?? 0);
    }

    /// <summary>Filters, orders and pages the records.</summary>
    public IEnumerable<EntityRecord> Apply(IEnumerable<EntityRecord> records)
    {
        var rows = records.Where(r => Filter?.Invoke(r) ?? true).ToList();
        rows.Sort((a, b) =>
        {
            foreach (var (column, descending) in OrderBy)
            {
                var compared = ArchiveValue.Compare(ArchiveValue.Comparable(a, column), ArchiveValue.Comparable(b, column));
                if (compared != 0)
                {
                    return descending ? -compared : compared;
                }
            }

            return a.Id.CompareTo(b.Id);
        });
        var page = rows.Skip(Skip);
        return Top is { } top ? page.Take(top) : page;
    }

    private static string[] Names(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool Descending(string[] parts) => parts.Length switch
    {
        1 => false,
        2 when parts[1].Equals("asc", StringComparison.OrdinalIgnoreCase) => false,
        2 when parts[1].Equals("desc", StringComparison.OrdinalIgnoreCase) => true,
        _ => throw SoException.BadQuery($"Invalid $orderBy term '{string.Join(' ', parts)}'."),
    };

    private static ArchiveColumn Column(EntitySchema schema, string name) =>
        schema.Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw SoException.BadQuery($"Unknown column '{name}' in archive provider {schema.ArchiveProvider}.");

    private static int? Count(ApiRequest request, string option) => request.Query(option) switch
    {
        null => null,
        var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
        var text => throw SoException.BadQuery($"Invalid {option} '{text}'."),
    };
}
