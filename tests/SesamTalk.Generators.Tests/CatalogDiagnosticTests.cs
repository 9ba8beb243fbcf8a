using SesamTalk.Generators.Diagnostics;
using SesamTalk.Generators.Tests.Infrastructure;

namespace SesamTalk.Generators.Tests;

/// <summary>
/// The checks against the systems' field catalogs (SESAM2xx), on the standard Salesforce catalog and on host
/// catalogs given as AdditionalFiles: each with its span and a message that says how to fix it.
/// </summary>
public class CatalogDiagnosticTests
{
    private const string Usings = "using System;\nusing System.ComponentModel.DataAnnotations;\nusing SesamTalk;\n";

    private const string CustomerpCatalog = """
        {
          "system": "Customerp",
          "objects": [
            {
              "name": "Article",
              "createable": true,
              "updateable": true,
              "deletable": false,
              "fields": [
                { "name": "ArticleNo", "type": "string", "length": 20, "key": true, "createable": true, "updateable": false, "nillable": false, "defaultedOnCreate": false },
                { "name": "Unit_Price", "type": "currency", "createable": true, "updateable": true, "nillable": true },
                { "name": "UNITPRICE__c", "type": "currency", "createable": true, "updateable": true, "nillable": true },
                { "name": "Net_Weight", "type": "double", "createable": true, "updateable": true, "nillable": true }
              ]
            }
          ]
        }
        """;

    private const string PartyFieldCatalog = """
        { "system": "Salesforce", "objects": [ { "name": "Order", "createable": true, "updateable": true, "deletable": true,
          "fields": [ { "name": "Party__c", "type": "reference", "referenceTo": [ "Account", "Contact" ], "createable": true, "updateable": true, "nillable": true } ] } ] }
        """;

    [Fact]
    public void SESAM201_unknown_type_suggests_the_closest() => AssertDiagnostics(
        """
        [SyncsWith("Salesforce", "Product3", Origin = SyncOrigin.None)]
        public partial class Product { [SyncId] public string Id { get; set; } = ""; }
        """,
        "SESAM201 (4,2)-(4,63): Salesforce has no type 'Product3' (did you mean 'Product2'?); correct [SyncsWith] or add the type to a catalog in AdditionalFiles");

    [Fact]
    public void SESAM202_misspelled_salesforce_field() => AssertDiagnostics(
        """
        [SyncsWith("Salesforce", "Product2", Origin = SyncOrigin.None)]
        public partial class Product
        {
            [SyncId] public string Id { get; set; } = "";
            [Field("Salesforce", "ProductCdoe"), MaxLength(30)] public string Sku { get; set; } = "";
        }
        """,
        "SESAM202 (8,6)-(8,40): Salesforce Product2 has no field 'ProductCdoe' (did you mean 'ProductCode'?); name the field with [Field(\"Salesforce\", \"...\")], ignore the property with [SyncIgnore(\"Salesforce\")], or add the field to a catalog in AdditionalFiles");

    [Fact]
    public void SESAM203_mapping_onto_product2_created_date() => AssertDiagnostics(
        """
        [SyncsWith("Salesforce", "Product2", Origin = SyncOrigin.None)]
        public partial class Product
        {
            [SyncId] public string Id { get; set; } = "";
            [Field("Salesforce", "CreatedDate")] public DateTimeOffset Created { get; set; }
        }
        """,
        "SESAM203 (8,6)-(8,40): Salesforce field 'Product2.CreatedDate' is read-only; map 'Created' with Direction = FieldDirection.FromRemote or remove the mapping");

    [Fact]
    public void SESAM203_a_create_only_field_is_read_only_to_a_flow_that_never_creates() => AssertDiagnostics(
        """
        [SyncsWith("Salesforce", "OrderItem", Origin = SyncOrigin.Remote)]
        public partial class Line
        {
            [SyncId] public string Id { get; set; } = "";
            [Field("Salesforce", "Product2Id")] public string? ProductId { get; set; }
        }
        """,
        "SESAM203 (8,6)-(8,39): Salesforce field 'OrderItem.Product2Id' is read-only; map 'ProductId' with Direction = FieldDirection.FromRemote or remove the mapping");

    [Fact]
    public void SESAM203_a_host_catalog_field_without_write_flags_says_the_fix_is_in_the_catalog() => AssertDiagnostics(
        """
        [SyncsWith("Customerp", "Article", Origin = SyncOrigin.None)]
        public partial class Article
        {
            [SyncId] public string Id { get; set; } = "";
            [Field("Customerp", "Stock")] public double Stock { get; set; }
        }
        """,
        new[] { new InMemoryAdditionalText("erp.catalog.json", """
            { "system": "Customerp", "objects": [ { "name": "Article", "createable": false, "updateable": true, "deletable": false,
              "fields": [ { "name": "Stock", "type": "double", "nillable": true } ] } ] }
            """) },
        "SESAM203 (8,6)-(8,33): Customerp field 'Article.Stock' is read-only because its catalog entry states neither \"createable\" nor \"updateable\"; if the API can write it, add \"createable\": true and \"updateable\": true to the catalog, otherwise map 'Stock' with Direction = FieldDirection.FromRemote or remove the mapping");

