using Microsoft.EntityFrameworkCore;
using System.Text.Json.Nodes;
using SesamTalk.Samples.SyncJob.Hosts;
using SesamTalk.Samples.SyncJob.Remote;
using Webshop = SesamTalk.Samples.Customwebshop;

namespace SesamTalk.Samples.SyncJob.Demo;

/// <summary>
/// Edits that users make in the remote systems after the first sync, one per embedded system, each on a record linked to
/// a host record: the job applies them, syncs, and shows the host values before and after.
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
                "Salesforce Product2 Name -> Customwebshop Product HAM-16 Name",
                "Claw hammer 16 oz, fibreglass",
                value => salesforce.Edit(product2, new JsonObject { ["Name"] = value }),
                ct => webshop.UseDbAsync((db, ct) => db.Products.Where(p => p.Id == hammer.Id).Select(p => p.Name).SingleOrDefaultAsync(ct), ct)));

            var ingrid = await ErpContactAsync(erp, "ingrid.solberg@fjordline.example", cancellationToken).ConfigureAwait(false);
            var contact = await RemoteIdAsync(erp.Talk.Contacts, ingrid.Id, "Salesforce", "Contact", cancellationToken).ConfigureAwait(false);
            edits.Add(new RemoteEdit(
                "Salesforce Contact Title -> Customerp Contact Ingrid Solberg Title",
                "Head of purchasing",
                value => salesforce.Edit(contact, new JsonObject { ["Title"] = value }),
                ct => erp.UseDbAsync((db, ct) => db.Contacts.Where(c => c.Id == ingrid.Id).Select(c => c.Title).SingleOrDefaultAsync(ct), ct)));
        }

        if (systems.ExactOnline is { } exact)
        {
            var saw = await WebshopProductAsync(webshop, "SAW-22", cancellationToken).ConfigureAwait(false);
            var item = await RemoteIdAsync(webshop.Talk.Products, saw.Id, "ExactOnline", "Items", cancellationToken).ConfigureAwait(false);
            edits.Add(new RemoteEdit(
                "Exact Online Item Description -> Customwebshop Product SAW-22 Name",
                "Hand saw 22 in, hardpoint",
                value => exact.Edit("Items", Guid.Parse(item), new JsonObject { ["Description"] = value }),
                ct => webshop.UseDbAsync((db, ct) => db.Products.Where(p => p.Id == saw.Id).Select(p => p.Name).SingleOrDefaultAsync(ct), ct)));
        }

        if (systems.Customcrm is { } crm)
        {
            var polder = await WebshopCustomerAsync(webshop, "10002", cancellationToken).ConfigureAwait(false);
            var customer = await RemoteIdAsync(webshop.Talk.Customers, polder.Id, "Customcrm", "Customer", cancellationToken).ConfigureAwait(false);
            edits.Add(new RemoteEdit(
                "Customcrm Customer Phone -> Customwebshop Customer 10002 Phone",
                "+31 20 555 0199",
                value => crm.Edit("Customer", customer, new JsonObject { ["Phone"] = value }),
                ct => webshop.UseDbAsync((db, ct) => db.Customers.Where(c => c.Id == polder.Id).Select(c => c.Phone).SingleOrDefaultAsync(ct), ct)));
        }

        if (systems.SuperOffice is { } superOffice)
        {
            var fjordline = await WebshopCustomerAsync(webshop, "10001", cancellationToken).ConfigureAwait(false);
            var contact = await RemoteIdAsync(webshop.Talk.Customers, fjordline.Id, "SuperOffice", "Contact", cancellationToken).ConfigureAwait(false);
            edits.Add(new RemoteEdit(
                "SuperOffice Contact OrgNr -> Customwebshop Customer 10001 VatNumber",
                "NO923456780MVA",
                value => superOffice.Edit("Contact", int.Parse(contact, System.Globalization.CultureInfo.InvariantCulture), new JsonObject { ["OrgNr"] = value }),
                ct => webshop.UseDbAsync((db, ct) => db.Customers.Where(c => c.Id == fjordline.Id).Select(c => c.VatNumber).SingleOrDefaultAsync(ct), ct)));
        }

        return edits;
    }

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
/// <param name="What">The remote field and the host field it maps to.</param>
/// <param name="Value">The new value.</param>
/// <param name="Apply">Makes the edit in the remote system.</param>
/// <param name="ReadHost">Reads the host's value.</param>
internal sealed record RemoteEdit(string What, string Value, Action<string> Apply, Func<CancellationToken, Task<string?>> ReadHost);
