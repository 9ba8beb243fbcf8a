using System.Text.Json.Nodes;
using SesamTalk.Testing.Salesforce;

namespace SesamTalk.Connectors.Tests.Salesforce;

/// <summary>
/// The record a create's result carries as Salesforce stored it, predicted by the connector from the values sent and
/// describe: for each rewrite Salesforce makes, the prediction equals what the emulator stored (read back), and where
/// the stored value is not certain there is no prediction, so the engine reads the record back.
/// </summary>
public class SalesforceStoredFormTests
{
    private const string SeededAccount = "<seeded account>";
    private const string NoPrediction = "<no prediction>";

    /// <summary>A rewrite rule: the field a create sends a value to, and the value a read then gives.</summary>
    public static TheoryData<string, string, string, object?, object?> Rewrites => new()
    {
        { "text trimmed at both ends", "Contact", "LastName", "  Smith \t\r\n", "Smith" },
        { "a non-breaking space is no whitespace to trim", "Contact", "Description", "\u00a0Kept\u00a0 ", "\u00a0Kept\u00a0" },
        { "empty text stored as null", "Contact", "FirstName", "", null },
        { "blank text stored as null", "Contact", "FirstName", " \t ", null },
        { "null stays null", "Contact", "FirstName", null, null },
        { "an email trimmed", "Contact", "Email", " ann@example.com ", "ann@example.com" },
        { "a phone trimmed", "Contact", "Phone", " +31 20 555 0100 ", "+31 20 555 0100" },
        { "a url trimmed", "Account", "Website", " example.com ", "example.com" },
        { "a picklist value trimmed", "Contact", "LeadSource", " Web ", "Web" },
        { "a picklist value no definition spells otherwise", "Account", "Industry", "Quantum", "Quantum" },
        { "datetime milliseconds cut, not rounded", "Contact", "EmailBouncedDate", new DateTimeOffset(2024, 9, 10, 14, 20, 17, 987, TimeSpan.FromHours(2)), new DateTimeOffset(2024, 9, 10, 12, 20, 17, TimeSpan.Zero) },
        { "a date as sent", "Contact", "Birthdate", new DateOnly(1980, 2, 29), new DateOnly(1980, 2, 29) },
        { "a checkbox as sent", "Contact", "DoNotCall", true, true },
        { "an integer as sent", "Account", "NumberOfEmployees", 250m, 250m },
        { "a currency held as a double", "Account", "AnnualRevenue", 49.9999999999999972m, 50m },
        { "a currency beyond its display scale kept", "Account", "AnnualRevenue", 1234567.891m, 1234567.891m },
        { "a double held as a double", "Account", "BillingLatitude", 52.37021570000000000001m, 52.3702157m },
        { "a large double", "Account", "BillingLongitude", 12345678901234567890m, 12345678901234567000m },
        { "a 15-character reference stored in 18", "Contact", "AccountId", SeededAccount + "[..15]", SeededAccount },
        { "an 18-character reference with a lower-case checksum", "Contact", "AccountId", SeededAccount + ".ToLower(checksum)", SeededAccount },
    };

    [Theory]
    [MemberData(nameof(Rewrites))]
    public async Task A_first_create_carries_the_record_as_salesforce_stored_it_equal_to_what_a_read_gives(string rule, string type, string field, object? sent, object? expected)
    {
        await using var org = await SalesforceOrg.StartAsync();
        var account = org.Emulator.Seed("Account", new JsonObject { ["Name"] = "Acme" });
        var required = type == "Contact" ? "LastName" : "Name";
        var mapper = new FieldListMapper("Salesforce", type, [.. new[] { required, field }.Distinct()]);
        var record = new SyncRecord(type) { [required] = SyncValue.From("Row") };
        record[field] = Value(sent, account);

        var created = Assert.Single(await org.Connector.CreateAsync(mapper, [new(record, "k") { FirstAttempt = true }], CancellationToken.None));
        var read = Assert.Single(await org.Connector.GetManyAsync(mapper, [created.Id!], CancellationToken.None));

        var stored = created.Stored;
        Assert.True(stored is not null, rule);
        Assert.Equal(Value(expected, account), stored[field]);
        Assert.Equal(created.Id, stored.Id);
        foreach (var name in mapper.Fields.Select(f => f.Field).Append("Id").Append("IsDeleted"))
        {
            Assert.Equal(read[name], stored[name]);
        }
    }

