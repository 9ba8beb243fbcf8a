namespace SesamTalk.Generators.CodeFixes.Tests;

/// <summary>SESAM102, SESAM201, SESAM202 and SESAM212: each case is the code before, with its diagnostic marked, and after the fix.</summary>
public class DidYouMeanCodeFixTests
{
    [Theory]
    [InlineData("""[{|SESAM201:SyncsWith("Salesforce", "Prodcut2")|}]""", ProductSource.SyncsWith)]
    [InlineData(ProductSource.SyncsWith + """[{|SESAM202:SyncConstant("Salesforce", "Product2", "Familly", "None")|}]""", ProductSource.SyncsWith + """[SyncConstant("Salesforce", "Product2", "Family", "None")]""")]
    public Task A_misspelt_type_or_constant_field_on_the_class_becomes_the_suggestion(string before, string after) =>
        GeneratorCodeFixTest<DidYouMeanCodeFixProvider>.VerifyAsync(ProductSource.Of(attributes: before), ProductSource.Of(attributes: after));

    [Theory]
    [InlineData("""[{|SESAM202:Field("Salesforce", "ProdutCode")|}, MaxLength(40)] public string Sku { get; set; } = "";""", """[Field("Salesforce", "ProductCode"), MaxLength(40)] public string Sku { get; set; } = "";""")]
    [InlineData("""[MaxLength(40)] public string {|SESAM202:ProductKode|} { get; set; } = "";""", """[MaxLength(40), Field("Salesforce", "ProductCode")] public string ProductKode { get; set; } = "";""")]
    [InlineData("""[{|SESAM102:Field("Salesfroce", "ProductCode")|}, MaxLength(40)] public string Sku { get; set; } = "";""", """[Field("Salesforce", "ProductCode"), MaxLength(40)] public string Sku { get; set; } = "";""")]
    [InlineData("""[{|SESAM102:SyncIgnore("Salesforce", Type = "Prodct2")|}] public string Notes { get; set; } = "";""", """[SyncIgnore("Salesforce", Type = "Product2")] public string Notes { get; set; } = "";""")]
    public Task A_misspelt_system_type_or_field_on_a_property_becomes_the_suggestion(string before, string after) =>
        GeneratorCodeFixTest<DidYouMeanCodeFixProvider>.VerifyAsync(ProductSource.Of(member: before), ProductSource.Of(member: after));

    [Fact]
    public Task SESAM212_a_misspelt_system_of_SyncsWith_becomes_the_system_with_a_catalog() =>
        GeneratorCodeFixTest<DidYouMeanCodeFixProvider>.VerifyAsync(
            ProductSource.Of(attributes: """[{|#0:SyncsWith("Salesfroce", "Product2")|}]"""),
            ProductSource.Of(),
            DiagnosticResult.CompilerWarning("SESAM212").WithLocation(0));

    [Fact]
    public Task No_fix_when_nothing_is_close_enough_to_suggest()
    {
        var source = ProductSource.Of(attributes: """[{|SESAM201:SyncsWith("Salesforce", "Warehouse")|}]""");
        return GeneratorCodeFixTest<DidYouMeanCodeFixProvider>.VerifyAsync(source, source);
    }
}
