using System.Text.Json.Nodes;
using SesamTalk.Testing.Salesforce.Data;
using SesamTalk.Testing.Salesforce.Http;
using SesamTalk.Testing.Salesforce.Schema;

namespace SesamTalk.Testing.Salesforce.Soql;

/// <summary>Runs a parsed query against the store: bind, filter, order, skip/take, and shape rows as REST returns them.</summary>
internal sealed class SoqlEngine(SchemaCatalog catalog, RecordStore store)
{
    /// <summary>The matching rows (already in JSON form) and the count for COUNT() queries.</summary>
    public (List<JsonObject> Rows, int TotalSize) Execute(SoqlQuery query, bool includeDeleted, string dataPath)
    {
        var schema = catalog.Find(query.From) ?? throw ApiException.BadRequest(
            "INVALID_TYPE",
            $"sObject type '{query.From}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.");
        var select = query.Fields.Select(f => FieldPath.Bind(catalog, schema, f)).ToList();
        var filter = query.Where is null ? (_ => true) : Compile(schema, query.Where);
        var orders = query.OrderBy.Select(o => (Path: FieldPath.Bind(catalog, schema, o.Field), Order: o)).ToList();

        IEnumerable<SObjectRecord> rows = store.OfType(schema).Where(r => (includeDeleted || !r.IsDeleted) && filter(r));
        if (orders.Count > 0)
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

        var values = comparison.Values.Select(v => SoqlValues.Literal(field, v)).ToList();
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
                return values.Any(v => SoqlValues.Compare(field, value, v) == 0) == inList;
            };
        }

        var literal = values[0];
        return r =>
        {
            var value = SoqlValues.Stored(field, path.Read(r, store));
            if (value is null || literal is null)
            {
                // Only = and != have meaning against null; a null field never satisfies < or >.
                return comparison.Operator switch
                {
                    "=" => value is null && literal is null,
                    "!=" => (value is null) != (literal is null),
                    _ => false,
                };
            }

            var order = SoqlValues.Compare(field, value, literal);
            return comparison.Operator switch
            {
                "=" => order == 0,
                "!=" => order != 0,
                "<" => order < 0,
                ">" => order > 0,
                "<=" => order <= 0,
                _ => order >= 0,
            };
        };
    }

    /// <summary>
    /// A row with the selected fields in order; fields of a parent are grouped under the relationship name as a
    /// nested record with its own <c>attributes</c>, or null when the reference is empty.
    /// </summary>
    private JsonObject Project(SObjectRecord record, List<FieldPath> select, int depth, string dataPath)
    {
        var json = new JsonObject { ["attributes"] = RecordJson.Attributes(record.Schema, record.Id, dataPath) };
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
