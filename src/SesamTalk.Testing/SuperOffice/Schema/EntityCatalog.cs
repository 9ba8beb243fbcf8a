using SesamTalk.Testing.Catalogs;
using SesamTalk.Testing.SuperOffice.Archive;

namespace SesamTalk.Testing.SuperOffice.Schema;

/// <summary>
/// The entities the emulator serves: fields from the shared catalog (<c>catalogs/SuperOffice.catalog.json</c>),
/// carriers and archive columns from the API reference (ContactEntity, PersonEntity, SaleEntity; SimpleContact,
/// SimplePerson and FindSale providers; the Quote agent's QuoteAlternative, QuoteLine and Product carriers).
/// </summary>
internal sealed class EntityCatalog
{
    private const string SystemName = "SuperOffice";
    private const string AssociateId = "AssociateId";
    private const string ListId = "Id";

    private readonly Dictionary<string, EntitySchema> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, EntitySchema> _byProvider = new(StringComparer.OrdinalIgnoreCase);

    private EntityCatalog(Catalog catalog)
    {
        void Add(string name, string? provider, Dictionary<string, string> carriers, ArchiveColumn[] columns)
        {
            var entity = catalog.Objects.SingleOrDefault(o => o.Name == name)
                ?? throw new InvalidDataException($"The SuperOffice catalog has no object {name}.");
            var schema = new EntitySchema(entity, provider, carriers, columns);
            _byName.Add(name, schema);
            if (provider is not null)
            {
                _byProvider.Add(provider, schema);
            }
        }

        Add("Contact", "SimpleContact", new()
        {
            ["UpdatedBy"] = AssociateId, ["CreatedBy"] = AssociateId, ["Associate"] = AssociateId, ["SupportAssociate"] = AssociateId,
            ["Business"] = ListId, ["Category"] = ListId, ["TicketPriority"] = ListId, ["CustomerLanguage"] = ListId,
            ["Country"] = "CountryId", ["SupportPerson"] = "PersonId",
        },
        [
            ArchiveColumn.Int("contactId", "ContactId"), ArchiveColumn.Text("name", "Name"), ArchiveColumn.Text("department", "Department"),
            ArchiveColumn.Text("orgnr", "OrgNr"), ArchiveColumn.Text("code", "Number1"), ArchiveColumn.Text("number", "Number2"),
            ArchiveColumn.Int("category", "Category"), ArchiveColumn.Int("business", "Business"), ArchiveColumn.Int("country", "Country"),
            ArchiveColumn.Bool("stop", "Xstop"), ArchiveColumn.Bool("contactNoMail", "NoMailing"), ArchiveColumn.Int("updatedBy", "UpdatedBy"),
            ArchiveColumn.Date("updatedDate", "UpdatedDate"), ArchiveColumn.Int("registeredBy", "CreatedBy"), ArchiveColumn.Date("registeredDate", "CreatedDate"),
            ArchiveColumn.Int("contactSource", "Source"),
        ]);
        Add("Person", "SimplePerson", new()
        {
            ["Position"] = ListId, ["Contact"] = "ContactId", ["Country"] = "CountryId",
        },
        [
            ArchiveColumn.Int("personId", "PersonId"), ArchiveColumn.Text("firstName", "Firstname"), ArchiveColumn.Text("lastName", "Lastname"),
            ArchiveColumn.Text("middleName", "MiddleName"), ArchiveColumn.Text("fullName", "FullName"), ArchiveColumn.Int("contactId", "Contact"),
            ArchiveColumn.Text("mrMrs", "Mrmrs"), ArchiveColumn.Int("position", "Position"), ArchiveColumn.Text("personNumber", "PersonNumber"),
            ArchiveColumn.Text("title", "Title"), ArchiveColumn.Int("personCountry", "Country"), ArchiveColumn.Bool("retired", "Retired"),
            ArchiveColumn.Date("updatedDate", "UpdatedDate"), ArchiveColumn.Date("registeredDate", "CreatedDate"),
        ]);
        Add("Sale", "FindSale", new()
        {
            ["Contact"] = "ContactId", ["Person"] = "PersonId", ["Project"] = "ProjectId",
            ["Associate"] = AssociateId, ["UpdatedBy"] = AssociateId, ["CreatedBy"] = AssociateId,
            ["Currency"] = ListId, ["SaleType"] = ListId, ["Source"] = ListId, ["Reason"] = ListId, ["ReasonSold"] = ListId,
            ["ReasonStalled"] = ListId, ["Rating"] = ListId, ["Competitor"] = ListId, ["Credited"] = ListId,
        },
        [
            ArchiveColumn.Int("saleId", "SaleId"), ArchiveColumn.Text("heading", "Heading"), ArchiveColumn.Text("number", "Number"),
            ArchiveColumn.Int("contactId", "Contact"), ArchiveColumn.Int("personId", "Person"), ArchiveColumn.Int("projectId", "Project"),
            ArchiveColumn.Double("amount", "Amount"), ArchiveColumn.Double("earning", "Earning"), ArchiveColumn.Int("probability", "Probability"),
            ArchiveColumn.Text("status", "Status"), ArchiveColumn.Date("saleDate", "Saledate"), ArchiveColumn.Int("currencyId", "Currency"),
            ArchiveColumn.Date("updatedDate", "UpdatedDate"), ArchiveColumn.Date("registeredDate", "CreatedDate"),
        ]);
        Add("QuoteAlternative", null, [], []);
        Add("QuoteLine", null, [], []);
        Add("Product", null, [], []);
        if (catalog.Objects.FirstOrDefault(o => !_byName.ContainsKey(o.Name)) is { } unknown)
        {
            throw new InvalidDataException(
                $"SuperOfficeEmulatorOptions.Catalogs: '{unknown.Name}' is no entity the emulator serves ({string.Join(", ", _byName.Keys)}); an extra catalog can add fields to those.");
        }
    }

    /// <summary>The standard catalog is immutable once built, so every emulator without extra catalogs shares one.</summary>
    public static EntityCatalog Instance { get; } = new(Catalog.LoadEmbedded(SystemName));

    /// <summary>The standard catalog extended by <paramref name="extra"/> (catalog JSON texts, in order), or <see cref="Instance"/> when there are none.</summary>
    /// <exception cref="InvalidDataException">An extra catalog is malformed, of another system, or adds an entity.</exception>
    public static EntityCatalog With(IReadOnlyCollection<string> extra) =>
        extra.Count == 0 ? Instance : new(Catalog.LoadExtended(SystemName, extra, "SuperOfficeEmulatorOptions.Catalogs"));

    /// <summary>By catalog name ("Contact", "QuoteLine").</summary>
    public EntitySchema? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>A REST entity by name ("Contact"); null for unknown names and the agent-only quote carriers.</summary>
    public EntitySchema? FindRest(string name) => Find(name) is { Rest: true } schema ? schema : null;

    /// <summary>By archive provider ("SimpleContact").</summary>
    public EntitySchema? FindByProvider(string provider) => _byProvider.GetValueOrDefault(provider);
}
