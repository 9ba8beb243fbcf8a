using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SesamTalk.Samples.SyncJob.Hosts;
using SesamTalk.Samples.SyncJob.Remote;
using SesamTalk.Samples.SyncJob.Reporting;
using Webshop = SesamTalk.Samples.Customwebshop;

namespace SesamTalk.Samples.SyncJob.Demo;

/// <summary>
/// Edits that users make in the remote systems after the first sync, one kind per embedded system's flow, each on a
/// record linked to a host record: the job applies each once, syncs, and shows the host values before and after; its
/// live phase then applies each again round after round, with a value of the round's own, and times its arrival.
/// </summary>
internal static class RemoteEdits
{
    /// <summary>The edits the embedded systems allow (a configured system is not the job's to edit).</summary>
    public static async Task<IReadOnlyList<RemoteEdit>> PrepareAsync(EmbeddedSystems systems, WebshopHost webshop, ErpHost erp, CancellationToken cancellationToken)
    {
        var edits = new List<RemoteEdit>();
        if (systems.Salesforce is { } salesforce)
        {
            var hammer = await WebshopProductAsync(webshop, "HAM-16", cancellationToken).ConfigureAwait(false);
            var product2 = await RemoteIdAsync(webshop.Talk.Products, hammer.Id, "Salesforce", "Product2", cancellationToken).ConfigureAwait(false);
            edits.Add(new RemoteEdit(
                Flow(webshop, webshop.Talk.Products, "Salesforce", "Product2"),
                "Salesforce Product2 Name -> Customwebshop Product HAM-16 Name",
                round => "Claw hammer 16 oz, fibreglass" + Batch(round),
                value => salesforce.Edit(product2, new JsonObject { ["Name"] = value }),
                ct => webshop.UseDbAsync((db, ct) => db.Products.Where(p => p.Id == hammer.Id).Select(p => p.Name).SingleOrDefaultAsync(ct), ct)));

            var ingrid = await ErpContactAsync(erp, "ingrid.solberg@fjordline.example", cancellationToken).ConfigureAwait(false);
            var contact = await RemoteIdAsync(erp.Talk.Contacts, ingrid.Id, "Salesforce", "Contact", cancellationToken).ConfigureAwait(false);
            edits.Add(new RemoteEdit(
                Flow(erp, erp.Talk.Contacts, "Salesforce", "Contact"),
                "Salesforce Contact Title -> Customerp Contact Ingrid Solberg Title",
                round => "Head of purchasing" + Batch(round),
                value => salesforce.Edit(contact, new JsonObject { ["Title"] = value }),
                ct => erp.UseDbAsync((db, ct) => db.Contacts.Where(c => c.Id == ingrid.Id).Select(c => c.Title).SingleOrDefaultAsync(ct), ct)));
        }

        if (systems.ExactOnline is { } exact)
        {
            var saw = await WebshopProductAsync(webshop, "SAW-22", cancellationToken).ConfigureAwait(false);
            var item = await RemoteIdAsync(webshop.Talk.Products, saw.Id, "ExactOnline", "Items", cancellationToken).ConfigureAwait(false);
            edits.Add(new RemoteEdit(
                Flow(webshop, webshop.Talk.Products, "ExactOnline", "Items"),
                "Exact Online Item Description -> Customwebshop Product SAW-22 Name",
                round => "Hand saw 22 in, hardpoint" + Batch(round),
                value => exact.Edit("Items", Guid.Parse(item), new JsonObject { ["Description"] = value }),
                ct => webshop.UseDbAsync((db, ct) => db.Products.Where(p => p.Id == saw.Id).Select(p => p.Name).SingleOrDefaultAsync(ct), ct)));
        }

        if (systems.Customcrm is { } crm)
        {
            var polder = await WebshopCustomerAsync(webshop, "10002", cancellationToken).ConfigureAwait(false);
            var customer = await RemoteIdAsync(webshop.Talk.Customers, polder.Id, "Customcrm", "Customer", cancellationToken).ConfigureAwait(false);
            edits.Add(new RemoteEdit(
                Flow(webshop, webshop.Talk.Customers, "Customcrm", "Customer"),
                "Customcrm Customer Phone -> Customwebshop Customer 10002 Phone",
                round => round == 0 ? "+31 20 555 0199" : string.Create(CultureInfo.InvariantCulture, $"+31 20 555 {2000 + round}"),
                value => crm.Edit("Customer", customer, new JsonObject { ["Phone"] = value }),
                ct => webshop.UseDbAsync((db, ct) => db.Customers.Where(c => c.Id == polder.Id).Select(c => c.Phone).SingleOrDefaultAsync(ct), ct)));
        }

        if (systems.SuperOffice is { } superOffice)
        {
            var fjordline = await WebshopCustomerAsync(webshop, "10001", cancellationToken).ConfigureAwait(false);
            var contact = await RemoteIdAsync(webshop.Talk.Customers, fjordline.Id, "SuperOffice", "Contact", cancellationToken).ConfigureAwait(false);
            edits.Add(new RemoteEdit(
                Flow(webshop, webshop.Talk.Customers, "SuperOffice", "Contact"),
                "SuperOffice Contact OrgNr -> Customwebshop Customer 10001 VatNumber",
                round => string.Create(CultureInfo.InvariantCulture, $"NO9{23456780 + round:D8}MVA"),
                value => superOffice.Edit("Contact", int.Parse(contact, CultureInfo.InvariantCulture), new JsonObject { ["OrgNr"] = value }),
                ct => webshop.UseDbAsync((db, ct) => db.Customers.Where(c => c.Id == fjordline.Id).Select(c => c.VatNumber).SingleOrDefaultAsync(ct), ct)));
        }

        return edits;
    }

