using Microsoft.EntityFrameworkCore;
using SesamTalk.Samples.SyncJob.Hosts;
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
            (true, "Customer") => new HostSide<Webshop.Customer>(host.Name, Db(demo.Webshop), id),
            (true, "Order") => new HostSide<Webshop.Order>(host.Name, Db(demo.Webshop), id),
            (true, "Product") => new HostSide<Webshop.Product>(host.Name, Db(demo.Webshop), id),
            (false, "Contact") => new HostSide<Erp.Contact>(host.Name, Db(demo.Erp), id),
            (false, "Order") => new HostSide<Erp.Order>(host.Name, Db(demo.Erp), id),
            (false, "Product") => new HostSide<Erp.Product>(host.Name, Db(demo.Erp), id),
            (false, "Quote") => new HostSide<Erp.Quote>(host.Name, Db(demo.Erp), id),
            _ => throw new ArgumentOutOfRangeException(nameof(flow), flow, "No host store for the flow's entity."),
        };
    }

    /// <summary>Opens a context on the host's database.</summary>
    private static Func<CancellationToken, Task<DbContext>> Db<TContext, TTalk>(HostApp<TContext, TTalk> host)
        where TContext : DbContext
        where TTalk : class =>
        async cancellationToken => await host.OpenDbAsync(cancellationToken);

    public static IRecordSide Remote(ConvergedDemo demo, SyncTarget target, string id) => target.System switch
    {
        "Salesforce" => new SalesforceSide(demo.Systems.Salesforce!, target.Type, id),
        "ExactOnline" => new ExactOnlineSide(demo.Systems.ExactOnline!, target.Type, Guid.Parse(id)),
        "SuperOffice" => new SuperOfficeSide(demo.Systems.SuperOffice!, target.Type, int.Parse(id, System.Globalization.CultureInfo.InvariantCulture)),
        "Customcrm" => new CustomcrmSide(demo.Systems.Customcrm!, target.Type, id),
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, "Not an embedded system."),
    };
}
