using System.Globalization;
using SesamTalk.Connectors.LinkStore;

namespace SesamTalk.EndToEnd.Tests.RoundTrips;

/// <summary>
/// The conversions the rows' mappings promise, written out independently of the samples' converters: what a value of
/// one system must look like in the other.
/// </summary>
internal static class Converted
{
    /// <summary>A percentage (12.5) as Exact Online's fraction (0.125).</summary>
    public static readonly Conversion PercentAsFraction = (_, value, _) =>
        Task.FromResult(value is null ? null : FieldText.Number(decimal.Parse(value, CultureInfo.InvariantCulture) / 100m));

    /// <summary>A customer number as Exact Online's account code, right-aligned in 18 characters.</summary>
    public static readonly Conversion ExactAccountCode = (_, value, _) => Task.FromResult(value?.PadLeft(18));

    /// <summary>An ISO date (2024-09-10) as Exact Online's <c>/Date(milliseconds since 1970 UTC)/</c>.</summary>
    public static readonly Conversion ExactDate = (_, value, _) => Task.FromResult(value is null ? null : ExactDateOf(value));

    /// <summary>A VAT percentage as the demo division's Exact Online VAT code.</summary>
    public static readonly Conversion ExactVatCode = (_, value, _) => Task.FromResult<string?>(value switch
    {
        "0" => "0",
        "21" => "1",
        "9" => "2",
        _ => "no code for " + value,
    });

    /// <summary>A SuperOffice country id (ISO 3166-1 numeric) as the webshop's ISO alpha-2 code.</summary>
    public static readonly Conversion SuperOfficeCountryAsIso = (_, value, _) => Task.FromResult<string?>(value switch
    {
        "528" => "NL",
        "578" => "NO",
        "752" => "SE",
        "826" => "GB",
        _ => "no code for " + value,
    });

    /// <summary>A timestamp (SuperOffice's <c>2024-09-02T00:00:00+00:00</c>) as its date.</summary>
    public static readonly Conversion DatePart = (_, value, _) => Task.FromResult(value?[..10]);

    /// <summary>A host record's id as the id of the remote record it is linked to in another flow (a reference field).</summary>
    public static Conversion LinkedRemoteId(string host, string entity, string system, string type) =>
        async (demo, value, cancellationToken) => value is null ? null
            : (await demo.Host(host).Links.FindByLocalIdAsync(new SyncFlowId(entity, new SyncTarget(system, type)), value, cancellationToken))?.Link.RemoteId
                ?? $"{host} {entity} {value} has no {system} {type} link";

    /// <summary>A remote record's id as the id of the host record it is linked to in another flow (a reference field).</summary>
    public static Conversion LinkedHostId(string host, string entity, string system, string type) =>
        async (demo, value, cancellationToken) => value is null ? null
            : (await demo.Host(host).Links.FindByRemoteIdAsync(new SyncFlowId(entity, new SyncTarget(system, type)), value, cancellationToken))?.Link.LocalId
                ?? $"{system} {type} {value} has no {host} {entity} link";

    /// <summary>An ISO date as Exact Online writes it.</summary>
    public static string ExactDateOf(string isoDate) =>
        FormattableString.Invariant($"/Date({new DateTimeOffset(DateOnly.Parse(isoDate, CultureInfo.InvariantCulture), TimeOnly.MinValue, TimeSpan.Zero).ToUnixTimeMilliseconds()})/");
}
