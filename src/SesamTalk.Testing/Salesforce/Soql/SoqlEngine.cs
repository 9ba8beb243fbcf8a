using System.Text.Json.Nodes;
using SesamTalk.Testing.Salesforce.Data;
using SesamTalk.Testing.Salesforce.Http;
using SesamTalk.Testing.Salesforce.Schema;

namespace SesamTalk.Testing.Salesforce.Soql;

/// <summary>
/// Runs a parsed query against the store: bind, filter, order, skip/take, and shape rows as REST returns them. Relative
/// date literals count from <paramref name="clock"/>'s today (UTC); the system clock when none is given.
/// </summary>
internal sealed class SoqlEngine(SchemaCatalog catalog, RecordStore store, TimeProvider? clock = null)
{
    private readonly DateOnly _today = DateOnly.FromDateTime((clock ?? TimeProvider.System).GetUtcNow().UtcDateTime);

    /// <summary>The matching rows (already in JSON form) and the count for COUNT() queries.</summary>
    public (List<JsonObject> Rows, int TotalSize) Execute(SoqlQuery query, bool includeDeleted, string dataPath)
    {
        var schema = catalog.Find(query.From) ?? throw ApiException.BadRequest(
            "INVALID_TYPE",
            $"sObject type '{query.From}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.");
        var select = query.Fields.Select(f => FieldPath.Bind(catalog, schema, f)).ToList();
        var filter = query.Where is null ? (_ => true) : Compile(schema, query.Where);
        var orders = query.OrderBy.Select(o => (Path: FieldPath.Bind(catalog, schema, o.Field), Order: o)).ToList();

        var (candidates, ordered) = Candidates(schema, query.Where, orders);
        var rows = candidates.Where(r => (includeDeleted || !r.IsDeleted) && filter(r));
        if (orders.Count > 0 && !ordered)
        {
            rows = rows.Order(Comparer<SObjectRecord>.Create((a, b) => CompareRows(orders, a, b)));
        }

        rows = rows.Skip(query.Offset ?? 0);
        if (query.Limit is { } limit)
        {
            rows = rows.Take(limit);
        }

        var matched = rows.ToList();
        return query.IsCount
            ? ([], matched.Count)
            : ([.. matched.Select(r => Project(r, select, 0, dataPath))], matched.Count);
    }

    /// <summary>
    /// The records the query can match, a superset of its rows, in creation order (the order the general path starts
    /// from) or, when <c>Ordered</c>, already in the query's ORDER BY order. The full filter still runs on every one, so
    /// a shortcut only narrows where rows are looked for: an <c>Id =</c> or <c>Id IN (...)</c> condition reads those ids
    /// from the id dictionary; <c>ORDER BY SystemModstamp, Id</c>, or a bound on SystemModstamp, reads the object's
    /// feed index between the bounds; anything else reads every record of the object.
    /// </summary>
    private (IEnumerable<SObjectRecord> Records, bool Ordered) Candidates(SObjectSchema schema, SoqlCondition? where, List<(FieldPath Path, SoqlOrder Order)> orders)
    {
        if (where is not null && Ids(schema, where) is { } ids)
        {
            return (ids.Select(store.Get).OfType<SObjectRecord>().Where(r => r.Schema == schema).OrderBy(r => r.Sequence), false);
        }

        var table = store.Table(schema);
        if (table.Unstamped > 0)
        {
            return (table.Records, false);
        }

        var (from, to) = where is null ? (long.MinValue, long.MaxValue) : Stamps(schema, where);
        if (IsFeedOrder(orders))
        {
            return (table.Range(from, to), true);
        }

        return from == long.MinValue && to == long.MaxValue ? (table.Records, false) : (table.Range(from, to).OrderBy(r => r.Sequence), false);
    }

    /// <summary><c>ORDER BY SystemModstamp, Id</c>, both ascending, the order of the feed index.</summary>
    private static bool IsFeedOrder(List<(FieldPath Path, SoqlOrder Order)> orders) =>
        orders.Count == 2
        && orders[0] is { Path: { Hops.Count: 0, Field.Name: "SystemModstamp" }, Order.Descending: false }
        && orders[1] is { Path: { Hops.Count: 0, Field.Name: "Id" }, Order.Descending: false };