    [Fact]
    public void SESAM204_a_bool_onto_a_salesforce_string_field() => AssertDiagnostics(
        """
        [SyncsWith("Salesforce", "Product2", Origin = SyncOrigin.None)]
        public partial class Product
        {
            [SyncId] public string Id { get; set; } = "";
            [Field("Salesforce", "ProductCode")] public bool Coded { get; set; }
        }
        """,
        "SESAM204 (8,6)-(8,40): 'Coded' of type 'bool' cannot carry Salesforce field 'ProductCode' of type 'string'; use string, or a converter with [Field(\"Salesforce\", Converter = typeof(...))]");

    [Fact]
    public void SESAM204_a_decimal_into_a_date() => AssertDiagnostics(
        """
        [SyncsWith("Salesforce", "Order", Origin = SyncOrigin.None)]
        public partial class Order
        {
            [SyncId] public string Id { get; set; } = "";
            [Field("Salesforce", "EffectiveDate")] public decimal Effective { get; set; }
        }
        """,
        "SESAM204 (8,6)-(8,42): 'Effective' of type 'decimal' cannot carry Salesforce field 'EffectiveDate' of type 'date'; use DateOnly, or a converter with [Field(\"Salesforce\", Converter = typeof(...))]");

    [Fact]
    public void SESAM205_text_without_a_declared_limit_warns_with_the_length() => AssertDiagnostics(
        """
        [SyncsWith("Salesforce", "Product2", Origin = SyncOrigin.None)]
        public partial class Product
        {
            [SyncId] public string Id { get; set; } = "";
            public string Name { get; set; } = "";
            [MaxLength(40)] public string? Family { get; set; }
            [MaxLength(300), Field("Salesforce", "ProductCode")] public string? Code { get; set; }
        }
        """,
        "SESAM205 (8,19)-(8,23): Salesforce field 'Name' holds at most 255 characters but 'Name' declares no limit; add [MaxLength(255)] to the property so longer values are caught in the host",
        "SESAM205 (10,22)-(10,56): Salesforce field 'ProductCode' holds at most 255 characters but 'Code' declares [MaxLength(300)], which is longer; lower it to [MaxLength(255)] so longer values are caught in the host");

    [Fact]
    public void SESAM205_gives_code_fixes_the_field_length()
    {
        var (result, _) = GeneratorHarness.Run(GeneratorHarness.Compile(Usings + """
            [SyncsWith("Salesforce", "Product2", Origin = SyncOrigin.None)]
            public partial class Product
            {
                [SyncId] public string Id { get; set; } = "";
                [MaxLength(300)] public string Name { get; set; } = "";
            }
            """));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("SESAM205", diagnostic.Id);
        Assert.Equal("255", diagnostic.Properties[DiagnosticProperties.MaxLength]);
    }

    [Fact]
    public void SESAM206_a_missing_required_order_effective_date() => AssertDiagnostics(
        """
        [SyncsWith("Salesforce", "Order")]
        [SyncConstant("Salesforce", "Order", "Status", "Draft")]
        public partial class Order
        {
            [SyncId] public string Id { get; set; } = "";
            [Field("Salesforce", "AccountId")] public string? CustomerId { get; set; }
        }
        """,
        "SESAM206 (4,2)-(4,34): Salesforce Order requires 'EffectiveDate' on create but 'Order' maps nothing to it; map a property to it or add [SyncConstant(\"Salesforce\", \"Order\", \"EffectiveDate\", ...)]");

    [Fact]
    public void SESAM207_match_key_on_a_long_text_field() => AssertDiagnostics(
        """
        [SyncsWith("Salesforce", "Product2", Origin = SyncOrigin.None)]
        public partial class Product
        {
            [SyncId] public string Id { get; set; } = "";
            [MatchKey, MaxLength(4000)] public string? Description { get; set; }
        }
        """,
        "SESAM207 (8,6)-(8,14): Salesforce field 'Product2.Description' cannot be searched, so 'Description' cannot be its match key; choose a field the API can filter on");

    [Fact]
    public void SESAM208_creating_a_standard_invoice() => AssertDiagnostics(
        """
        [SyncsWith("Salesforce", "Invoice")]
        public partial class Order { [SyncId] public string Id { get; set; } = ""; }
        """,
        "SESAM208 (4,2)-(4,36): Salesforce Invoice cannot be created through the API, but 'Order' would create it (Origin = Local); use Origin = SyncOrigin.None or SyncOrigin.Remote and link by match keys or references");

