using System.Globalization;
using System.Text.Json.Nodes;
using SesamTalk.Testing.Catalogs;
using SesamTalk.Testing.ExactOnline.Http;
using SesamTalk.Testing.ExactOnline.Schema;

namespace SesamTalk.Testing.ExactOnline.OData;

/// <summary>The OData system query options of a read: <c>$select</c>, <c>$expand</c>, <c>$filter</c>, <c>$top</c>, <c>$skiptoken</c>.</summary>
internal sealed class QueryOptions
{
    private QueryOptions(Projection projection, Func<JsonObject, bool>? filter, int? top, string? skipToken)
    {
        Projection = projection;
        Filter = filter;
        Top = top;
        SkipToken = skipToken;
    }

    public Projection Projection { get; }

    /// <summary>The compiled <c>$filter</c>; null when absent (or, on sync endpoints, handled by the caller).</summary>
    public Func<JsonObject, bool>? Filter { get; }

    /// <summary><c>$top</c>: the answer is then a bare array (<c>{"d":[…]}</c>) without paging.</summary>
    public int? Top { get; }

    public string? SkipToken { get; }

    /// <summary>Parses the options of a request on <paramref name="schema"/>; <paramref name="sync"/> adds <c>Timestamp</c> and leaves <c>$filter</c> to the caller.</summary>
    public static QueryOptions Parse(ApiRequest request, EntitySchema schema, bool sync = false)
    {
        var expanded = Names(request.Query("$expand")).Select(n => schema.Navigation(n.Name)?.Name
            ?? throw ApiException.BadRequest(ExactMessages.NoProperty(n.Name, schema.ModelType, n.Position))).ToHashSet(StringComparer.Ordinal);
        var projection = Select(request.Query("$select"), schema, sync, expanded);
        var filter = !sync && request.Query("$filter") is { Length: > 0 } text ? FilterParser.Parse(text, schema) : null;
        return new QueryOptions(projection, filter, ParseTop(request.Query("$top")), request.Query("$skiptoken"));
    }

    private static Projection Select(string? select, EntitySchema schema, bool sync, HashSet<string> expanded)
    {
        var names = Names(select);
        if (names.Count == 0 || names.Any(n => n.Name == "*"))
        {
            return Projection.All(schema, sync) with { Expanded = expanded };
        }

        var fields = new List<CatalogField>();
        var navigations = new List<Navigation>();
        var timestamp = false;
        foreach (var (name, position) in names)
        {
            if (sync && name == "Timestamp")
            {
                timestamp = true;
            }
            else if (schema.Field(name) is { } field)
            {
                fields.Add(field);
            }
            else if (!sync && schema.Navigation(name) is { } navigation)
            {
                navigations.Add(navigation);
            }
            else
            {
                throw ApiException.BadRequest(ExactMessages.NoProperty(name, schema.ModelType, position));
            }
        }

        navigations.AddRange(schema.Navigations.Where(n => expanded.Contains(n.Name) && !navigations.Contains(n)));
        return new Projection(fields, navigations, expanded, timestamp);
    }

    private static int? ParseTop(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var top)
            ? top
            : throw ApiException.BadRequest($"Invalid value '{text}' for $top query option found. The $top query option requires a non-negative integer value.");
    }

    /// <summary>A comma-separated list with each name's position in the option text.</summary>
    private static List<(string Name, int Position)> Names(string? list)
    {
        var names = new List<(string, int)>();
        var position = 0;
        foreach (var part in (list ?? "").Split(','))
        {
            if (part.Trim() is { Length: > 0 } name)
            {
                names.Add((name, position + part.IndexOf(name, StringComparison.Ordinal)));
            }

            position += part.Length + 1;
        }

        return names;
    }
}
