using System.Globalization;

namespace SesamTalk.EndToEnd.Tests.MultiInstance;

/// <summary>The customers a multi-instance test adds to the webshop, and the check that each exists and is linked exactly once.</summary>
internal static class SyncedCustomers
{
    private const string NamePrefix = "Multi instance customer ";

    /// <summary>The remote types of the flows a webshop customer goes out on (Salesforce, Salesforce, Customcrm, Exact Online).</summary>
    private static readonly string[] Types = ["Account", "Division", "Customer", "Accounts"];

    public static string Number(int i) => "M" + i.ToString("D6", CultureInfo.InvariantCulture);

    public static string Name(int i) => NamePrefix + i.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Every one of <paramref name="customers"/> exactly once in Salesforce (Division and Account), Customcrm, Exact Online
    /// (when <paramref name="exact"/>: its flow ran) and the webshop's table; linked exactly once in each of its flows; no
    /// flow links a local or remote id twice; nothing quarantined; no intent left open; the ERP's demo contacts there once.
    /// </summary>
    public static async Task AssertEachOnceAsync(JobFleet fleet, int customers, bool exact, CancellationToken cancellationToken)
    {
        var systems = fleet.Systems;
        var expected = Enumerable.Range(1, customers).Select(Number).Order(StringComparer.Ordinal).ToList();
        AssertOnceEach(expected, systems.Salesforce.GetRecords("Account").Select(r => (string?)r["AccountNumber"]));
        AssertOnceEach(expected, systems.Crm.GetRecords("Customer").Select(r => (string?)r.Fields["CustomerNumber"]));
        AssertOnceEach(exact ? expected : [], systems.Exact.GetRecords("Accounts").Select(r => ((string?)r["Code"])?.Trim()));
        var names = Enumerable.Range(1, customers).Select(Name).Order(StringComparer.Ordinal).ToList();
        AssertOnceEach(names, systems.Salesforce.GetRecords("Division").Select(r => (string?)r["Name"]));

        var database = fleet.Database;
        var webshop = JobFleet.Webshop;
        AssertOnceEach(expected, await LinkStoreProbe.ReadStringsAsync(database, $"""SELECT "CustomerNumber" FROM {webshop}_data."Customers" """, cancellationToken));

        // The ERP's database was created by the copies starting at once: its demo contacts were saved once.
        var contacts = await LinkStoreProbe.ReadStringsAsync(database, """SELECT "Email" FROM sesamtalk_customerp_data."Contacts" """, cancellationToken);
        Assert.NotEmpty(contacts);
        Assert.Equal(contacts.Distinct(StringComparer.Ordinal).Count(), contacts.Count);

        // Every customer linked once in each of its flows, and no local or remote id twice in any flow.
        var linked = await LinkStoreProbe.ReadStringsAsync(database, $"""
            SELECT l.type || ' ' || c."CustomerNumber" FROM {webshop}.links l JOIN {webshop}_data."Customers" c ON c."Id" = l.local_id
            WHERE l.entity = 'Customer' AND c."CustomerNumber" LIKE 'M%'
            """, cancellationToken);
        foreach (var type in Types)
        {
            AssertOnceEach(exact || type != "Accounts" ? expected : [], linked.Where(l => l!.StartsWith(type + " ", StringComparison.Ordinal)).Select(l => l![(type.Length + 1)..]));
        }

        // Nothing is quarantined in either host's link store (a record that cannot be linked would be), but for the webshop's
        // orders to Exact Online when its customer flow was left out (their customers are not linked there).
        Assert.Empty(await LinkStoreProbe.ReadStringsAsync(database, $"""
            SELECT entity || ' ' || system || ' ' || type || ' ' || record_id || ': ' || error FROM {webshop}.quarantine{(exact ? "" : " WHERE system <> 'ExactOnline'")}
            UNION ALL
            SELECT entity || ' ' || system || ' ' || type || ' ' || record_id || ': ' || error FROM sesamtalk_customerp.quarantine
            """, cancellationToken));

        // The creates that stopped or killed copies had in flight were resolved: no intent is left open.
        Assert.Empty(await LinkStoreProbe.ReadStringsAsync(database, $"SELECT entity || ' ' || type || ' ' || source_id FROM {webshop}.intents", cancellationToken));
        Assert.Empty(await LinkStoreProbe.ReadStringsAsync(database, $"""
            SELECT entity || ' ' || system || ' ' || type || ' ' || local_id FROM {webshop}.links GROUP BY entity, system, type, local_id HAVING count(*) > 1
            UNION ALL
            SELECT entity || ' ' || system || ' ' || type || ' ' || remote_id FROM {webshop}.links GROUP BY entity, system, type, remote_id HAVING count(*) > 1
            """, cancellationToken));
    }

    /// <summary>The test's customers among <paramref name="keys"/> (numbers or names, the demo data's left out): exactly <paramref name="expected"/>, each once.</summary>
    private static void AssertOnceEach(List<string> expected, IEnumerable<string?> keys) =>
        Assert.Equal(expected, keys.OfType<string>().Where(IsOurs).Order(StringComparer.Ordinal).ToList());

    private static bool IsOurs(string key) =>
        key.StartsWith(NamePrefix, StringComparison.Ordinal) || (key.Length == 7 && key[0] == 'M' && key[1..].All(char.IsAsciiDigit));
}