    /// <summary>The ids every matching row must have (from <c>Id = '…'</c> or <c>Id IN (…)</c>), or null when the condition does not pin them.</summary>
    private HashSet<string>? Ids(SObjectSchema schema, SoqlCondition condition)
    {
        switch (condition)
        {
            case SoqlAnd and:
                return Ids(schema, and.Left) ?? Ids(schema, and.Right);
            case SoqlOr either when Ids(schema, either.Left) is { } left && Ids(schema, either.Right) is { } right:
                left.UnionWith(right);
                return left;
            case SoqlComparison { Operator: "=" or "IN" } comparison:
                var path = FieldPath.Bind(catalog, schema, comparison.Field);
                return path is { Hops.Count: 0, Field.Name: "Id" }
                    ? comparison.Values.Select(v => SoqlValues.Literal(path.Field, v)).OfType<string>().ToHashSet(StringComparer.Ordinal)
                    : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// The SystemModstamp range (UTC ticks, both ends inclusive) every matching row lies in: bounds of SystemModstamp
    /// compared with a datetime literal, intersected through AND and joined through OR; unbounded where unknown.
    /// </summary>
    private (long From, long To) Stamps(SObjectSchema schema, SoqlCondition condition)
    {
        const long Min = long.MinValue, Max = long.MaxValue;
        switch (condition)
        {
            case SoqlAnd and:
                var (l1, r1) = (Stamps(schema, and.Left), Stamps(schema, and.Right));
                return (Math.Max(l1.From, r1.From), Math.Min(l1.To, r1.To));
            case SoqlOr or:
                var (l2, r2) = (Stamps(schema, or.Left), Stamps(schema, or.Right));
                return (Math.Min(l2.From, r2.From), Math.Max(l2.To, r2.To));
            case SoqlComparison { Operator: "=" or ">" or ">=" or "<" or "<=", Values.Count: 1 } comparison:
                var path = FieldPath.Bind(catalog, schema, comparison.Field);
                if (path is not { Hops.Count: 0, Field.Name: "SystemModstamp" } || Operand(path.Field, comparison.Values[0]) is not DateTimeOffset stamp)
                {
                    return (Min, Max);
                }

                var ticks = stamp.UtcTicks;
                return comparison.Operator switch
                {
                    "=" => (ticks, ticks),
                    ">" or ">=" => (ticks, Max),
                    _ => (Min, ticks),
                };
            default:
                return (Min, Max);
        }
    }

    private int CompareRows(List<(FieldPath Path, SoqlOrder Order)> orders, SObjectRecord a, SObjectRecord b)
    {
        foreach (var (path, order) in orders)
        {
            var left = SoqlValues.Stored(path.Field, path.Read(a, store));
            var right = SoqlValues.Stored(path.Field, path.Read(b, store));
            int result;
            if (left is null || right is null)
            {
                result = left is null == right is null ? 0 : (left is null) == order.NullsFirst ? -1 : 1;
            }
            else
            {
                result = SoqlValues.Compare(path.Field, left, right);
                result = order.Descending ? -result : result;
            }

            if (result != 0)
            {
                return result;
            }
        }

        return 0;
    }

    private Func<SObjectRecord, bool> Compile(SObjectSchema schema, SoqlCondition condition)
    {
        switch (condition)
        {
            case SoqlAnd and:
                var (l1, r1) = (Compile(schema, and.Left), Compile(schema, and.Right));
                return r => l1(r) && r1(r);
            case SoqlOr or:
                var (l2, r2) = (Compile(schema, or.Left), Compile(schema, or.Right));
                return r => l2(r) || r2(r);
            case SoqlNot not:
                var inner = Compile(schema, not.Inner);
                return r => !inner(r);
            default:
                return CompileComparison(schema, (SoqlComparison)condition);
        }
    }

    private Func<SObjectRecord, bool> CompileComparison(SObjectSchema schema, SoqlComparison comparison)
    {
        var path = FieldPath.Bind(catalog, schema, comparison.Field);
        var field = path.Field;
        if (comparison.Operator == "LIKE")
        {
            var pattern = comparison.Values[0].Text;
            return r => SoqlValues.Like((string?)SoqlValues.Stored(field, path.Read(r, store)), pattern);
        }

        if (comparison.Operator is "INCLUDES" or "EXCLUDES")
        {
            if (field.Type != FieldType.Multipicklist)
            {
                throw ApiException.BadRequest("INVALID_FIELD", "includes or excludes operator only valid on multipicklist field");
            }

            var includes = comparison.Operator == "INCLUDES";
            var sets = comparison.Values.Select(v => SoqlValues.Literal(field, v) is string text ? PicklistSet(text) : []).ToList();
            return r =>
            {
                var selected = PicklistSet((string?)SoqlValues.Stored(field, path.Read(r, store)));
                return sets.Any(set => set.Count > 0 && set.IsSubsetOf(selected)) == includes;
            };
        }

        var values = comparison.Values.Select(v => Operand(field, v)).ToList();
        if (comparison.Operator is "IN" or "NOT IN")
        {
            var inList = comparison.Operator == "IN";
            if (field.Type.IsId() || field.Type.IsText())
            {
                // A hash set, so the long id lists of read-backs stay linear; ids compare exactly, text case-insensitively.
                var set = values.OfType<string>().ToHashSet(field.Type.IsId() ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);
                var hasNull = values.Any(v => v is null);
                return r => (SoqlValues.Stored(field, path.Read(r, store)) is string value ? set.Contains(value) : hasNull) == inList;
            }

            return r =>
            {
                var value = SoqlValues.Stored(field, path.Read(r, store));
                return values.Any(v => Matches(field, value, "=", v)) == inList;
            };
        }

        var literal = values[0];
        return r => Matches(field, SoqlValues.Stored(field, path.Read(r, store)), comparison.Operator, literal);
    }

    /// <summary>The values of a multi-select picklist text (<c>a;b</c>), compared case-insensitively as SOQL compares text.</summary>
    private static HashSet<string> PicklistSet(string? text) =>
        new((text ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase);

    /// <summary>A literal as a typed value, or for a relative date literal on a date or datetime field its range of days.</summary>
    private object? Operand(FieldSchema field, SoqlToken token) =>
        token.Kind == SoqlTokenKind.Identifier && field.Type is FieldType.Date or FieldType.Datetime
            && DateLiteral.Resolve(token.Text, _today) is { } range
            ? range
            : SoqlValues.Literal(field, token);

    /// <summary>Whether a stored value satisfies <c>value op literal</c>.</summary>
    private static bool Matches(FieldSchema field, object? value, string op, object? literal)
    {
        if (value is null || literal is null)
        {
            // Only = and != have meaning against null; a null field never satisfies < or >.
            return op switch
            {
                "=" => value is null && literal is null,
                "!=" => (value is null) != (literal is null),
                _ => false,
            };
        }

        // A date literal is a range: = inside it, < before it, > after it.
        var order = literal is DateLiteral range ? range.Locate(value) : SoqlValues.Compare(field, value, literal);
        return op switch
        {
            "=" => order == 0,
            "!=" => order != 0,
            "<" => order < 0,
            ">" => order > 0,
            "<=" => order <= 0,
            _ => order >= 0,
        };
    }

    /// <summary>
    /// A row with the selected fields in order; fields of a parent are grouped under the relationship name as a
    /// nested record with its own <c>attributes</c>, or null when the reference is empty.
    /// </summary>
    private JsonObject Project(SObjectRecord record, List<FieldPath> select, int depth, string dataPath)
    {
        var json = new JsonObject { ["attributes"] = RecordJson.Attributes(record.Schema, record.Id, dataPath) };
        if (select.TrueForAll(p => p.Hops.Count <= depth))
        {
            // Only the record's own fields (a change feed's rows): one group, in the order asked for, without grouping a row.
            foreach (var path in select)
            {
                json[path.Field.Name] = record[path.Field.Name]?.DeepClone();
            }

            return json;
        }

        foreach (var group in select.GroupBy(p => p.Hops.Count > depth ? p.Hops[depth].RelationshipName : null))
        {
            if (group.Key is null)
            {
                foreach (var path in group)
                {
                    json[path.Field.Name] = record[path.Field.Name]?.DeepClone();
                }

                continue;
            }

            var hop = group.First().Hops[depth];
            var parent = store.Find((string?)record[hop.Name]);
            json[group.Key] = parent is null ? null : Project(parent, [.. group], depth + 1, dataPath);
        }

        return json;
    }
}
