namespace SesamTalk.EndToEnd.Tests.FaultSoak;

/// <summary>What one place should hold after convergence: every key of <see cref="Expected"/> exactly once.</summary>
/// <param name="Place">The host entity or remote type.</param>
/// <param name="Expected">The keys it must hold; it may hold others (records born there) once each.</param>
internal sealed record Expectation(string Place, IReadOnlySet<string> Expected);

/// <summary>
/// Which records must be where, from what the places held before the first cycle, following the flows' origins: the
/// webshop's customers, products and orders, with those born in SuperOffice (which create webshop records), go to
/// Salesforce, Customcrm and Exact Online, not back to SuperOffice; Salesforce's contacts, products, orders and quotes,
/// with those the webshop created there, go to the ERP; a place keeps the records born in it.
/// </summary>
internal static class SoakExpectations
{
    public static IReadOnlyList<Expectation> From(Census seed)
    {
        var customers = Union(seed, "Customwebshop Customer", "SuperOffice Contact");
        var names = Union(seed, "Customwebshop Customer name", "SuperOffice Contact name");
        var products = Union(seed, "Customwebshop Product", "SuperOffice Product");
        var orders = Union(seed, "Customwebshop Order", "SuperOffice Sale", "SuperOffice QuoteAlternative");
        return
        [
            new("Customwebshop Customer", customers),
            new("Salesforce Account", customers),
            new("Salesforce Division", names),
            new("Customcrm Customer", customers),
            new("ExactOnline Accounts", customers),
            new("SuperOffice Contact", Union(seed, "SuperOffice Contact")),
            new("Customwebshop Product", products),
            new("Salesforce Product2", products),
            new("Salesforce PricebookEntry", Union(seed, "Customwebshop Product", "SuperOffice Product", "Salesforce Product2")),
            new("Customcrm Product", products),
            new("ExactOnline Items", products),
            new("SuperOffice Product", Union(seed, "SuperOffice Product")),
            new("Customerp Product", Union(seed, "Customwebshop Product", "SuperOffice Product", "Salesforce Product2", "Customerp Product")),
            new("Customwebshop Order", orders),
            new("Salesforce Order", orders),
            new("Customcrm Order", orders),
            new("ExactOnline Quotations", orders),
            new("ExactOnline SalesOrders", orders),
            new("SuperOffice Sale", Union(seed, "SuperOffice Sale")),
            new("SuperOffice QuoteAlternative", Union(seed, "SuperOffice QuoteAlternative")),
            new("Customerp Order", Union(seed, "Customwebshop Order", "SuperOffice Sale", "SuperOffice QuoteAlternative", "Salesforce Order", "Customerp Order")),
            new("Salesforce Contact", Union(seed, "Salesforce Contact")),
            new("Customerp Contact", Union(seed, "Salesforce Contact", "Customerp Contact")),
            new("Salesforce Quote", Union(seed, "Salesforce Quote")),
            new("Customerp Quote", Union(seed, "Salesforce Quote", "Customerp Quote")),
        ];
    }

    /// <summary>
    /// The lines each soak order and quote was born with (keys starting with <c>SK</c>): nothing edits them, so every
    /// copy must hold as many. The demo's orders are left out: their lines merge from two births (webshop and SuperOffice).
    /// </summary>
    public static IReadOnlyDictionary<string, int> BornLines(Census seed) =>
        new[] { "Customwebshop Order", "Salesforce Order", "Salesforce Quote" }
            .SelectMany(place => seed[place])
            .Where(entry => entry.Key.StartsWith("SK", StringComparison.Ordinal) && entry.Lines is not null)
            .ToDictionary(entry => entry.Key, entry => entry.Lines!.Value, StringComparer.Ordinal);

    private static HashSet<string> Union(Census seed, params string[] places) =>
        [.. places.SelectMany(place => seed[place]).Select(entry => entry.Key).Where(key => key.Length > 0)];
}
