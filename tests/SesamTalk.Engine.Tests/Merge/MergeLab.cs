using SesamTalk.Connectors.Engine;
using SesamTalk.Engine.Tests.Entities;

namespace SesamTalk.Engine.Tests.Merge;

/// <summary>A cell of a merge table that holds nothing: a field not carried, nothing written, no agreed state.</summary>
public sealed class Unset
{
    public static readonly Unset Here = new();

    private Unset()
    {
    }

    public override string ToString() => "-";
}

/// <summary>When each side last changed, as a merge table names it.</summary>
public enum Clock
{
    /// <summary>Both times unknown.</summary>
    Unknown,

    /// <summary>The host changed after the remote record.</summary>
    HostLater,

    /// <summary>The remote record changed after the host.</summary>
    RemoteLater,

    /// <summary>Both changed at the same instant.</summary>
    Equal,

    /// <summary>The remote stamp is known, the host's change time is not.</summary>
    HostUnknown,
}

/// <summary>
/// The pieces the merge tables share: real merge fields from the generated mappers of the engine tests' entities,
/// records carrying one field, tokens, and the clock. The entities are the harness's own (adding one would change the
/// generated model every engine scenario runs on); where no entity declares a direction or rule a table needs, the
/// generated descriptor is restated with it (<see cref="Reshaped"/>), as <c>[Field("Shop", Direction = ...)]</c> would.
/// </summary>
internal static class MergeLab
{
    public static readonly object No = Unset.Here;

    public static readonly DateTimeOffset T0 = new(2026, 12, 7, 4, 0, 0, TimeSpan.Zero);

    /// <summary>Webshop products on the Shop: Sku, Name, Price (Both, latest wins), Stock (FromRemote), Notes (LocalWins).</summary>
    public static IEntityMapper Products => Product.SesamTalkShopProductMapper.Instance;

    /// <summary>Salesforce price-book entries: Pricebook2Id and Product2Id are not updateable (catalog), UnitPrice is.</summary>
    public static IEntityMapper ListPrices => ListPrice.SesamTalkSalesforcePricebookEntryMapper.Instance;

    /// <summary>Salesforce contacts: EmailBouncedDate is a datetime Salesforce keeps to the second.</summary>
    public static IEntityMapper People => Person.SesamTalkSalesforceContactMapper.Instance;

    /// <summary>Shop orders with their Lines (Sku, Quantity; no match key, so lines pair in order).</summary>
    public static IEntityMapper Orders => Order.SesamTalkShopOrderMapper.Instance;

    /// <summary>Salesforce orders with their OrderItems (matched on PricebookEntryId; OrderId is the parent field).</summary>
    public static IEntityMapper Purchases => Purchase.SesamTalkSalesforceOrderMapper.Instance;

    public static MergeClock ClockOf(Clock clock) => clock switch
    {
        Clock.HostLater => new MergeClock(T0.AddMinutes(5), T0),
        Clock.RemoteLater => new MergeClock(T0, T0.AddMinutes(5)),
        Clock.Equal => new MergeClock(T0, T0),
        Clock.HostUnknown => new MergeClock(null, T0),
        _ => new MergeClock(null, null),
    };

    /// <summary>A table cell as a value: null is <see cref="SyncValue.Null"/>; <see cref="No"/> is not a value.</summary>
    public static SyncValue Value(object? cell) => cell switch
    {
        null => SyncValue.Null,
        string text => SyncValue.From(text),
        int number => SyncValue.From(number),
        decimal number => SyncValue.From(number),
        DateTimeOffset time => SyncValue.From(time),
        SyncValue value => value,
        _ => throw new ArgumentException($"{cell} is not a value", nameof(cell)),
    };

    /// <summary>A record of <paramref name="mapper"/>'s type carrying <paramref name="field"/> unless the cell is <see cref="No"/>.</summary>
    public static SyncRecord Record(IEntityMapper mapper, string field, object? cell, string? id = null)
    {
        var record = new SyncRecord(mapper.Target.Type, id);
        if (cell is not Unset)
        {
            record[field] = Value(cell);
        }

        return record;
    }

    /// <summary>The field's token of a value (what the agreed state keeps).</summary>
    public static string Token(MergeField field, object? cell) =>
        field.Token(Record(Products, field.Name, cell))
        ?? throw new InvalidOperationException("a carried value always has a token");

    /// <summary>
    /// An agreed state holding <paramref name="agreed"/> for the field and, when <paramref name="stored"/> is a value,
    /// the remote system's stored form of it; null (first contact) when <paramref name="agreed"/> is <see cref="No"/>.
    /// </summary>
    public static AgreedState? Agreed(MergeField field, object? agreed, object? stored)
    {
        if (agreed is Unset)
        {
            return null;
        }

        var state = AgreedState.Empty();
        state.Set(field.Name, Token(field, agreed));
        if (stored is not Unset)
        {
            state.SetRemote(field.Name, Token(field, stored));
        }

        return state;
    }

    /// <summary>The merge fields of <paramref name="mapper"/>, with <paramref name="field"/> restated when its direction or rule differs.</summary>
    public static IReadOnlyList<MergeField> Fields(IEntityMapper mapper, string field, FieldDirection direction, ConflictRule rule)
    {
        var descriptor = mapper.Fields.Single(candidate => candidate.Field == field);
        return MergeField.Of(descriptor.Direction == direction && descriptor.Conflict == rule ? mapper : new Reshaped(mapper, field, direction, rule));
    }

    /// <summary>A generated mapper with one field's direction and conflict rule restated; everything else is the generated mapper's.</summary>
    private sealed class Reshaped(IEntityMapper inner, string field, FieldDirection direction, ConflictRule rule) : IEntityMapper
    {
        public SyncTarget Target => inner.Target;

        public SyncOrigin Origin => inner.Origin;

        public IReadOnlyList<SyncFieldDescriptor> Fields { get; } = [.. inner.Fields.Select(descriptor => descriptor.Field != field ? descriptor
            : new SyncFieldDescriptor
            {
                Property = descriptor.Property, Field = descriptor.Field, Kind = descriptor.Kind, Direction = direction, Conflict = rule,
                PropertyType = descriptor.PropertyType, RemoteType = descriptor.RemoteType, Createable = descriptor.Createable, Updateable = descriptor.Updateable,
            })];

        public IReadOnlyList<string> MatchKeys => inner.MatchKeys;

        public IReadOnlyList<SyncReferenceDescriptor> References => inner.References;

        public IReadOnlyList<SyncChildDescriptor> Children => inner.Children;

        public IReadOnlyList<SyncConstant> Constants => inner.Constants;

        public string Fingerprint(SyncRecord record, FieldDirection direction) => inner.Fingerprint(record, direction);

        public SyncFingerprint FingerprintOf(SyncRecord record, FieldDirection direction) => inner.FingerprintOf(record, direction);
    }
}
