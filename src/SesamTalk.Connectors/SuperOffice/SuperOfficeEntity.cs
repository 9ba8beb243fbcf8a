namespace SesamTalk.Connectors.SuperOffice;

/// <summary>
/// A SuperOffice entity: a REST entity under <c>/api/v1/{Name}</c> with an archive list, or a quote carrier served only
/// by the Quote agent (<see cref="Agent"/>). Each has its primary key, the fields the wire carries as nested list
/// items or entity carriers (<c>"Country": {"CountryId": 578}</c>) with the member holding the id, the date fields,
/// the EntityElement arrays (<c>Emails</c>, <c>Phones</c>…), and the archive columns by catalog field name.
/// </summary>
public sealed class SuperOfficeEntity
{
    private const string AssociateId = "AssociateId";
    private const string ListId = "Id";

    private SuperOfficeEntity(string name, string key, Dictionary<string, string> carriers, string[] dates, string[] elements, Dictionary<string, string> columns, QuoteAgentMethods? agent = null)
    {
        Name = name;
        Agent = agent;
        Key = key;
        Carriers = carriers.ToDictionary(c => c.Key, c => c.Value, StringComparer.OrdinalIgnoreCase);
        DateFields = new HashSet<string>(dates, StringComparer.OrdinalIgnoreCase);
        ElementFields = new HashSet<string>(elements, StringComparer.OrdinalIgnoreCase);
        Columns = columns.ToDictionary(c => c.Key, c => c.Value, StringComparer.OrdinalIgnoreCase);
        FieldsByColumn = columns.ToDictionary(c => c.Value, c => c.Key, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Companies (<c>ContactEntity</c>; archive <c>SimpleContact</c>).</summary>
    public static SuperOfficeEntity Contact { get; } = new("Contact", "ContactId",
        new()
        {
            ["UpdatedBy"] = AssociateId, ["CreatedBy"] = AssociateId, ["Associate"] = AssociateId, ["SupportAssociate"] = AssociateId,
            ["Business"] = ListId, ["Category"] = ListId, ["TicketPriority"] = ListId, ["CustomerLanguage"] = ListId,
            ["Country"] = "CountryId", ["SupportPerson"] = "PersonId",
        },
        ["UpdatedDate", "CreatedDate", "DbiLastModified", "DbiLastSyncronized"],
        ["Emails", "Urls", "Phones", "Faxes"],
        new()
        {
            ["ContactId"] = "contactId", ["Name"] = "name", ["Department"] = "department", ["OrgNr"] = "orgnr", ["Number1"] = "code",
            ["Number2"] = "number", ["Category"] = "category", ["Business"] = "business", ["Country"] = "country", ["Xstop"] = "stop",
            ["NoMailing"] = "contactNoMail", ["UpdatedBy"] = "updatedBy", ["UpdatedDate"] = "updatedDate", ["CreatedBy"] = "registeredBy",
            ["CreatedDate"] = "registeredDate", ["Source"] = "contactSource",
        });

    /// <summary>Contact persons (<c>PersonEntity</c>; archive <c>SimplePerson</c>).</summary>
    public static SuperOfficeEntity Person { get; } = new("Person", "PersonId",
        new() { ["Position"] = ListId, ["Contact"] = "ContactId", ["Country"] = "CountryId" },
        ["UpdatedDate", "CreatedDate", "BirthDate", "DbiLastModified", "DbiLastSyncronized"],
        ["Emails", "OfficePhones", "MobilePhones", "PrivatePhones", "Faxes", "OtherPhones", "Urls"],
        new()
        {
            ["PersonId"] = "personId", ["Firstname"] = "firstName", ["Lastname"] = "lastName", ["MiddleName"] = "middleName",
            ["FullName"] = "fullName", ["Contact"] = "contactId", ["Mrmrs"] = "mrMrs", ["Position"] = "position",
            ["PersonNumber"] = "personNumber", ["Title"] = "title", ["Country"] = "personCountry", ["Retired"] = "retired",
            ["UpdatedDate"] = "updatedDate", ["CreatedDate"] = "registeredDate",
        });

    /// <summary>Sales (<c>SaleEntity</c>; archive <c>FindSale</c>).</summary>
    public static SuperOfficeEntity Sale { get; } = new("Sale", "SaleId",
        new()
        {
            ["Contact"] = "ContactId", ["Person"] = "PersonId", ["Project"] = "ProjectId",
            ["Associate"] = AssociateId, ["UpdatedBy"] = AssociateId, ["CreatedBy"] = AssociateId,
            ["Currency"] = ListId, ["SaleType"] = ListId, ["Source"] = ListId, ["Reason"] = ListId, ["ReasonSold"] = ListId,
            ["ReasonStalled"] = ListId, ["Rating"] = ListId, ["Competitor"] = ListId, ["Credited"] = ListId,
        },
        ["UpdatedDate", "CreatedDate", "Saledate", "NextDueDate", "ReopenDate"],
        [],
        new()
        {
            ["SaleId"] = "saleId", ["Heading"] = "heading", ["Number"] = "number", ["Contact"] = "contactId", ["Person"] = "personId",
            ["Project"] = "projectId", ["Amount"] = "amount", ["Earning"] = "earning", ["Probability"] = "probability",
            ["Status"] = "status", ["Saledate"] = "saleDate", ["Currency"] = "currencyId", ["UpdatedDate"] = "updatedDate",
            ["CreatedDate"] = "registeredDate",
        });

    /// <summary>Quote alternatives (Quote agent only; belong to a QuoteVersion of a sale's quote).</summary>
    public static SuperOfficeEntity QuoteAlternative { get; } = new("QuoteAlternative", "QuoteAlternativeId", [], [], [], [],
        new("GetQuoteAlternative", "SaveQuoteAlternative", "QuoteAlternative", SavesList: false, "DeleteQuoteAlternative"));

    /// <summary>Quote lines (Quote agent only; belong to a QuoteAlternative and are saved as a list).</summary>
    public static SuperOfficeEntity QuoteLine { get; } = new("QuoteLine", "QuoteLineId", [], ["SubscriptionStart"], [], [],
        new("GetQuoteLine", "SaveQuoteLines", "QuoteLines", SavesList: true, "DeleteQuoteLine"));

    /// <summary>Products of the SuperOffice price lists (Quote agent only).</summary>
    public static SuperOfficeEntity Product { get; } = new("Product", "ProductId", [], [], [], [],
        new("GetProductFromDbId", "SaveProduct", "Product", SavesList: false, "DeleteProduct"));

    /// <summary>The entities this connector knows.</summary>
    public static IReadOnlyList<SuperOfficeEntity> Known { get; } = [Contact, Person, Sale, QuoteAlternative, QuoteLine, Product];

    /// <summary>The REST name, e.g. <c>Contact</c>.</summary>
    public string Name { get; }

    /// <summary>Whether the entity is served under <c>/api/v1/{Name}</c> with an archive list; false for the quote carriers.</summary>
    public bool IsRest => Agent is null;

    /// <summary>The Quote agent methods of a quote carrier; null for REST entities.</summary>
    internal QuoteAgentMethods? Agent { get; }

    /// <summary>The primary key field, e.g. <c>ContactId</c>.</summary>
    public string Key { get; }

    /// <summary>The archive column of the primary key, e.g. <c>contactId</c>.</summary>
    public string KeyColumn => Columns[Key];

    /// <summary>Carrier fields and the member holding their id.</summary>
    internal IReadOnlyDictionary<string, string> Carriers { get; }

    /// <summary>Fields holding a point in time.</summary>
    internal IReadOnlySet<string> DateFields { get; }

    /// <summary>EntityElement arrays (<c>[{"Value","StrippedValue","Description"}]</c>).</summary>
    internal IReadOnlySet<string> ElementFields { get; }

    /// <summary>Archive columns by catalog field.</summary>
    internal IReadOnlyDictionary<string, string> Columns { get; }

    /// <summary>Catalog fields by archive column.</summary>
    internal IReadOnlyDictionary<string, string> FieldsByColumn { get; }

    /// <summary>The catalog fields the archive list can return (and so <see cref="SuperOfficeClient.ReadChangesAsync"/> can read).</summary>
    public IEnumerable<string> ArchiveFields => Columns.Keys;

    /// <summary>The entity named <paramref name="name"/>, or null.</summary>
    /// <param name="name">e.g. <c>Contact</c>.</param>
    public static SuperOfficeEntity? Find(string name) => Known.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc />
    public override string ToString() => Name;
}
