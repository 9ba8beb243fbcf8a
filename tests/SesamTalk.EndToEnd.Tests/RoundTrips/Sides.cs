using SesamTalk.Samples.SyncJob.Reporting;
using Erp = SesamTalk.Samples.Customerp;
using Webshop = SesamTalk.Samples.Customwebshop;

namespace SesamTalk.EndToEnd.Tests.RoundTrips;

/// <summary>The <see cref="IRecordSide"/> of a record of a flow's host entity or remote type on the demo.</summary>
internal static class Sides
{
    public static IRecordSide Host(ConvergedDemo demo, HostFlow flow, string id)
    {
        var host = demo.Host(flow.Host);
        return (host == demo.Webshop, flow.Entity) switch
        {
            (true, "Customer") => new HostSide<Webshop.Customer>(host.Name, demo.Webshop.Store.Customers, id),
            (true, "Order") => new HostSide<Webshop.Order>(host.Name, demo.Webshop.Store.Orders, id),
            (true, "Product") => new HostSide<Webshop.Product>(host.Name, demo.Webshop.Store.Products, id),
            (false, "Contact") => new HostSide<Erp.Contact>(host.Name, demo.Erp.Store.Contacts, id),
            (false, "Order") => new HostSide<Erp.Order>(host.Name, demo.Erp.Store.Orders, id),
            (false, "Product") => new HostSide<Erp.Product>(host.Name, demo.Erp.Store.Products, id),
            (false, "Quote") => new HostSide<Erp.Quote>(host.Name, demo.Erp.Store.Quotes, id),
            _ => throw new ArgumentOutOfRangeException(nameof(flow), flow, "No host store for the flow's entity."),
        };
    }

    public static IRecordSide Remote(ConvergedDemo demo, SyncTarget target, string id) => target.System switch
    {
        "Salesforce" => new SalesforceSide(demo.Systems.Salesforce!, target.Type, id),
        "ExactOnline" => new ExactOnlineSide(demo.Systems.ExactOnline!, target.Type, Guid.Parse(id)),
        "SuperOffice" => new SuperOfficeSide(demo.Systems.SuperOffice!, target.Type, int.Parse(id, System.Globalization.CultureInfo.InvariantCulture)),
        "Customcrm" => new CustomcrmSide(demo.Systems.Customcrm!, target.Type, id),
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, "Not an embedded system."),
    };
}
