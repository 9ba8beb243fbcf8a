namespace SesamTalk.Generators.CodeFixes.Tests;

public class AddMaxLengthCodeFixTests
{
    private static readonly DiagnosticResult TooLong = DiagnosticResult.CompilerWarning("SESAM205").WithLocation(0);

    [Fact]
    public Task SESAM205_adds_MaxLength_with_the_fields_length_and_its_using() =>
        GeneratorCodeFixTest<AddMaxLengthCodeFixProvider>.VerifyAsync(
            ProductSource.Of(usings: "", name: """public string {|#0:Name|} { get; set; } = "";"""),
            ProductSource.Of(name: "[MaxLength(255)]\n    public string Name { get; set; } = \"\";"),
            TooLong);

    [Fact]
    public Task SESAM205_lowers_a_MaxLength_longer_than_the_field() =>
        GeneratorCodeFixTest<AddMaxLengthCodeFixProvider>.VerifyAsync(
            ProductSource.Of(member: """[{|#0:Field("Salesforce", "StockKeepingUnit")|}, MaxLength(200)] public string Sku { get; set; } = "";"""),
            ProductSource.Of(member: """[Field("Salesforce", "StockKeepingUnit"), MaxLength(180)] public string Sku { get; set; } = "";"""),
            TooLong);

    [Fact]
    public Task SESAM205_lowers_a_StringLength_longer_than_the_field_and_keeps_its_other_arguments() =>
        GeneratorCodeFixTest<AddMaxLengthCodeFixProvider>.VerifyAsync(
            ProductSource.Of(name: """[StringLength(1000, MinimumLength = 1)] public string {|#0:Name|} { get; set; } = "";"""),
            ProductSource.Of(name: """[StringLength(255, MinimumLength = 1)] public string Name { get; set; } = "";"""),
            TooLong);
}