    [Fact]
    public async Task Creates_in_an_ingest_job_carry_the_same_predictions_and_no_read_is_needed()
    {
        await using var org = await SalesforceOrg.StartAsync(options => options.BulkThreshold = 2);
        var contacts = new FieldListMapper("Salesforce", "Contact", "LastName", "FirstName", "Description", "EmailBouncedDate");
        var creates = Enumerable.Range(0, 3).Select(i => new RemoteCreate(new SyncRecord("Contact")
        {
            ["LastName"] = SyncValue.From($"  Smith {i} "),
            ["FirstName"] = SyncValue.From(i == 0 ? " " : "Ann"),
            ["EmailBouncedDate"] = SyncValue.From(new DateTimeOffset(2024, 9, 10, 14, 20, 17, 500 + i, TimeSpan.Zero)),
        }, $"k{i}") { FirstAttempt = true }).ToList();

        var created = await org.Connector.CreateAsync(contacts, creates, CancellationToken.None);
        var read = await org.Connector.GetManyAsync(contacts, [.. created.Select(c => c.Id!)], CancellationToken.None);

        Assert.Equal(1, org.Emulator.CallCount(SalesforceEndpoint.BulkIngestCreate));
        foreach (var result in created)
        {
            var stored = Assert.IsType<SyncRecord>(result.Stored);
            var back = read.Single(r => r.Id == result.Id);
            Assert.All(contacts.Fields, field => Assert.Equal(back[field.Field], stored[field.Field]));
        }

        Assert.Equal(["Smith 0", "Smith 1", "Smith 2"], created.Select(c => c.Stored!["LastName"].AsString()));
        Assert.True(created[0].Stored!["FirstName"].IsNull);
        Assert.True(created[0].Stored!["Description"].IsNull); // mapped, not sent, nillable and not defaulted: null
    }

    [Fact]
    public async Task A_predicted_stored_record_is_made_when_it_is_read_so_a_jobs_results_do_not_hold_them_all()
    {
        await using var org = await SalesforceOrg.StartAsync(options => options.BulkThreshold = 2);
        var contacts = new FieldListMapper("Salesforce", "Contact", "LastName", "FirstName");
        var creates = Enumerable.Range(0, 3).Select(i => new RemoteCreate(new SyncRecord("Contact")
        {
            ["LastName"] = SyncValue.From($" Smith {i}"),
            ["FirstName"] = SyncValue.From("Ann"),
        }, $"k{i}") { FirstAttempt = true }).ToList();

        var created = await org.Connector.CreateAsync(contacts, creates, CancellationToken.None);

        var first = Assert.IsType<SyncRecord>(created[1].Stored);
        var second = Assert.IsType<SyncRecord>(created[1].Stored);
        Assert.NotSame(first, second);
        Assert.Equal(created[1].Id, first.Id);
        Assert.Equal("Smith 1", first["LastName"].AsString());
        Assert.Equal([.. first.Select(field => (field.Key, field.Value))], [.. second.Select(field => (field.Key, field.Value))]);
    }

    /// <summary>Creates whose stored record is not certain: the result carries none, so the engine reads them back.</summary>
    public static TheoryData<string, string, string[], string> Uncertain => new()
    {
        { "a roll-up summary Salesforce computes (Order.TotalAmount)", "Order", ["AccountId", "EffectiveDate", "Status", "TotalAmount"], "" },
        { "a field defaulted on create and not sent (OwnerId)", "Contact", ["LastName", "OwnerId"], "" },
        { "a checkbox not sent (Salesforce stores its default)", "Contact", ["LastName", "DoNotCall"], "" },
        { "a compound name Salesforce builds (Contact.Name)", "Contact", ["LastName", "Name"], "" },
        { "an audit stamp (SystemModstamp)", "Contact", ["LastName", "SystemModstamp"], "" },
        { "a picklist value spelt otherwise than its definition", "Contact", ["LastName", "LeadSource"], "web" },
    };

    [Theory]
    [MemberData(nameof(Uncertain))]
    public async Task A_create_whose_stored_record_is_not_certain_carries_none(string rule, string type, string[] fields, string leadSource)
    {
        await using var org = await SalesforceOrg.StartAsync();
        var (account, _, _) = OrderSeed.In(org);
        var mapper = new FieldListMapper("Salesforce", type, fields);
        var record = type == "Order"
            ? new SyncRecord(type) { ["AccountId"] = SyncValue.From(account), ["EffectiveDate"] = SyncValue.From(new DateOnly(2024, 9, 10)), ["Status"] = SyncValue.From("Draft") }
            : new SyncRecord(type) { ["LastName"] = SyncValue.From("Row") };
        if (leadSource.Length > 0)
        {
            record["LeadSource"] = SyncValue.From(leadSource);
        }

        var created = Assert.Single(await org.Connector.CreateAsync(mapper, [new(record, "k") { FirstAttempt = true }], CancellationToken.None));

        Assert.True(created.Succeeded, created.Error?.ToString());
        Assert.True(created.Stored is null, rule);
    }

