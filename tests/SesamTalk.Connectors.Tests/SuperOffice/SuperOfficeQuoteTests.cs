using System.Globalization;
using System.Text.Json.Nodes;
using SesamTalk.Connectors.SuperOffice;
using SesamTalk.Testing.SuperOffice;

namespace SesamTalk.Connectors.Tests.SuperOffice;

/// <summary>Quote alternatives, quote lines and products through the Quote agent, as the engine drives them.</summary>
public class SuperOfficeQuoteTests
{
    private static readonly DateTimeOffset T0 = new(2024, 9, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly FieldListMapper Alternatives = new("SuperOffice", "QuoteAlternative", "Name", "QuoteVersionId", "DiscountPercent");
    private static readonly FieldListMapper Lines = new("SuperOffice", "QuoteLine", "Name", "Quantity", "UnitListPrice", "QuoteAlternativeId");
    private static readonly FieldListMapper Products = new("SuperOffice", "Product", "Name", "Code", "UnitListPrice");

    [Fact]
    public async Task A_quote_alternative_is_created_read_updated_without_losing_other_fields_and_deleted_with_its_lines()
    {
        await using var tenant = await SuperOfficeConnection.StartAsync();
        var version = tenant.Emulator.SeedQuoteVersion(tenant.Emulator.Seed("Sale", new JsonObject { ["Heading"] = "Deal" }, T0));

        var created = Assert.Single(await tenant.Connector.CreateAsync(Alternatives, [new(new SyncRecord("QuoteAlternative")
        {
            ["Name"] = SyncValue.From("Option A"),
            ["QuoteVersionId"] = SyncValue.From(version),
            ["Description"] = SyncValue.From("kept on update"),
        }, "k1")], CancellationToken.None));
        var id = int.Parse(created.Id!, CultureInfo.InvariantCulture);
        await tenant.Connector.CreateAsync(Lines, [new(new SyncRecord("QuoteLine")
        {
            ["QuoteAlternativeId"] = SyncValue.From(id),
            ["Quantity"] = SyncValue.From(2),
            ["UnitListPrice"] = SyncValue.From(50),
        }, "line")], CancellationToken.None);
        var updated = Assert.Single(await tenant.Connector.UpdateAsync(Alternatives, [new SyncRecord("QuoteAlternative", created.Id) { ["DiscountPercent"] = SyncValue.From(10) }], CancellationToken.None));
        var read = await tenant.Connector.GetAsync(Alternatives, created.Id!, CancellationToken.None);
        var deleted = await tenant.Connector.DeleteAsync(Alternatives, [created.Id!, created.Id!], CancellationToken.None);

        Assert.True(created.Succeeded, created.Error?.ToString());
        Assert.True(updated.Succeeded, updated.Error?.ToString());
        Assert.Equal("Option A", read!["Name"].AsString());
        Assert.Equal("kept on update", read["Description"].AsString());
        Assert.Equal(10m, read["DiscountPercent"].AsDecimal());
        Assert.Equal(90m, read["TotalPrice"].AsDecimal()); // 2 × 50 less 10 %, recalculated by SuperOffice
        Assert.All(deleted, r => Assert.True(r.Succeeded, r.Error?.ToString()));
        Assert.Empty(tenant.Emulator.GetRecords("QuoteAlternative"));
        Assert.Empty(tenant.Emulator.GetRecords("QuoteLine"));
        Assert.Null(await tenant.Connector.GetAsync(Alternatives, created.Id!, CancellationToken.None));
        Assert.Equal(8, tenant.Emulator.CallCount(SuperOfficeEndpoint.QuoteAgent)); // save; line save; get+save; get; delete; delete (gone); get
    }

    [Fact]
    public async Task A_quote_line_is_created_under_its_alternative_updated_and_deleted()
    {
        await using var tenant = await SuperOfficeConnection.StartAsync();
        var alternative = tenant.Emulator.Seed("QuoteAlternative", new JsonObject { ["QuoteVersionId"] = 1, ["Name"] = "A" });

        var created = Assert.Single(await tenant.Connector.CreateAsync(Lines, [new(new SyncRecord("QuoteLine")
        {
            ["QuoteAlternativeId"] = SyncValue.From(alternative),
            ["Name"] = SyncValue.From("Licences"),
            ["Quantity"] = SyncValue.From(3),
            ["UnitListPrice"] = SyncValue.From(100),
        }, "k")], CancellationToken.None));
        var updated = Assert.Single(await tenant.Connector.UpdateAsync(Lines, [new SyncRecord("QuoteLine", created.Id) { ["Quantity"] = SyncValue.From(4) }], CancellationToken.None));
        var stored = tenant.Emulator.GetRecord("QuoteLine", int.Parse(created.Id!, CultureInfo.InvariantCulture))!;
        var deleted = Assert.Single(await tenant.Connector.DeleteAsync(Lines, [created.Id!], CancellationToken.None));

        Assert.True(created.Succeeded, created.Error?.ToString());
        Assert.True(updated.Succeeded, updated.Error?.ToString());
        Assert.Equal(alternative, (int)stored["QuoteAlternativeId"]!);
        Assert.Equal("Licences", (string)stored["Name"]!);
        Assert.Equal(400d, (double)stored["TotalPrice"]!);
        Assert.True(deleted.Succeeded);
        Assert.Empty(tenant.Emulator.GetRecords("QuoteLine"));
    }

    [Fact]
    public async Task A_product_is_created_found_by_code_updated_and_deleted()
    {
        await using var tenant = await SuperOfficeConnection.StartAsync();
        tenant.Emulator.Seed("Product", new JsonObject { ["Name"] = "Other", ["Code"] = "WID-100" });

        var created = Assert.Single(await tenant.Connector.CreateAsync(Products, [new(new SyncRecord("Product")
        {
            ["Name"] = SyncValue.From("Widget"),
            ["Code"] = SyncValue.From("WID-1"),
            ["UnitListPrice"] = SyncValue.From(12.5m),
        }, "k")], CancellationToken.None));
        var found = await tenant.Connector.SearchAsync(Products, "Code", [SyncValue.From("wid-1"), SyncValue.From("NONE")], CancellationToken.None);
        var updated = Assert.Single(await tenant.Connector.UpdateAsync(Products, [new SyncRecord("Product", created.Id) { ["UnitListPrice"] = SyncValue.From(15m) }], CancellationToken.None));
        var read = await tenant.Connector.GetAsync(Products, created.Id!, CancellationToken.None);
        var deleted = Assert.Single(await tenant.Connector.DeleteAsync(Products, [created.Id!], CancellationToken.None));

        Assert.True(created.Succeeded && updated.Succeeded && deleted.Succeeded);
        Assert.Equal(created.Id, Assert.Single(found).Id);
        Assert.Equal(15m, read!["UnitListPrice"].AsDecimal());
        Assert.True(read["InAssortment"].AsBoolean()); // created in assortment, kept by the whole-carrier update
        Assert.Equal("Widget", read["Name"].AsString());
        Assert.Equal(["Other"], tenant.Emulator.GetRecords("Product").Select(p => (string)p["Name"]!));
    }

    [Fact]
    public async Task Quote_changes_walk_every_sale_quote_a_page_per_page_of_sales_and_a_read_starts_over()
    {
        await using var tenant = await SuperOfficeConnection.StartAsync(pageSize: 2);
        var alternatives = new List<int>();
        for (var s = 0; s < 3; s++)
        {
            var sale = tenant.Emulator.Seed("Sale", new JsonObject { ["Heading"] = $"Sale {s}" }, T0.AddSeconds(s));
            var version = tenant.Emulator.SeedQuoteVersion(sale);
            alternatives.Add(tenant.Emulator.Seed("QuoteAlternative", new JsonObject { ["QuoteVersionId"] = version, ["Name"] = $"Alt {s}" }));
        }

        tenant.Emulator.Seed("Sale", new JsonObject { ["Heading"] = "No quote" }, T0.AddSeconds(9));
        tenant.Emulator.Seed("QuoteLine", new JsonObject { ["QuoteAlternativeId"] = alternatives[0], ["Name"] = "L1", ["Quantity"] = 1 });
        tenant.Emulator.Seed("QuoteLine", new JsonObject { ["QuoteAlternativeId"] = alternatives[2], ["Name"] = "L2", ["Quantity"] = 1 });

        var pages = await tenant.Connector.ReadChangesAsync(Alternatives, null, CancellationToken.None).ToListAsync();
        tenant.Emulator.Edit("QuoteAlternative", alternatives[0], new JsonObject { ["Name"] = "Alt 0 renamed" });
        var again = await tenant.Connector.ReadChangesAsync(Alternatives, pages[^1].Cursor, CancellationToken.None).ToListAsync();
        var lines = await tenant.Connector.ReadChangesAsync(Lines, null, CancellationToken.None).ToListAsync();

        Assert.Equal([["Alt 0", "Alt 1"], ["Alt 2"]], pages.Select(p => p.Records.Select(r => r["Name"].AsString()).ToArray()));
        Assert.All(pages, p => Assert.Equal("walk", p.Cursor));
        Assert.Equal("Alt 0 renamed", again[0].Records[0]["Name"].AsString());
        Assert.Equal(["L1", "L2"], lines.SelectMany(p => p.Records).Select(r => r["Name"].AsString()));
        Assert.Equal(alternatives[2], lines[^1].Records[^1]["QuoteAlternativeId"].AsInt32());
    }

    [Fact]
    public async Task An_alternative_carries_its_lines_as_children_and_saves_new_and_changed_lines_in_one_call()
    {
        await using var tenant = await SuperOfficeConnection.StartAsync();
        var withLines = Alternatives.WithChildren("QuoteLines", "QuoteAlternativeId", Lines);
        var version = tenant.Emulator.SeedQuoteVersion(tenant.Emulator.Seed("Sale", new JsonObject { ["Heading"] = "Deal" }, T0));
        var alternative = tenant.Emulator.Seed("QuoteAlternative", new JsonObject { ["QuoteVersionId"] = version, ["Name"] = "A" });
        var existing = tenant.Emulator.Seed("QuoteLine", new JsonObject { ["QuoteAlternativeId"] = alternative, ["Name"] = "Old", ["Quantity"] = 1, ["UnitListPrice"] = 10 });

        var read = Assert.Single(await tenant.Connector.ReadChangesAsync(withLines, null, CancellationToken.None).ToListAsync()).Records.Single();
        var newLine = new SyncRecord("QuoteLine") { ["Name"] = SyncValue.From("New"), ["Quantity"] = SyncValue.From(2), ["UnitListPrice"] = SyncValue.From(5) };
        tenant.Emulator.ResetCallCounts();
        var result = Assert.Single(await tenant.Connector.UpdateAsync(withLines, [new SyncRecord("QuoteAlternative", read.Id)
        {
            ["QuoteLines"] = SyncValue.From([new SyncRecord("QuoteLine", existing.ToString(CultureInfo.InvariantCulture)) { ["Quantity"] = SyncValue.From(3) }, newLine]),
        }], CancellationToken.None));

        Assert.Equal("Old", Assert.Single(read["QuoteLines"].AsRecords()!)["Name"].AsString());
        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal(2, tenant.Emulator.CallCount(SuperOfficeEndpoint.QuoteAgent)); // GetQuoteLines + SaveQuoteLines
        var stored = tenant.Emulator.GetRecords("QuoteLine");
        Assert.Equal(["Old", "New"], stored.Select(l => (string)l["Name"]!));
        Assert.Equal(3d, (double)stored[0]["Quantity"]!);
        Assert.All(stored, l => Assert.Equal(alternative, (int)l["QuoteAlternativeId"]!));
        Assert.NotNull(newLine.Id);
    }

    [Fact]
    public async Task A_line_marked_deleted_in_an_update_is_deleted_through_the_quote_agent_and_the_others_are_saved()
    {
        await using var tenant = await SuperOfficeConnection.StartAsync();
        var withLines = Alternatives.WithChildren("QuoteLines", "QuoteAlternativeId", Lines);
        var version = tenant.Emulator.SeedQuoteVersion(tenant.Emulator.Seed("Sale", new JsonObject { ["Heading"] = "Deal" }, T0));
        var alternative = tenant.Emulator.Seed("QuoteAlternative", new JsonObject { ["QuoteVersionId"] = version, ["Name"] = "A" });
        var kept = tenant.Emulator.Seed("QuoteLine", new JsonObject { ["QuoteAlternativeId"] = alternative, ["Name"] = "Kept", ["Quantity"] = 1 });
        var removed = tenant.Emulator.Seed("QuoteLine", new JsonObject { ["QuoteAlternativeId"] = alternative, ["Name"] = "Removed", ["Quantity"] = 1 });
        tenant.Emulator.ResetCallCounts();

        var result = Assert.Single(await tenant.Connector.UpdateAsync(withLines, [new SyncRecord("QuoteAlternative", alternative.ToString(CultureInfo.InvariantCulture))
        {
            ["QuoteLines"] = SyncValue.From(
            [
                new SyncRecord("QuoteLine", kept.ToString(CultureInfo.InvariantCulture)) { ["Quantity"] = SyncValue.From(2) },
                new SyncRecord("QuoteLine", removed.ToString(CultureInfo.InvariantCulture)) { IsDeleted = true },
            ]),
        }], CancellationToken.None));

        Assert.True(result.Succeeded, result.Error?.ToString());
        var stored = Assert.Single(tenant.Emulator.GetRecords("QuoteLine"));
        Assert.Equal(("Kept", 2d), ((string)stored["Name"]!, (double)stored["Quantity"]!));
        Assert.Equal(3, tenant.Emulator.CallCount(SuperOfficeEndpoint.QuoteAgent)); // GetQuoteLines + SaveQuoteLines + DeleteQuoteLine
    }

    [Fact]
    public async Task A_refused_line_fails_with_superoffice_error_type_and_field_while_the_others_are_written()
    {
        await using var tenant = await SuperOfficeConnection.StartAsync();
        var alternative = tenant.Emulator.Seed("QuoteAlternative", new JsonObject { ["QuoteVersionId"] = 1, ["Name"] = "A" });
        RemoteCreate Line(string name, int parent) => new(new SyncRecord("QuoteLine") { ["Name"] = SyncValue.From(name), ["QuoteAlternativeId"] = SyncValue.From(parent) }, name);

        var results = await tenant.Connector.CreateAsync(Lines, [Line("ok 1", alternative), Line("orphan", 4242), Line("ok 2", alternative)], CancellationToken.None);
        var missing = Assert.Single(await tenant.Connector.UpdateAsync(Products, [new SyncRecord("Product", "777") { ["Name"] = SyncValue.From("x") }], CancellationToken.None));

        Assert.True(results[0].Succeeded && results[2].Succeeded);
        Assert.Equal("SoValidationException", results[1].Error!.Code);
        Assert.Equal(["QuoteAlternativeId"], results[1].Error!.Fields);
        Assert.Contains("4242", results[1].Error!.Message, StringComparison.Ordinal);
        Assert.Equal(["ok 1", "ok 2"], tenant.Emulator.GetRecords("QuoteLine").Select(l => (string)l["Name"]!));
        Assert.Equal("SoNotFoundException", missing.Error!.Code);
        Assert.Equal("777", missing.Id);
    }

    [Fact]
    public async Task Product_changes_are_every_product_in_assortment()
    {
        await using var tenant = await SuperOfficeConnection.StartAsync();
        tenant.Emulator.Seed("Product", new JsonObject { ["Name"] = "Sold", ["Code"] = "S", ["InAssortment"] = true });
        tenant.Emulator.Seed("Product", new JsonObject { ["Name"] = "Discontinued", ["Code"] = "D", ["InAssortment"] = false });

        var page = Assert.Single(await tenant.Connector.ReadChangesAsync(Products, null, CancellationToken.None).ToListAsync());

        Assert.Equal("Sold", Assert.Single(page.Records)["Name"].AsString());
        Assert.Equal(1, tenant.Emulator.CallCount(SuperOfficeEndpoint.QuoteAgent));
    }

    [Fact]
    public async Task Quote_alternatives_list_their_ids_by_the_walk_of_every_sale_and_products_cannot()
    {
        await using var tenant = await SuperOfficeConnection.StartAsync();
        var version = tenant.Emulator.SeedQuoteVersion(tenant.Emulator.Seed("Sale", new JsonObject { ["Heading"] = "Deal" }, T0));
        var kept = tenant.Emulator.Seed("QuoteAlternative", new JsonObject { ["QuoteVersionId"] = version, ["Name"] = "Kept" });
        var gone = tenant.Emulator.Seed("QuoteAlternative", new JsonObject { ["QuoteVersionId"] = version, ["Name"] = "Gone" });
        tenant.Emulator.Delete("QuoteAlternative", gone);

        var listed = await tenant.Connector.ListIdsAsync(Alternatives, CancellationToken.None).ToListAsync();

        Assert.Equal([kept.ToString(CultureInfo.InvariantCulture)], listed.SelectMany(page => page));
        await Assert.ThrowsAsync<NotSupportedException>(() => tenant.Connector.ListIdsAsync(Products, CancellationToken.None).ToListAsync().AsTask());
    }

    [Fact]
    public async Task Every_known_type_can_be_written_one_record_a_call_and_no_feed_reports_deletions()
    {
        await using var tenant = await SuperOfficeConnection.StartAsync();

        foreach (var type in new[] { "Contact", "Person", "Sale", "QuoteAlternative", "QuoteLine", "Product" })
        {
            // Every type but Product lists its ids: a discontinued product leaves the product searches as a deleted one would.
            Assert.Equal(new ConnectorCapabilities(true, true, true, false, false, 1, ListsIds: type != "Product"), tenant.Connector.GetCapabilities(type));
        }

        Assert.Throws<NotSupportedException>(() => tenant.Connector.GetCapabilities("Quote"));
        await Assert.ThrowsAsync<NotSupportedException>(() => tenant.Client.ReadChangesAsync(SuperOfficeEntity.Product, null).ToListAsync().AsTask());
    }
}
