using System.Text.Json.Nodes;
using SesamTalk.Testing.ExactOnline.Schema;

namespace SesamTalk.Testing.ExactOnline.Data;

/// <summary>
/// What Exact fills on create beyond the audit fields: numbers (account Code, QuotationNumber, OrderNumber), the
/// initial status of quotations and sales orders, and invoice/delivery accounts that default to the ordering one.
/// </summary>
internal static class EntityDefaults
{
    /// <summary>Header fields every line repeats (read from the header when the line does not set them).</summary>
    public static readonly string[] HeaderFieldsOnLines = ["QuotationNumber", "VersionNumber", "OrderNumber"];

    public static void Apply(EntitySchema schema, JsonObject values, RecordStore store)
    {
        switch (schema.Name)
        {
            case "Accounts":
                values["Code"] ??= AccountCode.Next(store.OfType(schema));
                values["Type"] ??= "A";
                break;
            case "Quotations":
                values["QuotationNumber"] ??= NextNumber(store.OfType(schema), "QuotationNumber");
                values["VersionNumber"] ??= 1;
                SetStatus(values, 20, "Draft");
                break;
            case "SalesOrders":
                values["OrderNumber"] ??= NextNumber(store.OfType(schema), "OrderNumber");
                values["InvoiceTo"] ??= values["OrderedBy"]?.DeepClone();
                values["DeliverTo"] ??= values["OrderedBy"]?.DeepClone();
                values["ApprovalStatus"] ??= 1;
                values["ApprovalStatusDescription"] ??= "Automatically";
                SetStatus(values, 12, "Open");
                break;
        }
    }

    private static void SetStatus(JsonObject values, int status, string description)
    {
        if (values["Status"] is null)
        {
            values["Status"] = status;
            values["StatusDescription"] = description;
        }
    }

    private static int NextNumber(IEnumerable<EntityRecord> records, string field) =>
        records.Select(r => (int?)r[field] ?? 0).DefaultIfEmpty(0).Max() + 1;
}