    [Fact]
    public async Task Records_with_children_creates_that_may_be_repeats_and_an_org_that_turned_predictions_off_carry_no_stored_record()
    {
        await using var org = await SalesforceOrg.StartAsync();
        await using var off = await SalesforceOrg.StartOnAsync(org.Emulator, options => options.PredictStoredRecords = false);
        var (account, pricebook, entry) = OrderSeed.In(org);
        var orders = new FieldListMapper("Salesforce", "Order", "AccountId", "EffectiveDate", "Status", "Pricebook2Id").WithChildren("OrderItems", "OrderId", OrderSeed.Items);
        var order = new SyncRecord("Order")
        {
            ["AccountId"] = SyncValue.From(account),
            ["EffectiveDate"] = SyncValue.From(new DateOnly(2024, 9, 10)),
            ["Status"] = SyncValue.From("Draft"),
            ["Pricebook2Id"] = SyncValue.From(pricebook),
            ["OrderItems"] = SyncValue.From([new SyncRecord("OrderItem") { ["PricebookEntryId"] = SyncValue.From(entry), ["Quantity"] = SyncValue.From(2m), ["UnitPrice"] = SyncValue.From(10m) }]),
        };
        var contacts = new FieldListMapper("Salesforce", "Contact", "LastName");
        SyncRecord Contact() => new("Contact") { ["LastName"] = SyncValue.From("Smith") };

        var withChildren = Assert.Single(await org.Connector.CreateAsync(orders, [new(order, "k1") { FirstAttempt = true }], CancellationToken.None));
        var repeat = Assert.Single(await org.Connector.CreateAsync(contacts, [new(Contact(), "k2")], CancellationToken.None));
        var turnedOff = Assert.Single(await off.Connector.CreateAsync(contacts, [new(Contact(), "k3") { FirstAttempt = true }], CancellationToken.None));
        var predicted = Assert.Single(await org.Connector.CreateAsync(contacts, [new(Contact(), "k4") { FirstAttempt = true }], CancellationToken.None));

        Assert.All([withChildren, repeat, turnedOff, predicted], result => Assert.True(result.Succeeded));
        Assert.Null(withChildren.Stored);
        Assert.Null(repeat.Stored);
        Assert.Null(turnedOff.Stored);
        Assert.NotNull(predicted.Stored);
    }

    /// <summary>Describe flags a real org gives and the emulator's catalog has not: what each makes of a value sent (or of a field left out: null).</summary>
    public static TheoryData<string, object?, object?> DescribedFields => new()
    {
        { """{"name":"Total__c","type":"currency","createable":false,"nillable":true,"calculated":true}""", 10m, NoPrediction },
        { """{"name":"Rollup__c","type":"double","createable":false,"nillable":true,"calculated":true}""", null, NoPrediction },
        { """{"name":"Amount__c","type":"currency","createable":true,"nillable":true,"scale":2}""", 12.34m, 12.34m },
        { """{"name":"Amount__c","type":"currency","createable":true,"nillable":true,"scale":2}""", 12.345m, NoPrediction },
        { """{"name":"Notes__c","type":"textarea","createable":true,"nillable":true,"extraTypeInfo":"richtextarea"}""", " <b>x</b> ", NoPrediction },
        { """{"name":"Notes__c","type":"textarea","createable":true,"nillable":true,"extraTypeInfo":"plaintextarea"}""", " x ", "x" },
        { """{"name":"Secret__c","type":"encryptedstring","createable":true,"nillable":true}""", "x", NoPrediction },
        { """{"name":"Tags__c","type":"multipicklist","createable":true,"nillable":true}""", "a;b", NoPrediction },
        { """{"name":"Region__c","type":"picklist","createable":true,"nillable":true,"defaultValue":"EU","defaultedOnCreate":true}""", null, NoPrediction },
        { """{"name":"Region__c","type":"picklist","createable":true,"nillable":true,"defaultValue":"EU","defaultedOnCreate":true}""", "US", "US" },
        { """{"name":"Flag__c","type":"boolean","createable":true,"nillable":false,"defaultValue":false,"defaultedOnCreate":true}""", null, NoPrediction },
        { """{"name":"Count__c","type":"double","createable":true,"nillable":true,"defaultValueFormula":"1"}""", null, NoPrediction },
        { """{"name":"Number__c","type":"string","createable":false,"nillable":false,"autoNumber":true}""", null, NoPrediction },
        { """{"name":"Note__c","type":"string","createable":true,"nillable":true}""", null, null },
        { """{"name":"Size__c","type":"int","createable":true,"nillable":true}""", 2.5m, NoPrediction },
    };

    [Theory]
    [MemberData(nameof(DescribedFields))]
    public void What_describe_says_of_a_field_decides_whether_its_stored_value_is_predicted(string describe, object? sent, object? expected)
    {
        using var json = System.Text.Json.JsonDocument.Parse(describe);
        var field = Connectors.Salesforce.SalesforceFieldDescribe.Read(json.RootElement);

        var stored = Connectors.Salesforce.SalesforceStoredForm.Stored(field, sent is null ? null : Value(sent, ""));

        Assert.Equal(expected is NoPrediction ? null : Value(expected, ""), stored);
    }

    private static SyncValue Value(object? value, string account) => value switch
    {
        null => SyncValue.Null,
        SeededAccount => SyncValue.From(account),
        SeededAccount + "[..15]" => SyncValue.From(account[..15]),
        SeededAccount + ".ToLower(checksum)" => SyncValue.From(account[..15] + account[15..].ToLowerInvariant()),
        string text => SyncValue.From(text),
        bool flag => SyncValue.From(flag),
        decimal number => SyncValue.From(number),
        DateTimeOffset instant => SyncValue.From(instant),
        DateOnly date => SyncValue.From(date),
        _ => throw new ArgumentException($"No value for {value}.", nameof(value)),
    };
}
