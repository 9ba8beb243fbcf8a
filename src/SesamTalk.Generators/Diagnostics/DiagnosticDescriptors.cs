using Microsoft.CodeAnalysis;

namespace SesamTalk.Generators.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. IDs: SESAM0xx entity declaration, SESAM1xx property mapping.
/// Each ID has a page in docs/diagnostics/ with the wrong code and the fix, and a line in AnalyzerReleases.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "SesamTalk";
    // Each ID's page, with the wrong code and the fix, ships in the repository's docs folder.
    private const string HelpBase = "docs/diagnostics/";

    public static readonly DiagnosticDescriptor EntityNotPartial = Error(
        "SESAM001",
        "Synced entity must be partial",
        "Add the 'partial' modifier to '{0}' so SesamTalk can generate its mappers",
        "SesamTalk generates the mappers as nested types of the entity, so the entity and every type that contains it must be declared partial.");

    public static readonly DiagnosticDescriptor MissingSyncId = Error(
        "SESAM002",
        "Synced entity has no [SyncId] property",
        "'{0}' has no property marked [SyncId]; mark the property that holds its own id",
        "Links are stored against the host entity's own id, so exactly one property must carry [SyncId].");

    public static readonly DiagnosticDescriptor DuplicateSyncId = Error(
        "SESAM003",
        "Synced entity has more than one [SyncId] property",
        "'{0}' already has [SyncId] on '{1}'; remove [SyncId] from '{2}'",
        "Exactly one property of a synced entity carries [SyncId].");

    public static readonly DiagnosticDescriptor DuplicateTarget = Error(
        "SESAM004",
        "The same remote type is declared twice",
        "'{0}' already syncs with {1}/{2}; remove the second [SyncsWith(\"{1}\", \"{2}\")]",
        "Each (system, type) pair may be declared once per entity.");

    public static readonly DiagnosticDescriptor EmptyTargetName = Error(
        "SESAM005",
        "System or type name is empty",
        "[SyncsWith] on '{0}' needs a non-empty system and type, e.g. [SyncsWith(\"Salesforce\", \"Product2\")]",
        "The system and the remote type name identify the flow and cannot be empty.");

    public static readonly DiagnosticDescriptor UnsupportedIdType = Error(
        "SESAM006",
        "[SyncId] property has an unsupported type",
        "[SyncId] property '{0}' is of type '{1}'; use string, Guid, int or long",
        "Links store the host id as text, so the id must be a string, Guid, int or long.");

    public static readonly DiagnosticDescriptor GenericEntity = Error(
        "SESAM007",
        "Synced entity cannot be generic",
        "'{0}' is generic; declare a non-generic class for each synced type",
        "A synced entity is one concrete type with one name in the link store.");

    public static readonly DiagnosticDescriptor NoParameterlessConstructor = Error(
        "SESAM008",
        "Entity created from remote records needs a parameterless constructor",
        "'{0}' is created from {1} records but has no parameterless constructor; add one (it may be private)",
        "When a flow creates host records (Origin = Remote or Both, or child records), SesamTalk calls the entity's parameterless constructor.");

    public static readonly DiagnosticDescriptor UnsupportedPropertyType = Error(
        "SESAM101",
        "Property type cannot be mapped",
        "Property '{0}' of type '{1}' cannot be mapped to {2}; add [SyncIgnore(\"{3}\")], a converter with [Field(\"{3}\", Converter = typeof(...))], or use string, bool, a number, a date type, Guid or an enum",
        "Generated mappers carry strings, booleans, numbers, dates and times, GUIDs and enums (as picklist values). Other types need a converter or must be ignored.");

    public static readonly DiagnosticDescriptor UnknownSystem = Error(
        "SESAM102",
        "Attribute names a system or type the entity does not sync with",
        "'{0}' does not sync with {1}; add [SyncsWith(\"{2}\", ...)] to the class or correct the name",
        "[Field], [SyncIgnore], [MatchKey], [SyncConstant] and [SyncChildren] must name a system (and type) from the entity's [SyncsWith] attributes.");

    public static readonly DiagnosticDescriptor NotAnEntity = Error(
        "SESAM103",
        "Referenced type is not a synced entity",
        "'{0}' is not a synced entity for {1}; add [SyncsWith({2})] to '{0}' or remove the attribute",
        "References and child collections are translated through links, so their type must itself be a synced entity of the same system.");

    public static readonly DiagnosticDescriptor DuplicateField = Error(
        "SESAM104",
        "Two properties map to the same remote field",
        "Properties '{0}' and '{1}' both map to {2} field '{3}'; rename one with [Field(\"{4}\", \"...\")] or ignore one with [SyncIgnore(\"{4}\")]",
        "A remote field can receive the value of one property only.");

    public static readonly DiagnosticDescriptor InvalidConverter = Error(
        "SESAM105",
        "Converter cannot convert the property",
        "Converter '{0}' for property '{1}' must implement ISyncValueConverter<{2}, TRemote> with a carried TRemote and have a public parameterless constructor",
        "A converter turns the property's value into a remote value the mapper can carry (string, bool, number, date, Guid) and back.");

    public static readonly DiagnosticDescriptor ReadOnlyPropertyFromRemote = Error(
        "SESAM106",
        "Property cannot receive remote values",
        "Property '{0}' has no settable accessor but maps from {1}; add a setter or use Direction = FieldDirection.ToRemote",
        "A field that travels from the remote system must be written to the property, so the property needs a setter (init-only setters do not count).");

    private static DiagnosticDescriptor Error(string id, string title, string message, string description) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, description, HelpBase + id + ".md");
}
