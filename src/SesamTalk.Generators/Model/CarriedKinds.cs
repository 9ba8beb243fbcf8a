using System.Collections.Generic;
using System.Linq;

namespace SesamTalk.Generators.Model;

/// <summary>
/// One row of <see cref="CarriedKinds"/>: how a carried property type is recognised (<see cref="TypeName"/>, as
/// <c>SymbolDisplayFormat.FullyQualifiedFormat</c> writes it), read from a <c>SyncValue</c> (<see cref="Accessor"/>),
/// fingerprinted (<see cref="SyncValueKind"/>), which catalog field types it fits, and, for id types, how the id
/// becomes text (<see cref="IdToString"/>).
/// </summary>
internal sealed record CarriedKind(PropertyKind Kind, string? TypeName, string Accessor, string SyncValueKind, string[] Fits, string? IdToString)
{
    public bool CanBeId => IdToString is not null;
}

/// <summary>The one table of the types a generated mapper carries: adding a carried type is adding a row.</summary>
internal static class CarriedKinds
{
    private const string Invariant = ".ToString(global::System.Globalization.CultureInfo.InvariantCulture)";

    public static readonly IReadOnlyList<CarriedKind> All = new[]
    {
        new CarriedKind(PropertyKind.String, "string", "AsString", "String", CatalogTypes.Text, string.Empty),
        new CarriedKind(PropertyKind.Boolean, "bool", "AsBoolean", "Boolean", CatalogTypes.Boolean, null),
        new CarriedKind(PropertyKind.Int32, "int", "AsInt32", "Number", CatalogTypes.Numbers, Invariant),
        new CarriedKind(PropertyKind.Int64, "long", "AsInt64", "Number", CatalogTypes.Numbers, Invariant),
        new CarriedKind(PropertyKind.Decimal, "decimal", "AsDecimal", "Number", CatalogTypes.Numbers, null),
        new CarriedKind(PropertyKind.Double, "double", "AsDouble", "Number", CatalogTypes.Numbers, null),
        new CarriedKind(PropertyKind.DateTimeOffset, "global::System.DateTimeOffset", "AsDateTimeOffset", "DateTime", CatalogTypes.Dates, null),
        new CarriedKind(PropertyKind.DateTime, "global::System.DateTime", "AsDateTime", "DateTime", CatalogTypes.Dates, null),
        new CarriedKind(PropertyKind.DateOnly, "global::System.DateOnly", "AsDateOnly", "Date", CatalogTypes.Dates, null),
        new CarriedKind(PropertyKind.Guid, "global::System.Guid", "AsGuid", "String", CatalogTypes.Text, ".ToString(\"D\")"),
        new CarriedKind(PropertyKind.Enum, null, "AsString", "String", CatalogTypes.Picklists, null),
    };

    public static CarriedKind Of(PropertyKind kind) => All.First(row => row.Kind == kind);

    /// <summary>The row whose <see cref="CarriedKind.TypeName"/> is <paramref name="typeName"/>, or null.</summary>
    public static CarriedKind? ForType(string typeName) => All.FirstOrDefault(row => row.TypeName == typeName);
}