    [Fact]
    public void SESAM209_ambiguous_by_name_match_in_a_host_catalog() => AssertDiagnostics(
        """
        [SyncsWith("Customerp", "Article", Origin = SyncOrigin.None)]
        public partial class Article
        {
            [SyncId] public string Id { get; set; } = "";
            public decimal UnitPrice { get; set; }
        }
        """,
        new[] { new InMemoryAdditionalText("/host/catalogs/Customerp.catalog.json", CustomerpCatalog) },
        "SESAM209 (8,20)-(8,29): 'UnitPrice' matches several Customerp Article fields by name (Unit_Price, UNITPRICE__c); choose one with [Field(\"Customerp\", \"...\")]");

    [Fact]
    public void SESAM210_a_catalog_that_is_not_json() => AssertDiagnostics(
        """
        [SyncsWith("Customerp", "Article", Origin = SyncOrigin.None)]
        public partial class Article { [SyncId] public string Id { get; set; } = ""; }
        """,
        new[] { new InMemoryAdditionalText("/host/catalogs/Customerp.catalog.json", "{ \"system\": \"Customerp\", \"objects\": [ { \"name\": } ] }") },
        "SESAM210 (1,1)-(1,1): Catalog '/host/catalogs/Customerp.catalog.json' cannot be read: unexpected character '}' at line 1, column 49");

    [Fact]
    public void SESAM211_a_reference_to_an_entity_with_two_types_of_a_system_without_a_catalog() => AssertDiagnostics(
        """
        [SyncsWith("Customcrm", "Customer")]
        [SyncsWith("Customcrm", "Company")]
        public partial class Customer { [SyncId] public string Id { get; set; } = ""; }

        [SyncsWith("Customcrm", "Order")]
        public partial class Order
        {
            [SyncId] public string Id { get; set; } = "";
            [References(typeof(Customer)), Field("Customcrm", "AccountId")] public string? CustomerId { get; set; }
        }
        """,
        "SESAM211 (12,6)-(12,34): 'CustomerId' references 'Customer', which syncs with several Customcrm types (Customer, Company), and nothing says which of them Customcrm Order field 'AccountId' holds; choose one with [References(typeof(Customer), Type = \"...\")]");

    [Fact]
    public void SESAM211_a_polymorphic_field_whose_reference_to_names_several_of_the_types() => AssertDiagnostics(
        """
        [SyncsWith("Salesforce", "Division", Origin = SyncOrigin.None)]
        [SyncsWith("Salesforce", "Account", Origin = SyncOrigin.None)]
        [SyncsWith("Salesforce", "Contact", Origin = SyncOrigin.None)]
        public partial class Party { [SyncId] public string Id { get; set; } = ""; }

        [SyncsWith("Salesforce", "Order", Origin = SyncOrigin.None)]
        public partial class Order
        {
            [SyncId] public string Id { get; set; } = "";
            [References(typeof(Party))]
            public string? Party { get; set; }
        }
        """,
        new[] { new InMemoryAdditionalText("/host/catalogs/org.catalog.json", PartyFieldCatalog) },
        "SESAM211 (13,6)-(13,31): 'Party' references 'Party', which syncs with several Salesforce types (Account, Contact), and nothing says which of them Salesforce Order field 'Party__c' holds; choose one with [References(typeof(Party), Type = \"...\")]");

    [Fact]
    public void By_name_matching_takes_the_catalog_spelling_and_its_data_type()
    {
        var source = Usings + """
            [SyncsWith("Customerp", "Article", Origin = SyncOrigin.None)]
            public partial class Article
            {
                [SyncId] public string Id { get; set; } = "";
                public double NetWeight { get; set; }
            }
            """;

        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Compile(source), new InMemoryAdditionalText("Customerp.catalog.json", CustomerpCatalog));

