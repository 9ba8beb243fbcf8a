using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SesamTalk.Connectors.LinkStore;
using SesamTalk.Samples.Customwebshop.Storage;
using SesamTalk.Samples.SyncJob.Reporting;

namespace SesamTalk.EndToEnd.Tests.RoundTrips;

/// <summary>
/// Finders of a row's source record, by what the demo data gives it (a number, a code, an e-mail), and of the target
/// record the row's flow links to it, through the host's link store.
/// </summary>
internal static class Born
{
    /// <summary>A webshop record and the remote record the row's flow links it to.</summary>
    public static RowRecords InWebshop<TEntity>(Func<CustomwebshopDb, IQueryable<TEntity>> records, Expression<Func<TEntity, bool>> match)
        where TEntity : class =>
        async (demo, row, cancellationToken) =>
        {
            var id = await demo.Webshop.UseDbAsync((db, ct) => records(db).Where(match).Select(record => EF.Property<string>(record, "Id")).FirstOrDefaultAsync(ct), cancellationToken)
                ?? throw new InvalidOperationException($"{row.Title}: the demo's webshop {typeof(TEntity).Name} is missing.");
            var link = await demo.Host(row).Links.FindByLocalIdAsync(Flow(row), id, cancellationToken)
                ?? throw new InvalidOperationException($"{row.Title}: webshop {typeof(TEntity).Name} {id} is not linked.");
            return new RowPair(Sides.Host(demo, row.Flow, id), Sides.Remote(demo, row.Flow.Target, link.Link.RemoteId), link.Link);
        };

    /// <summary>A Salesforce record of the row's remote type and the host record linked to it.</summary>
    public static RowRecords InSalesforce(Func<JsonObject, bool> match) =>
        (demo, row, cancellationToken) =>
        {
            var records = demo.Systems.Salesforce!.GetRecords(row.Flow.Target.Type).Where(match).ToList();
            return FromRemoteAsync(demo, row, records.Count == 1 ? (string?)records[0]["Id"] : null, cancellationToken);
        };

    /// <summary>A SuperOffice entity of the row's remote type and the host record linked to it.</summary>
    public static RowRecords InSuperOffice(Func<JsonObject, bool> match) =>
        (demo, row, cancellationToken) => FromRemoteAsync(demo, row, SuperOfficeId(demo, row.Flow.Target.Type, match), cancellationToken);

    /// <summary>
    /// A SuperOffice quote line (by its product code) and the webshop order linked to its quote alternative: the lines
    /// travel inside the alternative's flow, so the target is the order, whose line with the same SKU is the line's.
    /// </summary>
    public static RowRecords AsSuperOfficeQuoteLine(string code) =>
        async (demo, row, cancellationToken) =>
        {
            var id = SuperOfficeId(demo, "QuoteLine", line => (string?)line["Code"] == code)
                ?? throw new InvalidOperationException($"{row.Title}: no single SuperOffice quote line has code {code}.");
            var line = new SuperOfficeSide(demo.Systems.SuperOffice!, "QuoteLine", int.Parse(id, CultureInfo.InvariantCulture));
            var alternative = FieldText.Of((await line.ReadAsync(cancellationToken))["QuoteAlternativeId"])!;
            var link = await demo.Host(row).Links.FindByRemoteIdAsync(Flow(row), alternative, cancellationToken)
                ?? throw new InvalidOperationException($"{row.Title}: SuperOffice quote alternative {alternative} is not linked.");
            return new RowPair(line, Sides.Host(demo, row.Flow, link.Link.LocalId), link.Link);
        };

    private static SyncFlowId Flow(SeedRow row) => new(row.Flow.Entity, row.Flow.Target);

    private static async Task<RowPair> FromRemoteAsync(ConvergedDemo demo, SeedRow row, string? remoteId, CancellationToken cancellationToken)
    {
        if (remoteId is null)
        {
            throw new InvalidOperationException($"{row.Title}: the demo's {row.Flow.Target.System} {row.Flow.Target.Type} is missing or not unique.");
        }

        var link = await demo.Host(row).Links.FindByRemoteIdAsync(Flow(row), remoteId, cancellationToken)
            ?? throw new InvalidOperationException($"{row.Title}: {row.Flow.Target.System} {row.Flow.Target.Type} {remoteId} is not linked.");
        return new RowPair(Sides.Remote(demo, row.Flow.Target, remoteId), Sides.Host(demo, row.Flow, link.Link.LocalId), link.Link);
    }

    private static string? SuperOfficeId(ConvergedDemo demo, string entity, Func<JsonObject, bool> match)
    {
        var records = demo.Systems.SuperOffice!.GetRecords(entity).Where(match).ToList();
        return records.Count == 1 ? FieldText.Of(records[0][entity + "Id"]) : null;
    }
}
