using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SesamTalk.Connectors.LinkStore;
using SesamTalk.Samples.Customwebshop;

namespace SesamTalk.Dashboard.Tests;

/// <summary>An operator's tasks done in headless chromium on the dashboard over the sample webshop after a cycle.</summary>
[Collection(SharedDashboardApp.Name)]
public sealed class DashboardBrowserTests(DashboardApp app)
{
    private static readonly SyncFlowId CustomerToCustomcrm = new("Customer", new SyncTarget("Customcrm", "Customer"));

    private ILinkStore Links => app.Webshop.Links;

    [Fact]
    public async Task The_overview_lists_every_flow_of_the_host_with_its_links()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(app.DashboardUrl);
        await DashboardApp.ScreenshotAsync(page, "overview");

        var model = app.Webshop.Services.GetRequiredService<ISyncModel>();
        Assert.Equal(model.Entities.Sum(entity => entity.Mappers.Count), await page.Locator("#flows tbody tr").CountAsync());
        var row = page.Locator("#flows tr[data-flow='Customer → Customcrm/Customer']");
        var links = await Links.CountLinksAsync(CustomerToCustomcrm);
        Assert.True(links > 0);
        Assert.Equal(links.ToString(System.Globalization.CultureInfo.InvariantCulture), (await row.Locator("td").Nth(2).InnerTextAsync()).Trim());
        Assert.Equal(["Customcrm", "ExactOnline", "Salesforce", "SuperOffice"], (await page.Locator("#systems tbody td:first-child").AllInnerTextsAsync()).Order().ToArray());
    }

    [Fact]
    public async Task A_quarantined_record_is_released_from_the_page_and_the_next_cycle_run_from_the_page_links_it()
    {
        // Customcrm refuses a name over 120 characters: the engine quarantines the customer and goes on.
        var customer = new Customer { CustomerNumber = "DASH-Q1", Name = new string('q', 130), Email = "dash-q1@example.com" };
        await app.Webshop.UseDbAsync((db, ct) => db.Customers.Add(customer).Context.SaveChangesAsync(ct), default);
        await app.Webshop.Talk.Customers.SyncAsync(CustomerToCustomcrm.Target);
        Assert.Contains(await Links.ListQuarantinedAsync(CustomerToCustomcrm), entry => entry.RecordId == customer.Id && !entry.IsReleased);
        await EditAsync<Customer>(customer.Id, fixedCustomer => fixedCustomer.Name = "Released Ltd");

        var page = await app.NewPageAsync();
        await page.GotoAsync(app.DashboardUrl + "/quarantine");
        await DashboardApp.ScreenshotAsync(page, "quarantine");
        await page.Locator($"tr[data-record='{customer.Id}']").GetByRole(AriaRole.Button, new() { Name = "Release" }).ClickAsync();
        await Assertions.Expect(page.Locator(".message")).ToContainTextAsync("Released 1 record(s)");
        Assert.Contains(await Links.ListQuarantinedAsync(CustomerToCustomcrm), entry => entry.RecordId == customer.Id && entry.IsReleased);

        await page.GotoAsync(app.DashboardUrl);
        await page.Locator("#flows tr[data-flow='Customer → Customcrm/Customer'] button", new() { HasText = "Run now" }).ClickAsync();
        await Assertions.Expect(page.Locator(".message")).ToContainTextAsync("Customer → Customcrm/Customer: read");
        await DashboardApp.ScreenshotAsync(page, "overview-after-run");
        Assert.NotNull(await Links.FindByLocalIdAsync(CustomerToCustomcrm, customer.Id));
        Assert.DoesNotContain(await Links.ListQuarantinedAsync(CustomerToCustomcrm), entry => entry.RecordId == customer.Id);
    }

    [Fact]
    public async Task A_quarantined_record_retried_now_from_the_page_is_released_and_linked_by_the_cycle_it_runs()
    {
        var customer = new Customer { CustomerNumber = "DASH-Q2", Name = new string('r', 130), Email = "dash-q2@example.com" };
        await app.Webshop.UseDbAsync((db, ct) => db.Customers.Add(customer).Context.SaveChangesAsync(ct), default);
        await app.Webshop.Talk.Customers.SyncAsync(CustomerToCustomcrm.Target);
        Assert.Contains(await Links.ListQuarantinedAsync(CustomerToCustomcrm), entry => entry.RecordId == customer.Id && !entry.IsReleased);
        await EditAsync<Customer>(customer.Id, fixedCustomer => fixedCustomer.Name = "Retried Ltd");

        var page = await app.NewPageAsync();
        await page.GotoAsync(app.DashboardUrl + "/quarantine");
        await page.Locator($"tr[data-record='{customer.Id}']").GetByRole(AriaRole.Button, new() { Name = "Retry now" }).ClickAsync();

        await Assertions.Expect(page.Locator(".message")).ToContainTextAsync("Released 1 record(s) and ran the cycle. Customer → Customcrm/Customer: read");
        await DashboardApp.ScreenshotAsync(page, "quarantine-retried");
        Assert.NotNull(await Links.FindByLocalIdAsync(CustomerToCustomcrm, customer.Id));
        Assert.DoesNotContain(await Links.ListQuarantinedAsync(CustomerToCustomcrm), entry => entry.RecordId == customer.Id);
    }

    [Fact]
    public async Task A_held_flow_is_approved_once_from_the_page()
    {
        var flow = new SyncFlowId("Customer", new SyncTarget("ExactOnline", "Accounts"));
        await Links.HoldFlowAsync(flow, changes: 30, links: 40, limit: 20, reason: "The cycle would delete 30 of 40 linked records; the limit is 20.");
        try
        {
            var page = await app.NewPageAsync();
            await page.GotoAsync(app.DashboardUrl + "/held");
            await DashboardApp.ScreenshotAsync(page, "held-flows");
            await page.Locator("fieldset[data-flow='Customer → ExactOnline/Accounts'] button", new() { HasText = "Approve once" }).ClickAsync();

            await Assertions.Expect(page.Locator(".message")).ToContainTextAsync("Approved Customer → ExactOnline/Accounts once");
            await Assertions.Expect(page.Locator("fieldset[data-flow='Customer → ExactOnline/Accounts'] .approved")).ToContainTextAsync("Approved by dashboard user at 127.0.0.1");
            var hold = await Links.GetHeldFlowAsync(flow);
            Assert.True(hold?.IsApproved);
            Assert.Equal("dashboard user at 127.0.0.1", hold?.ApprovedBy);
        }
        finally
        {
            await Links.ReleaseHeldFlowAsync(flow, HoldReleaseReason.Approved);
        }
    }

    [Fact]
    public async Task A_link_is_found_by_its_remote_id_and_unlinked_from_the_page()
    {
        var flow = new SyncFlowId("Product", new SyncTarget("Customcrm", "Product"));
        var link = await Links.ReadLinksAsync(flow).Select(stored => stored.Link).FirstAsync();

        var page = await app.NewPageAsync();
        await page.GotoAsync(app.DashboardUrl + "/links");
        await page.FillAsync("input[name=id]", link.RemoteId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        var row = page.Locator($"#links tr[data-local-id='{link.LocalId}']");
        await Assertions.Expect(row).ToContainTextAsync(link.RemoteId);
        await DashboardApp.ScreenshotAsync(page, "links");
        await row.GetByRole(AriaRole.Button, new() { Name = "Unlink" }).ClickAsync();

        await Assertions.Expect(page.Locator(".message")).ToContainTextAsync($"Unlinked {link.LocalId}");
        Assert.Null(await Links.FindByLocalIdAsync(flow, link.LocalId));
        await Links.LinkByHandAsync(flow, link.LocalId, link.RemoteId);
    }

    [Fact]
    public async Task A_conflict_shows_on_the_conflicts_page_of_its_flow_with_both_values()
    {
        var customer = new Customer { CustomerNumber = "DASH-C1", Name = "Conflicted Ltd", Email = "dash-c1@example.com", Phone = "+31 20 555 0000" };
        await app.Webshop.UseDbAsync((db, ct) => db.Customers.Add(customer).Context.SaveChangesAsync(ct), default);
        await app.Webshop.Talk.Customers.SyncAsync(CustomerToCustomcrm.Target);
        var remoteId = (await Links.FindByLocalIdAsync(CustomerToCustomcrm, customer.Id))!.Link.RemoteId;
        await EditAsync<Customer>(customer.Id, edited => edited.Phone = "+31 20 555 1111");
        app.Systems.Customcrm!.Edit("Customer", remoteId, new System.Text.Json.Nodes.JsonObject { ["Phone"] = "+31 20 555 2222" });
        await app.Webshop.Talk.Customers.SyncAsync(CustomerToCustomcrm.Target);

        var page = await app.NewPageAsync();
        await page.GotoAsync(app.DashboardUrl + "/conflicts");
        await page.SelectOptionAsync("select[name=flow]", new SelectOptionValue { Label = "Customer → Customcrm/Customer" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await DashboardApp.ScreenshotAsync(page, "conflicts");

        var row = page.Locator("#conflicts tbody tr", new() { HasText = "+31 20 555 1111" });
        await Assertions.Expect(row).ToContainTextAsync("Phone");
        await Assertions.Expect(row).ToContainTextAsync("+31 20 555 2222");
        await Assertions.Expect(row).ToContainTextAsync(remoteId);
        Assert.All(await page.Locator("#conflicts tbody td:first-child").AllInnerTextsAsync(), flow => Assert.Equal("Customer → Customcrm/Customer", flow.Trim()));
    }

    [Fact]
    public async Task The_plan_of_a_flow_shows_the_update_a_cycle_would_write_and_writes_nothing()
    {
        var flow = new SyncFlowId("Product", new SyncTarget("Customcrm", "Product"));
        var history = (ICycleHistoryStore)Links;
        var cyclesBefore = await history.GetCycleHistoryAsync(flow, 500);
        var link = (await Links.ReadLinksAsync(flow).FirstAsync()).Link;
        var remoteId = link.RemoteId;
        await EditAsync<Product>(link.LocalId, product => product.Name = "Planned name");

        var page = await app.NewPageAsync();
        await page.GotoAsync(app.DashboardUrl);
        await page.Locator("#flows tr[data-flow='Product → Customcrm/Product'] button", new() { HasText = "Plan" }).ClickAsync();
        await DashboardApp.ScreenshotAsync(page, "plan");

        var row = page.Locator("#plan tbody tr", new() { HasText = remoteId });
        await Assertions.Expect(row).ToContainTextAsync("Update");
        await Assertions.Expect(row).ToContainTextAsync("Name");
        Assert.NotEqual("Planned name", app.Systems.Customcrm!.GetRecord("Product", remoteId)?.Fields["Name"]?.ToString());
        Assert.Equal(cyclesBefore.Count, (await history.GetCycleHistoryAsync(flow, 500)).Count);
    }

    [Fact]
    public async Task An_error_holding_markup_is_shown_as_text()
    {
        var flow = new SyncFlowId("Order", new SyncTarget("Customcrm", "Order"));
        await using (var commit = await Links.BeginCommitAsync())
        {
            commit.Quarantine(flow, SyncSide.Remote, "<i>X-1</i>", "Customcrm said: <script>document.title='owned'</script><img src=x>", payload: null);
            await commit.CommitAsync();
        }

        try
        {
            var page = await app.NewPageAsync();
            await page.GotoAsync(app.DashboardUrl + "/quarantine");

            await Assertions.Expect(page.Locator("fieldset.quarantine", new() { HasText = "Order → Customcrm/Order" })).ToContainTextAsync("<script>document.title='owned'</script><img src=x>");
            Assert.Equal(0, await page.Locator("main script, main img, main i").CountAsync());
            Assert.Equal("Quarantine · SesamTalk", await page.TitleAsync());
        }
        finally
        {
            await using var commit = await Links.BeginCommitAsync();
            commit.ClearQuarantine(flow, SyncSide.Remote, "<i>X-1</i>");
            await commit.CommitAsync();
        }
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        var flow = new SyncFlowId("Product", new SyncTarget("Customcrm", "Product"));
        var link = await Links.ReadLinksAsync(flow).Select(stored => stored.Link).FirstAsync();
        using var client = new HttpClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["flow"] = "Customwebshop|Product|Customcrm|Product",
            ["localId"] = link.LocalId,
        });

        using var response = await client.PostAsync(new Uri(app.DashboardUrl + "/links/unlink"), form);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(await Links.FindByLocalIdAsync(flow, link.LocalId));
    }

    /// <summary>Changes a webshop record as the app's own code would: on a context of its own, saved.</summary>
    private Task EditAsync<TEntity>(string id, Action<TEntity> edit)
        where TEntity : class =>
        app.Webshop.UseDbAsync(async (db, ct) =>
        {
            edit((await db.Set<TEntity>().FindAsync([id], ct))!);
            await db.SaveChangesAsync(ct);
        }, default);
}