        Assert.Empty(result.Diagnostics);
        Assert.Empty(GeneratorHarness.CompileProblems(output));
        var mapper = result.Results.Single().GeneratedSources.Single(s => s.HintName == "SesamTalk.Article.Customerp.Article.g.cs").SourceText.ToString();
        Assert.Contains("record[\"Net_Weight\"] = global::SesamTalk.SyncValue.From(entity.NetWeight);", mapper, StringComparison.Ordinal);
        Assert.Contains("Field = \"Net_Weight\", Kind = global::SesamTalk.SyncValueKind.Number, Direction = global::SesamTalk.FieldDirection.Both, Conflict = global::SesamTalk.ConflictRule.LatestWins, PropertyType = \"double\", RemoteType = \"double\", Createable = true, Updateable = true }", mapper, StringComparison.Ordinal);
    }

    [Fact]
    public void SESAM210_a_field_type_no_catalog_has() => AssertDiagnostics(
        """
        [SyncsWith("Customerp", "Article", Origin = SyncOrigin.None)]
        public partial class Article { [SyncId] public string Id { get; set; } = ""; }
        """,
        new[] { new InMemoryAdditionalText("erp.catalog.json", """
            { "system": "Customerp", "objects": [ { "name": "Article", "fields": [ { "name": "Price", "type": "money" } ] } ] }
            """) },
        "SESAM210 (1,1)-(1,1): Catalog 'erp.catalog.json' cannot be read: field 'Price' has type 'money', which is none of string, textarea, email, phone, url, encryptedstring, combobox, picklist, multipicklist, time, id, reference, guid, int, long, double, decimal, currency, percent, date, datetime, boolean, address, location, base64, records");

    [Fact]
    public void SESAM212_a_misspelt_system_name_says_which_system_has_a_catalog()
    {
        var (result, _) = GeneratorHarness.Run(GeneratorHarness.Compile(Usings + """
            [SyncsWith("Salesfroce", "Product2", Origin = SyncOrigin.None)]
            public partial class Product { [SyncId] public string Id { get; set; } = ""; }
            """));

        Assert.Equal(
            "SESAM212 (4,2)-(4,63): No catalog describes system 'Salesfroce' (did you mean 'Salesforce'?); correct the name in [SyncsWith], or add a catalog for 'Salesfroce' to AdditionalFiles if it is a system of its own",
            Assert.Single(DiagnosticText.Of(result)));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("Salesforce", diagnostic.Properties[DiagnosticProperties.Suggestion]);
        Assert.Equal("Salesfroce", diagnostic.Properties[DiagnosticProperties.Replaces]);
    }

    [Fact]
    public void SESAM201_and_SESAM202_give_code_fixes_the_suggestion()
    {
        var (result, _) = GeneratorHarness.Run(GeneratorHarness.Compile(Usings + """
            [SyncsWith("Salesforce", "Product3", Origin = SyncOrigin.None)]
            public partial class Item { [SyncId] public string Id { get; set; } = ""; }

            [SyncsWith("Salesforce", "Product2", Origin = SyncOrigin.None)]
            public partial class Product
            {
                [SyncId] public string Id { get; set; } = "";
                [Field("Salesforce", "ProductCdoe"), MaxLength(30)] public string Sku { get; set; } = "";
            }
            """));

        var suggestions = result.Diagnostics.OrderBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => d.Id + ": " + d.Properties[DiagnosticProperties.Replaces] + " -> " + d.Properties[DiagnosticProperties.Suggestion]);
        Assert.Equal(new[] { "SESAM201: Product3 -> Product2", "SESAM202: ProductCdoe -> ProductCode" }, suggestions);
    }

    [Fact]
    public void A_host_catalog_extends_the_standard_salesforce_catalog_with_custom_fields()
    {
        const string custom = """
            { "system": "Salesforce", "objects": [ { "name": "Product2", "createable": true, "updateable": true, "deletable": true,
              "fields": [ { "name": "Weight__c", "type": "double", "createable": true, "updateable": true, "nillable": true } ] } ] }
            """;
        var source = Usings + """
            [SyncsWith("Salesforce", "Product2", Origin = SyncOrigin.None)]
            public partial class Product
            {
                [SyncId] public string Id { get; set; } = "";
                [MaxLength(80)] public string Name { get; set; } = "";
                public double? Weight { get; set; }
            }
            """;

        var (result, _) = GeneratorHarness.Run(GeneratorHarness.Compile(source), new InMemoryAdditionalText("org.catalog.json", custom));

        Assert.Empty(result.Diagnostics);
        var mapper = result.Results.Single().GeneratedSources.Single(s => s.HintName.EndsWith("Salesforce.Product2.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("record[\"Weight__c\"]", mapper, StringComparison.Ordinal);
        Assert.Contains("record[\"Name\"]", mapper, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_that_are_not_catalogs_are_ignored_and_systems_without_a_catalog_are_not_checked() => AssertDiagnostics(
        """
        [SyncsWith("Customcrm", "Anything")]
        public partial class Product
        {
            [SyncId] public string Id { get; set; } = "";
            public string Whatever { get; set; } = "";
        }
        """,
        new[] { new InMemoryAdditionalText("notes.json", "not json at all") });

    private static void AssertDiagnostics(string body, params string[] expected) =>
        AssertDiagnostics(body, Array.Empty<InMemoryAdditionalText>(), expected);

    private static void AssertDiagnostics(string body, InMemoryAdditionalText[] files, params string[] expected)
    {
        var (result, _) = GeneratorHarness.Run(GeneratorHarness.Compile(Usings + body), files);
        Assert.Equal(string.Join("\n", expected), string.Join("\n", DiagnosticText.Of(result)));
    }
}
