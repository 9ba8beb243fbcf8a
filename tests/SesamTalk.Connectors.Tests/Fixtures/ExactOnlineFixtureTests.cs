using SesamTalk.Connectors.ExactOnline;

namespace SesamTalk.Connectors.Tests.Fixtures;

/// <summary>
/// The recorded Exact Online GET bodies in <c>../shared/fixtures/exactonline</c>, served to the real client through
/// DI: single rows, pages without <c>__next</c>, the bare-array <c>$top</c> form and expanded line collections.
/// The POST body and the field list: see <see cref="ExactOnlineWriteFixtureTests"/> and <see cref="ExactOnlineCatalogFixtureTests"/>.
/// </summary>
public class ExactOnlineFixtureTests
{
    internal static readonly ExactOnlineEntitySet SalesInvoices = new("SalesInvoices", "salesinvoice/SalesInvoices", "InvoiceID", null);

    [Fact]
    public async Task Crm_account_single_reads_typed_with_fixed_width_padding_trimmed_and_the_deferred_link_skipped()
    {
        const string id = "71b961de-b9f3-49fe-883d-0f46c7e0e89b";
        await using var company = ExactOnlineFixtureCompany.Start(new FixtureResponses()
            .On(HttpMethod.Get, $"/api/v1/499156/crm/Accounts(guid'{id}')", FixtureFiles.Text("exactonline", "crm_account_single.json")));

        var account = await company.Client.GetAsync(ExactOnlineEntitySet.Accounts, id);

        Assert.NotNull(account);
        Assert.Equal("Accounts", account.Type);
        Assert.Equal(id, account.Id);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1382667872203), account.ModifiedAt);
        Assert.Equal(120, account.Count);
        Assert.False(account.Contains("__metadata"));
        Assert.False(account.Contains("BankAccounts"));
        Assert.Equal("Albex Winkelinrichting B.V.", account["Name"].AsString());
        Assert.Equal("8", account["Code"].AsString()); // "                 8" on the wire
        Assert.Equal("NL", account["Country"].AsString()); // "NL "
        Assert.Equal("NL", account["Language"].AsString()); // "NL        "
        Assert.Equal("ALBEX", account["SearchCode"].AsString()); // "ALBEX    "
        Assert.Equal(SyncValueKind.String, account["Postcode"].Kind);
        Assert.Equal("3995", account["Postcode"].AsString());
        Assert.Equal(SyncValueKind.DateTime, account["StartDate"].Kind);
        Assert.Equal(new DateTimeOffset(2010, 3, 5, 0, 0, 0, TimeSpan.Zero), account["StartDate"].AsDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2013, 10, 25, 0, 0, 0, TimeSpan.Zero), account["StatusSince"].AsDateTimeOffset());
        Assert.Equal(499156, account["Division"].AsInt32());
        Assert.Equal(2, account["ConsolidationScenario"].AsInt32());
        Assert.Equal(true, account["IsSupplier"].AsBoolean());
        Assert.Equal(false, account["Blocked"].AsBoolean());
        Assert.Equal(Guid.Parse("686a70b6-0033-4e7b-bb3b-bbcf7f9954a2"), account["GLAP"].AsGuid());
        Assert.True(account["Email"].IsNull);
        Assert.Equal("Bearer " + ExactOnlineFixtureCompany.AccessToken, Assert.Single(company.ApiRequests).Authorization);
    }

    [Fact]
    public async Task Crm_accounts_list_is_one_page_without_next()
    {
        await using var company = ExactOnlineFixtureCompany.Start(new FixtureResponses()
            .On(HttpMethod.Get, "/api/v1/499156/crm/Accounts", FixtureFiles.Text("exactonline", "crm_accounts_list.json")));

        var accounts = await company.Client.ReadAsync(ExactOnlineEntitySet.Accounts, ["Name", "Code"]).ToListAsync();

        Assert.Equal(["71b961de-b9f3-49fe-883d-0f46c7e0e89b", "0ebc3ef9-752d-4a3e-b54e-10dea7ba54e6"], accounts.Select(a => a.Id));
        Assert.Equal(["Albex Winkelinrichting B.V.", "Groothandel  sportfietsen"], accounts.Select(a => a["Name"].AsString()));
        Assert.Equal(["8", "3"], accounts.Select(a => a["Code"].AsString()));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1382667871673), accounts[1].ModifiedAt);
        Assert.Equal(new DateTimeOffset(2010, 3, 4, 0, 0, 0, TimeSpan.Zero), accounts[1]["StartDate"].AsDateTimeOffset());
        Assert.Equal("03", accounts[1]["PurchaseVATCode"].AsString()); // "03 " on the wire
        Assert.Equal("2831AA", accounts[1]["Postcode"].AsString());
        var request = Assert.Single(company.ApiRequests);
        Assert.Equal("?$select=ID,Modified,Name,Code", request.Uri.Query);
    }

    [Fact]
    public async Task List_with_empty_expanded_collection_gives_an_empty_records_field()
    {
        await using var company = ExactOnlineFixtureCompany.Start(new FixtureResponses()
            .On(HttpMethod.Get, "/api/v1/499156/crm/Accounts", FixtureFiles.Text("exactonline", "list_with_empty_expanded_collection.json")));

        var row = await company.Client.ReadAsync(ExactOnlineEntitySet.Accounts, ["BankAccounts"]).SingleAsync();

        Assert.Equal(["BankAccounts"], row.FieldNames);
        Assert.Equal(SyncValueKind.Records, row["BankAccounts"].Kind);
        Assert.Empty(row["BankAccounts"].AsRecords()!);
        Assert.Null(row.Id);
        Assert.Null(row.ModifiedAt);
    }

    [Fact]
    public async Task Salesinvoice_single_with_expanded_lines_reads_the_lines_as_records()
    {
        const string id = "c00ee12c-2b39-4e84-b332-54a3c722e5dd";
        await using var company = ExactOnlineFixtureCompany.Start(new FixtureResponses()
            .On(HttpMethod.Get, $"/api/v1/499156/salesinvoice/SalesInvoices(guid'{id}')", FixtureFiles.Text("exactonline", "salesinvoice_single_with_expanded_lines.json")));

        var invoice = await company.Client.GetAsync(SalesInvoices, id);

        Assert.NotNull(invoice);
        Assert.Equal(id, invoice.Id);
        Assert.Equal(43, invoice.Count);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1382667906263), invoice.ModifiedAt);
        Assert.Equal(new DateTimeOffset(2012, 10, 26, 0, 0, 0, TimeSpan.Zero), invoice["InvoiceDate"].AsDateTimeOffset());
        Assert.Equal(9075m, invoice["AmountFC"].AsDecimal());
        Assert.Equal(1575m, invoice["VATAmountDC"].AsDecimal());
        Assert.Equal(SyncValueKind.String, invoice["Journal"].Kind);
        Assert.Equal("50", invoice["Journal"].AsString());
        Assert.Equal(8020, invoice["Type"].AsInt32());
        Assert.Equal(1, invoice["OrderNumber"].AsInt32());
        Assert.True(invoice["InvoiceNumber"].IsNull);
        Assert.Equal("Test ABC Producten & Diensten B.V.", invoice["InvoiceToName"].AsString());
        var line = Assert.Single(invoice["SalesInvoiceLines"].AsRecords()!);
        Assert.Equal("SalesInvoiceLines", line.Type);
        Assert.Equal("ea799352-5da3-4b16-acc0-20dcfe4d02fc", line.Id);
        Assert.Equal(37, line.Count);
        Assert.Null(line.ModifiedAt);
        Assert.Equal(id, line["InvoiceID"].AsString());
        Assert.Equal("4f68481a-7a2c-4fbc-a3a0-0c494df3fa0d", line["Item"].AsString());
        Assert.Equal(1, line["LineNumber"].AsInt32());
        Assert.Equal(300m, line["Quantity"].AsDecimal());
        Assert.Equal(25m, line["UnitPrice"].AsDecimal());
        Assert.Equal(7500m, line["AmountFC"].AsDecimal());
        Assert.Equal(0.21m, line["VATPercentage"].AsDecimal());
        Assert.Equal("02", line["VATCode"].AsString()); // "02 " on the wire
        Assert.True(line["EndTime"].IsNull);
    }

    [Fact]
    public async Task Logistics_items_list_reads_both_items_from_the_belgian_site()
    {
        await using var company = ExactOnlineFixtureCompany.Start(new FixtureResponses()
            .On(HttpMethod.Get, "/api/v1/123456/logistics/Items", FixtureFiles.Text("exactonline", "logistics_items_list.json")),
            site: "https://start.exactonline.be/", division: 123456);

        var items = await company.Client.ReadAsync(ExactOnlineEntitySet.Items, ["Code", "Description"]).ToListAsync();

        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Equal("00000000-0000-0000-0000-000000000000", i.Id));
        Assert.All(items, i => Assert.Equal(101, i.Count));
        Assert.All(items, i => Assert.Equal(new DateTimeOffset(2022, 1, 1, 11, 0, 0, TimeSpan.Zero), i.ModifiedAt));
        Assert.Equal(["Grenen Balk 10 x 10 x 200", "Basis Unit EM Pack KDR-400"], items.Select(i => i["Description"].AsString()));
        Assert.Equal([6m, 135.28m], items.Select(i => i["CostPriceStandard"].AsDecimal()!.Value));
        Assert.Equal([0, 1], items.Select(i => i["IsMakeItem"].AsInt32()!.Value));
        Assert.Equal(["GROND", "HALFFAB"], items.Select(i => i["ItemGroupCode"].AsString()));
        Assert.Equal("stuk    ", items[0]["Unit"].AsString());
        Assert.Equal("pièce", items[0]["UnitDescription"].AsString());
        Assert.Equal("5  ", items[0]["SalesVatCode"].AsString());
        Assert.Equal(true, items[0]["IsFractionAllowedItem"].AsBoolean());
        Assert.True(items[0]["AverageCost"].IsNull);
        Assert.Equal("https://start.exactonline.be/api/v1/123456/logistics/Items", Assert.Single(company.ApiRequests).Uri.GetLeftPart(UriPartial.Path));
    }

    [Fact]
    public async Task Logistics_items_top1_bare_array_is_read_as_a_page_without_results()
    {
        await using var company = ExactOnlineFixtureCompany.Start(new FixtureResponses()
            .On(HttpMethod.Get, "/api/v1/123456/logistics/Items", FixtureFiles.Text("exactonline", "logistics_items_top1_bare_array.json")),
            site: "https://start.exactonline.be/", division: 123456);

        var item = await company.Client.ReadAsync(ExactOnlineEntitySet.Items, ["Code", "Description"]).SingleAsync();

        Assert.Equal("Items", item.Type);
        Assert.Equal("00000000-0000-0000-0000-000000000000", item.Id);
        Assert.Equal("12345678", item["Code"].AsString());
        Assert.Equal("Grenen Balk 10 x 10 x 200", item["Description"].AsString());
        Assert.Equal("Pijl rechts", item["ExtraDescription"].AsString());
        Assert.Equal(6m, item["CostPriceStandard"].AsDecimal());
        Assert.Equal(new DateTimeOffset(2022, 1, 1, 11, 0, 0, TimeSpan.Zero), item["EndDate"].AsDateTimeOffset());
        Assert.Single(company.ApiRequests);
    }
}
