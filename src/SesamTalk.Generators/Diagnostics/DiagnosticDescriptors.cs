using Microsoft.CodeAnalysis;

namespace SesamTalk.Generators.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. IDs: SESAM0xx entity declaration, SESAM1xx property mapping,
/// SESAM2xx checks against the systems' field catalogs.
/// Each ID has a page in docs/diagnostics/ with the wrong code and the fix, and a line in AnalyzerReleases.
/// </summary>
internal static class DiagnosticDescriptors
{
    /// <summary>Where each ID's page (docs/diagnostics/ID.md, with the wrong code and the fix) is read: absolute, so IDEs open it.</summary>
    public const string HelpBase = "https://github.com/sesamtalk/sesamtalk-dotnet/blob/main/docs/diagnostics/";

    private const string Category = "SesamTalk";

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
        "'{0}' is created from {1} records but has no parameterless constructor; add one (it may be private), marked [SetsRequiredMembers] if '{0}' has required members",
        "When a flow creates host records (Origin = Remote or Both, or child records), SesamTalk calls the entity's parameterless constructor; with required members, only a constructor marked [SetsRequiredMembers] can be called without setting them.");

    public static readonly DiagnosticDescriptor DuplicateEntityName = Error(
        "SESAM009",
        "Two synced entities share a name",
        "Synced entities '{0}' and '{1}' share the name '{2}'; rename one of the classes",
        "Links, cursors and the typed client's members are keyed by the entity's class name, so it must be unique in the assembly.");

    public static readonly DiagnosticDescriptor InternalEntityMakesClientInternal = Warning(
        "SESAM010",
        "An internal entity makes the typed client internal",
        "'{0}' is not public, so the generated TalkClient, SesamTalkModel and AddSesamTalk() are internal too; make '{0}' (and the types containing it) public, or make every synced entity internal",
        "The typed client has a member per entity; one entity that is not public would make the whole client internal, which the host's other assemblies then cannot use.");

    public static readonly DiagnosticDescriptor FileLocalEntity = Error(
        "SESAM011",
        "Synced entity cannot be file-local",
        "'{0}' is declared 'file'; remove the 'file' modifier so SesamTalk can generate its mappers and client member",
        "Generated code lives in files of its own, and a file-local type cannot be extended or named outside its file.");

    public static readonly DiagnosticDescriptor ReservedMemberName = Error(
        "SESAM012",
        "Member name is taken by generated code",
        "'{1}' has a member named '{0}', which SesamTalk generates in '{1}'; rename the member",
        "SesamTalk generates SyncDefinition, SesamTalkDefinition, SyncTargets and one SesamTalk{System}{Type}Mapper class in each synced entity, so the entity cannot declare members of those names.");

    public static readonly DiagnosticDescriptor UnusableClientMember = Error(
        "SESAM013",
        "The typed client's member name cannot be used",
        "'{0}' cannot be the typed client's member for '{1}': {2}; name another with [SyncClientMember(\"...\")]",
        "Each entity with flows of its own gets a member of the generated TalkClient, named by [SyncClientMember] or the plural of the class name; the name must be a C# identifier that no other member of TalkClient has.");

    public static readonly DiagnosticDescriptor UnsupportedPropertyType = Error(
        "SESAM101",
        "Property type cannot be mapped",
        "Property '{0}' of type '{1}' cannot be mapped to {2}; add [SyncIgnore(\"{3}\")], a converter with [Field(\"{3}\", Converter = typeof(...))], or use string, bool, a number, a date type, Guid or an enum",
        "Generated mappers carry strings, booleans, numbers, dates and times, GUIDs and enums (as picklist values). Other types need a converter or must be ignored.");

    public static readonly DiagnosticDescriptor UnknownSystem = Error(
        "SESAM102",
        "Attribute names a system or type the entity does not sync with",
        "'{0}' does not sync with {1}{3}; add [SyncsWith(\"{2}\", ...)] to the class or correct the name",
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

    public static readonly DiagnosticDescriptor UndefinedEnumValue = Error(
        "SESAM107",
        "Attribute value is not a member of its enum",
        "{0} is not a member of its enum; use one of its named members",
        "SesamTalk reads SyncOrigin, FieldDirection and ConflictRule values by member name; a cast number names no member and has no meaning.");

    public static readonly DiagnosticDescriptor UnknownType = Error(
        "SESAM201",
        "Remote type is not in the system's catalog",
        "{0} has no type '{1}'{2}; correct [SyncsWith] or add the type to a catalog in AdditionalFiles",
        "The system's catalog lists the record types its API serves; a type missing from it would fail at run time with an error from the API.");

    public static readonly DiagnosticDescriptor UnknownField = Error(
        "SESAM202",
        "Remote field is not in the catalog",
        "{0} {1} has no field '{2}'{3}; name the field with [Field(\"{0}\", \"...\")], ignore the property with [SyncIgnore(\"{0}\")], or add the field to a catalog in AdditionalFiles",
        "Every mapped field must exist in the remote type; the real API answers an unknown field with an error such as Salesforce's INVALID_FIELD.");

    public static readonly DiagnosticDescriptor ReadOnlyField = Error(
        "SESAM203",
        "Mapping writes a read-only remote field",
        "{0} field '{1}.{2}' is read-only{3}",
        "A read-only field (system stamps, auto numbers, formulas) cannot be written; the real API refuses the write. A field of a host catalog that states neither createable nor updateable counts as read-only, so when the API can write it the fix is in the catalog.");

    public static readonly DiagnosticDescriptor IncompatibleType = Error(
        "SESAM204",
        "Property type does not fit the remote field",
        "'{0}' of type '{1}' cannot carry {2} field '{3}' of type '{4}'; use {5}, or a converter with [Field(\"{2}\", Converter = typeof(...))]",
        "The property's values must be values the remote field accepts: text for text fields, numbers for numeric fields, dates for date fields.");

    public static readonly DiagnosticDescriptor PossibleTruncation = Warning(
        "SESAM205",
        "Text may be too long for the remote field",
        "{0} field '{1}' holds at most {2} characters but {3} so longer values are caught in the host",
        "The remote API refuses text longer than the field's length (Salesforce STRING_TOO_LONG); declaring the limit on the property keeps such values out.");

    public static readonly DiagnosticDescriptor RequiredFieldMissing = Error(
        "SESAM206",
        "A field the remote API requires on create is not mapped",
        "{0} {1} requires '{2}' on create but '{3}' maps nothing to it; map a property to it or add [SyncConstant(\"{0}\", \"{1}\", \"{2}\", ...)]",
        "When a flow creates remote records, every field the API requires on create must come from a property or a constant.");

    public static readonly DiagnosticDescriptor MatchKeyNotSearchable = Error(
        "SESAM207",
        "Match key cannot be searched",
        "{0} field '{1}.{2}' cannot be searched, so '{3}' cannot be its match key; choose a field the API can filter on",
        "Match keys are looked up with queries, so the field must be one the API filters on (long text fields are not).");

    public static readonly DiagnosticDescriptor CreateNotAllowed = Error(
        "SESAM208",
        "The real API cannot create this type",
        "{0} {1} cannot be created through the API, but '{2}' would create it (Origin = {3}); use Origin = SyncOrigin.None or SyncOrigin.Remote and link by match keys or references",
        "SesamTalk never fakes a create the real API refuses; such a flow links existing records and keeps their updatable fields in sync.");

    public static readonly DiagnosticDescriptor AmbiguousField = Error(
        "SESAM209",
        "Property matches several remote fields by name",
        "'{0}' matches several {1} {2} fields by name ({3}); choose one with [Field(\"{1}\", \"...\")]",
        "By-name mapping never guesses between several candidate fields.");

    public static readonly DiagnosticDescriptor InvalidCatalog = Error(
        "SESAM210",
        "Catalog file cannot be read",
        "Catalog '{0}' cannot be read: {1}",
        "A catalog in AdditionalFiles must follow the format in docs/catalogs.md.");

    public static readonly DiagnosticDescriptor AmbiguousReference = Error(
        "SESAM211",
        "Reference does not say which remote type it points to",
        "'{0}' references '{1}', which syncs with several {2} types ({3}), and nothing says which of them {2} {4} field '{5}' holds; choose one with [References(typeof({1}), Type = \"...\")]",
        "A reference is translated through the links of one of the referenced entity's flows; when that entity syncs with several types of the system and the catalog's referenceTo of the field does not pick one, the attribute must name it.");

    public static readonly DiagnosticDescriptor MisspelledSystem = Warning(
        "SESAM212",
        "System name is close to a system with a catalog",
        "No catalog describes system '{0}'{1}; correct the name in [SyncsWith], or add a catalog for '{0}' to AdditionalFiles if it is a system of its own",
        "Types and fields are checked against the system's catalog; a misspelt system name has none, so every check is off and the mistake shows only at run time.");

    private static DiagnosticDescriptor Warning(string id, string title, string message, string description) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, description, HelpBase + id + ".md");

    private static DiagnosticDescriptor Error(string id, string title, string message, string description) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, description, HelpBase + id + ".md");
}
