using System.Text.Json.Nodes;
using SesamTalk.Testing.SuperOffice.Schema;

namespace SesamTalk.Testing.SuperOffice.Data;

/// <summary>
/// The read-only sums of the quote carriers, recalculated after every save: a line's <c>SubTotal</c> is
/// <c>Quantity × UnitListPrice</c> and its <c>TotalPrice</c> <c>SubTotal − DiscountAmount</c>; an alternative's
/// <c>SubTotal</c> is the sum of its lines' <c>TotalPrice</c>, its <c>VAT</c> an amount (the lines' VAT is a
/// percentage). Discount percentages are in integer form (12 = 12 %): the one the user did not set
/// (<c>UserValueOverride</c> "DiscountAmount" means the amount was set) follows from the other. Callers hold the store's gate.
/// </summary>
internal sealed class QuoteCalculator(RecordStore store, EntityCatalog catalog)
{
    /// <summary>Recalculates a line and then its alternative.</summary>
    public void Line(EntityRecord line)
    {
        var subTotal = Number(line, "Quantity") * Number(line, "UnitListPrice");
        var total = Discount(line, subTotal);
        line.Values["EarningAmount"] = total - (Number(line, "Quantity") * Number(line, "UnitCost"));
        line.Values["EarningPercent"] = total == 0 ? 0d : Math.Round(Number(line, "EarningAmount") / total * 100, 2);
        if (store.Find(catalog.Find("QuoteAlternative")!, (int?)line["QuoteAlternativeId"] ?? 0) is { } alternative)
        {
            Alternative(alternative);
        }
    }

    public void Alternative(EntityRecord alternative)
    {
        var lines = LinesOf(alternative).ToList();
        var subTotal = lines.Sum(l => Number(l, "TotalPrice"));
        var total = Discount(alternative, subTotal);
        var factor = subTotal == 0 ? 0 : total / subTotal;
        alternative.Values["VAT"] = Math.Round(lines.Sum(l => Number(l, "TotalPrice") * Number(l, "VAT") / 100) * factor, 2);
        alternative.Values["EarningAmount"] = lines.Sum(l => Number(l, "EarningAmount")) - (subTotal - total);
        alternative.Values["EarningPercent"] = total == 0 ? 0d : Math.Round(Number(alternative, "EarningAmount") / total * 100, 2);
    }

    public IEnumerable<EntityRecord> LinesOf(EntityRecord alternative) =>
        store.OfType(catalog.Find("QuoteLine")!).Where(l => (int?)l["QuoteAlternativeId"] == alternative.Id).OrderBy(l => (int?)l["Rank"] ?? 0);

    /// <summary>Sets SubTotal, the missing one of DiscountPercent/DiscountAmount and TotalPrice; returns TotalPrice.</summary>
    private static double Discount(EntityRecord record, double subTotal)
    {
        record.Values["SubTotal"] = subTotal;
        if ((string?)record["UserValueOverride"] == "DiscountAmount")
        {
            record.Values["DiscountPercent"] = subTotal == 0 ? 0d : Math.Round(Number(record, "DiscountAmount") / subTotal * 100, 2);
        }
        else
        {
            record.Values["DiscountAmount"] = Math.Round(subTotal * Number(record, "DiscountPercent") / 100, 2);
        }

        var total = subTotal - Number(record, "DiscountAmount");
        record.Values["TotalPrice"] = total;
        return total;
    }

    private static double Number(EntityRecord record, string field) => record[field] is JsonNode value ? (double)value : 0;
}
