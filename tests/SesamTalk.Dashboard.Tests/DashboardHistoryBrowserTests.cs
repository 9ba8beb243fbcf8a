using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.Dashboard.Tests;

/// <summary>
/// The pages over the link store's history and its operator queries, in headless chromium: a flow's chart and cycles,
/// the overview's last cycle, dropping quarantined records, links by match-key value and page, conflicts by time.
/// </summary>
[Collection(SharedDashboardApp.Name)]
public sealed class DashboardHistoryBrowserTests(DashboardApp app)
{
    private static readonly SyncFlowId CustomerToCustomcrm = new("Customer", new SyncTarget("Customcrm", "Customer"));
    private static readonly SyncFlowId OrderToCustomcrm = new("Order", new SyncTarget("Customcrm", "Order"));

    private ILinkStore Links => app.Webshop.Links;

    private ICycleHistoryStore History => (ICycleHistoryStore)app.Webshop.Links;

    [Fact]
    public async Task A_flows_page_charts_a_point_per_recorded_cycle_and_lists_the_cycles()
    {
        // The fixture's first cycle, and one more run by the host's own code (not from the dashboard).
        await app.Webshop.Talk.Customers.SyncAsync(CustomerToCustomcrm.Target);
        var cycles = await History.GetCycleHistoryAsync(CustomerToCustomcrm, 200);
        Assert.True(cycles.Count >= 2);

        var page = await app.NewPageAsync();
        await page.GotoAsync(app.DashboardUrl);
        var row = page.Locator("#flows tr[data-flow='Customer → Customcrm/Customer']");
        Assert.Equal(cycles[0].EndedAt.ToString("u", CultureInfo.InvariantCulture), (await row.Locator("td").Nth(4).InnerTextAsync()).Trim());
        await row.GetByRole(AriaRole.Link, new() { Name = "Customer → Customcrm/Customer" }).ClickAsync();
        await DashboardApp.ScreenshotAsync(page, "flow-history");

        await Assertions.Expect(page.Locator("h2")).ToHaveTextAsync("Flow: Customer → Customcrm/Customer");
        Assert.Equal(cycles.Count, await page.Locator("#chart-written circle").CountAsync());
        Assert.Equal(cycles.Count, await page.Locator("#chart-api-calls circle").CountAsync());
        Assert.Equal(cycles.Count, await page.Locator("#chart-conflicts circle").CountAsync());
        var written = cycles.Reverse().Select(c => (c.Report.Created + c.Report.Updated + c.Report.Deleted).ToString(CultureInfo.InvariantCulture));
        Assert.Equal(written, await page.Locator("#chart-written circle").EvaluateAllAsync<string[]>("dots => dots.map(d => d.getAttribute('data-value'))"));
        Assert.Equal(cycles.Count, await page.Locator("#cycles tbody tr").CountAsync());
        Assert.Equal(cycles[0].Report.ApiCalls.ToString(CultureInfo.InvariantCulture), (await page.Locator("#cycles tbody tr").First.Locator("td").Nth(10).InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task Quarantined_records_are_dropped_from_the_page_singly_and_in_bulk()
    {
        await using (var commit = await Links.BeginCommitAsync())
        {
            foreach (var id in new[] { "DROP-1", "DROP-2", "DROP-3" })
            {
                commit.Quarantine(OrderToCustomcrm, SyncSide.Remote, id, $"Customcrm refused order {id}: Total is required", payload: null);
            }

            await commit.CommitAsync();
        }

        var page = await app.NewPageAsync();
        await page.GotoAsync(app.DashboardUrl + "/quarantine");
        await page.Locator("tr[data-record='DROP-1']").GetByRole(AriaRole.Button, new() { Name = "Drop" }).ClickAsync();
        await Assertions.Expect(page.Locator(".message")).ToContainTextAsync("Dropped 1 record(s) of Order → Customcrm/Order");
        await DashboardApp.ScreenshotAsync(page, "quarantine-dropped");

        await page.Locator("tr[data-record='DROP-2'] input[type=checkbox]").CheckAsync();
        await page.Locator("tr[data-record='DROP-3'] input[type=checkbox]").CheckAsync();
        await page.Locator("fieldset[data-flow='Order → Customcrm/Order']").GetByRole(AriaRole.Button, new() { Name = "Drop selected" }).ClickAsync();
        await Assertions.Expect(page.Locator(".message")).ToContainTextAsync("Dropped 2 record(s) of Order → Customcrm/Order");

        Assert.DoesNotContain(await Links.ListQuarantinedAsync(OrderToCustomcrm), entry => entry.RecordId.StartsWith("DROP-", StringComparison.Ordinal));
        Assert.Equal(0, await page.Locator("tr[data-record^='DROP-']").CountAsync());
    }

    [Fact]
    public async Task A_link_is_found_by_the_match_key_value_it_was_made_on_with_its_provenance()
    {
        var matched = await MatchedLinksAsync().FirstOrDefaultAsync();
        Assert.NotNull(matched);
        var (flow, link) = matched.Value;

        var page = await app.NewPageAsync();
        await page.GotoAsync(app.DashboardUrl + "/links");
        await page.FillAsync("input[name=id]", "  " + link.MatchValue!.ToLowerInvariant() + " ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await DashboardApp.ScreenshotAsync(page, "links-by-match-key");

        var row = page.Locator("#links tr", new() { HasText = link.RemoteId }).Filter(new() { HasText = flow.Entity + " → " + flow.Target });
        await Assertions.Expect(row).ToContainTextAsync(link.LocalId);
        await Assertions.Expect(row.Locator(".provenance")).ToHaveTextAsync("matched on " + link.MatchKey + " = " + link.MatchValue);
    }

    [Fact]
    public async Task A_flows_links_are_shown_a_page_at_a_time_after_the_last_host_id()
    {
        // The sample's flows have a few links each: links by hand to records that are not there make two more pages.
        var flow = new SyncFlowId("Product", new SyncTarget("Customcrm", "Product"));
        var name = "Product → Customcrm/Product";
        var made = Enumerable.Range(1, 2 * DashboardApp.PageSize).Select(i => "PAGED-" + i.ToString("00", CultureInfo.InvariantCulture)).ToList();
        foreach (var id in made)
        {
            await Links.LinkByHandAsync(flow, id, "R-" + id);
        }

        try
        {
            await ShowsTwoPagesAsync(flow, name);
        }
        finally
        {
            foreach (var id in made)
            {
                await Links.UnlinkAsync(flow, id);
            }
        }
    }

    private async Task ShowsTwoPagesAsync(SyncFlowId flow, string name)
    {
        var all = await Links.ReadLinksAsync(flow).Select(stored => stored.Link.LocalId).ToListAsync();
        var page = await app.NewPageAsync();
        await page.GotoAsync(app.DashboardUrl + "/links");
        await page.SelectOptionAsync("select[name=flow]", new SelectOptionValue { Label = name });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        Assert.Equal(all.Take(DashboardApp.PageSize), await LocalIdsAsync(page));

        await page.GetByRole(AriaRole.Link, new() { Name = $"Page 2 of {name} →" }).ClickAsync();
        await Assertions.Expect(page.Locator("main p.muted").First).ToContainTextAsync($"Page 2 of the links of {name}");
        await DashboardApp.ScreenshotAsync(page, "links-page-2");
        Assert.Equal(all.Skip(DashboardApp.PageSize).Take(DashboardApp.PageSize), await LocalIdsAsync(page));
    }

    [Fact]
    public async Task Conflicts_are_filtered_by_flow_and_time_window()
    {
        var flow = new SyncFlowId("Product", new SyncTarget("Customcrm", "Product"));
        ConflictRecord Conflict(string field, DateTimeOffset at) => new(flow, "P-TIME", "R-TIME", field, "host " + field, "remote " + field, ConflictRule.LatestWins, SyncSide.Local, at);
        await using (var commit = await Links.BeginCommitAsync())
        {
            commit.RecordConflict(Conflict("January", new DateTimeOffset(2020, 1, 15, 12, 0, 0, TimeSpan.Zero)));
            commit.RecordConflict(Conflict("June", new DateTimeOffset(2020, 6, 15, 12, 0, 0, TimeSpan.Zero)));
            commit.RecordConflict(Conflict("December", new DateTimeOffset(2020, 12, 15, 12, 0, 0, TimeSpan.Zero)));
            await commit.CommitAsync();
        }

        var page = await app.NewPageAsync();
        await page.GotoAsync(app.DashboardUrl + "/conflicts");
        await page.SelectOptionAsync("select[name=flow]", new SelectOptionValue { Label = "Product → Customcrm/Product" });
        await page.FillAsync("input[name=from]", "2020-05-01T00:00");
        await page.FillAsync("input[name=until]", "2020-12-01T00:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await DashboardApp.ScreenshotAsync(page, "conflicts-by-time");

        Assert.Equal(["June"], (await page.Locator("#conflicts tbody td:nth-child(4)").AllInnerTextsAsync()).Select(text => text.Trim()));
        await Assertions.Expect(page.Locator("#conflicts tbody tr")).ToContainTextAsync("2020-06-15 12:00:00Z");
    }

    private static async Task<string[]> LocalIdsAsync(IPage page) =>
        (await page.Locator("#links tbody td:nth-child(2)").AllInnerTextsAsync()).Select(text => text.Trim()).ToArray();

    /// <summary>The links of the webshop's flows that the first cycle matched on a key value.</summary>
    private async IAsyncEnumerable<(SyncFlowId Flow, SyncLink Link)?> MatchedLinksAsync()
    {
        var model = app.Webshop.Services.GetRequiredService<ISyncModel>();
        foreach (var flow in model.Entities.SelectMany(entity => entity.Mappers.Select(mapper => new SyncFlowId(entity.Name, mapper.Target))))
        {
            await foreach (var stored in Links.ReadLinksAsync(flow))
            {
                if (stored.Link.MatchValue is not null)
                {
                    yield return (flow, stored.Link);
                }
            }
        }
    }
}
