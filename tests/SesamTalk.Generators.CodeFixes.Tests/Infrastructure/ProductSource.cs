namespace SesamTalk.Generators.CodeFixes.Tests.Infrastructure;

/// <summary>
/// The entity the tests fix: a webshop product synced with Salesforce Product2, with an id and a name, and whatever
/// part a test is about put in its place. Its defaults give no diagnostic.
/// </summary>
internal static class ProductSource
{
    public const string SyncsWith = """[SyncsWith("Salesforce", "Product2")]""";
    public const string Declaration = "public partial class Product";
    public const string LimitedName = """[MaxLength(80)] public string Name { get; set; } = "";""";
    public const string DataAnnotations = "using System.ComponentModel.DataAnnotations;\n";

    public static string Of(string attributes = SyncsWith, string declaration = Declaration, string name = LimitedName, string member = "", string usings = DataAnnotations) => $$"""
        using System;
        {{usings}}using SesamTalk;

        namespace Webshop.Catalog;

        {{attributes}}
        {{declaration}}
        {
            [SyncId] public Guid Id { get; set; }
            {{name}}
            {{member}}
        }
        """;
}
