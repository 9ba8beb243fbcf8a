using System.Globalization;
using System.Text.Json.Nodes;
using Avro;
using Avro.Generic;
using Avro.IO;
using SesamTalk.Testing.Salesforce.Data;
using SesamTalk.Testing.Salesforce.Schema;

namespace SesamTalk.Testing.Salesforce.PubSub;

/// <summary>
/// Writes the Avro binary payload of one record change as Salesforce's change data capture does: a create carries every
/// field that has a value, an update only the changed fields (LastModifiedDate always among them) with their bitmaps in
/// <c>changedFields</c> and, for those now empty, <c>nulledFields</c>; a delete carries no field values.
/// </summary>
internal static class ChangeEventPayload
{
    /// <param name="schema">The object's event schema.</param>
    /// <param name="change">The committed write.</param>
    /// <param name="commit">The header's commit fields.</param>
    public static byte[] Write(ChangeEventSchema schema, RecordChange change, CommitInfo commit)
    {
        var record = new GenericRecord(schema.Avro);
        var changed = new List<int>();
        var changedParts = new Dictionary<int, List<int>>();
        var nulled = new List<int>();
        var nulledParts = new Dictionary<int, List<int>>();
        for (var i = 0; i < schema.Fields.Count; i++)
        {
            var field = schema.Fields[i];
            var position = i + 1;
            var avroField = schema.Avro.Fields[position];
            if (change.Type == ChangeType.DELETE)
            {
                record.Add(field.Name, null);
            }
            else if (field.IsCompound)
            {
                record.Add(field.Name, Compound(avroField, field, change, changedParts, nulledParts, position));
            }
            else
            {
                var now = change.Record.Values[field.Name];
                var isChange = change.Before is { } before && (field.Name == "LastModifiedDate" || !JsonNode.DeepEquals(before[field.Name], now));
                if (isChange)
                {
                    changed.Add(position);
                    if (now is null)
                    {
                        nulled.Add(position);
                    }
                }

                record.Add(field.Name, change.Before is null || isChange ? Value(field.Source!.Type, now) : null);
            }
        }

        record.Add("ChangeEventHeader", Header(schema, change, commit, FieldBitmap.Encode(changed, changedParts), FieldBitmap.Encode(nulled, nulledParts)));
        using var stream = new MemoryStream();
        schema.Writer.Write(record, new BinaryEncoder(stream));
        return stream.ToArray();
    }

    private static GenericRecord? Compound(Field avroField, ChangeEventField field, RecordChange change, Dictionary<int, List<int>> changedParts, Dictionary<int, List<int>> nulledParts, int position)
    {
        var partSchema = (RecordSchema)((UnionSchema)avroField.Schema).Schemas[1];
        var compound = new GenericRecord(partSchema);
        var any = false;
        for (var p = 0; p < field.Parts.Count; p++)
        {
            var (name, source) = field.Parts[p];
            var now = source is null ? null : change.Record.Values[source.Name];
            var isChange = change.Before is { } before && source is not null && !JsonNode.DeepEquals(before[source.Name], now);
            if (isChange)
            {
                Mark(changedParts, position, p);
                if (now is null)
                {
                    Mark(nulledParts, position, p);
                }
            }

            var value = change.Before is null || isChange ? Value(source?.Type ?? FieldType.String, now) : null;
            any |= value is not null;
            compound.Add(name, value);
        }

        return any ? compound : null;
    }

    private static void Mark(Dictionary<int, List<int>> parts, int position, int part)
    {
        if (!parts.TryGetValue(position, out var list))
        {
            parts[position] = list = [];
        }

        list.Add(part);
    }

    private static GenericRecord Header(ChangeEventSchema schema, RecordChange change, CommitInfo commit, string[] changedFields, string[] nulledFields)
    {
        var headerSchema = (RecordSchema)schema.Avro.Fields[0].Schema;
        var header = new GenericRecord(headerSchema);
        header.Add("entityName", schema.Entity);
        header.Add("recordIds", new object[] { change.Record.Id });
        header.Add("changeType", new GenericEnum((EnumSchema)headerSchema["changeType"].Schema, change.Type.ToString()));
        header.Add("changeOrigin", "");
        header.Add("transactionKey", commit.TransactionKey);
        header.Add("sequenceNumber", 1);
        header.Add("commitTimestamp", change.CommittedAt.ToUnixTimeMilliseconds());
        header.Add("commitNumber", commit.CommitNumber);
        header.Add("commitUser", commit.User);
        header.Add("nulledFields", nulledFields.Cast<object>().ToArray());
        header.Add("diffFields", Array.Empty<object>());
        header.Add("changedFields", changedFields.Cast<object>().ToArray());
        return header;
    }

    /// <summary>A stored JSON value as its Avro type carries it (see <see cref="ChangeEventSchema.AvroType"/>).</summary>
    private static object? Value(FieldType type, JsonNode? value)
    {
        if (value is null)
        {
            return null;
        }

        var text = value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
        return ChangeEventSchema.AvroType(type) switch
        {
            "boolean" => value.GetValue<bool>(),
            "int" when type == FieldType.Date => SalesforceDate.TryParseDate(text, out var date) ? date.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber : null,
            "int" => (int)decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
            "long" when type == FieldType.Datetime => SalesforceDate.TryParseDateTime(text, out var at) ? at.ToUnixTimeMilliseconds() : null,
            "long" when type == FieldType.Time => (long)TimeOnly.Parse(text.TrimEnd('Z'), CultureInfo.InvariantCulture).ToTimeSpan().TotalMilliseconds,
            "long" => (long)decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
            "double" => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
            _ => text,
        };
    }
}

/// <summary>The header fields that describe the commit a change belongs to.</summary>
/// <param name="TransactionKey">The transaction's key (a GUID).</param>
/// <param name="CommitNumber">The org's increasing commit number.</param>
/// <param name="User">The id of the user who made the change.</param>
internal sealed record CommitInfo(string TransactionKey, long CommitNumber, string User);