    /// <summary>A live round's mark on a text value (round 0, the explicit sync's edit, has none).</summary>
    private static string Batch(int round) => round == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $", batch {round}");

    private static HostFlow Flow<TEntity>(IHostApp host, EntitySyncClient<TEntity> client, string system, string type)
        where TEntity : class =>
        new(host.Name, client.Definition.Name, new SyncTarget(system, type));

    private static async Task<string> RemoteIdAsync<TEntity>(EntitySyncClient<TEntity> client, string localId, string system, string type, CancellationToken cancellationToken)
        where TEntity : class
    {
        var links = await client.GetLinksAsync(localId, cancellationToken).ConfigureAwait(false);
        return links.FirstOrDefault(link => link.Target == new SyncTarget(system, type))?.RemoteId
            ?? throw new InvalidOperationException($"{client.Definition.Name} {localId} is not linked to a {system} {type}; the edit needs a linked record.");
    }

    private static Task<Webshop.Product> WebshopProductAsync(WebshopHost webshop, string sku, CancellationToken cancellationToken) =>
        FindAsync(webshop, (db, ct) => db.Products.SingleOrDefaultAsync(product => product.Sku == sku, ct), "webshop product " + sku, cancellationToken);

    private static Task<Webshop.Customer> WebshopCustomerAsync(WebshopHost webshop, string number, CancellationToken cancellationToken) =>
        FindAsync(webshop, (db, ct) => db.Customers.SingleOrDefaultAsync(customer => customer.CustomerNumber == number, ct), "webshop customer " + number, cancellationToken);

    private static Task<Customerp.Contact> ErpContactAsync(ErpHost erp, string email, CancellationToken cancellationToken) =>
        FindAsync(erp, (db, ct) => db.Contacts.SingleOrDefaultAsync(contact => contact.Email == email, ct), "ERP contact " + email, cancellationToken);

    private static async Task<TEntity> FindAsync<TContext, TTalk, TEntity>(HostApp<TContext, TTalk> host, Func<TContext, CancellationToken, Task<TEntity?>> find, string what, CancellationToken cancellationToken)
        where TContext : DbContext
        where TTalk : class
        where TEntity : class =>
        await host.UseDbAsync(find, cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException($"The {what} of the demo data is missing.");
}

/// <summary>An edit in a remote system and the host value it should reach.</summary>
/// <param name="Flow">The flow that carries the edit to its host.</param>
/// <param name="What">The remote field and the host field it maps to.</param>
/// <param name="ValueAt">The new value of a round: 0 for the edit before the explicit sync, 1 and on for the live rounds, each value unlike the others.</param>
/// <param name="Apply">Makes the edit in the remote system.</param>
/// <param name="ReadHost">Reads the host's value.</param>
internal sealed record RemoteEdit(HostFlow Flow, string What, Func<int, string> ValueAt, Action<string> Apply, Func<CancellationToken, Task<string?>> ReadHost)
{
    /// <summary>The flow as the propagation figures name it, in the edit's direction: <c>Salesforce Product2 to Customwebshop Product</c>.</summary>
    public string FlowName => $"{Flow.Target.System} {Flow.Target.Type} to {Flow.Host} {Flow.Entity}";
}
