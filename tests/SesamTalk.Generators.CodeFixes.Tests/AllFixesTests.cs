namespace SesamTalk.Generators.CodeFixes.Tests;

public class AllFixesTests
{
    /// <summary>
    /// An entity with one error of each kind the fixes know: once SESAM001 is fixed the catalog checks run and find
    /// the misspelt field and the missing limits, whose fixes are applied in turn until nothing is left.
    /// </summary>
    [Fact]
    public async Task Applying_every_fix_in_turn_leaves_an_entity_that_builds_with_no_SESAM_diagnostic()
    {
        var test = new GeneratorCodeFixTest<AddPartialCodeFixProvider>
        {
            TestCode = ProductSource.Of(
                usings: "",
                declaration: "public class {|SESAM001:Product|}",
                name: """public string Name { get; set; } = "";""",
                member: """[Field("Salesforce", "ProdutCode")] public string Sku { get; set; } = "";"""),
            FixedCode = ProductSource.Of(
                name: "[MaxLength(255)]\n    public string Name { get; set; } = \"\";",
                member: """[Field("Salesforce", "ProductCode"), MaxLength(255)] public string Sku { get; set; } = "";"""),
            // SESAM001, then SESAM202 and SESAM205 on Name, then SESAM205 on Sku once it names a real field; fix-all
            // fixes one equivalence key (one fix) at a time.
            NumberOfIncrementalIterations = 4,
            NumberOfFixAllIterations = -4,
        };
        test.Fixes.Add(new DidYouMeanCodeFixProvider());
        test.Fixes.Add(new AddMaxLengthCodeFixProvider());
        await test.RunAsync();
    }
}
