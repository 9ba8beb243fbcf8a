using System.Reflection;
using Microsoft.CodeAnalysis;
using SesamTalk.Generators.Diagnostics;
using SesamTalk.Generators.Tests.Infrastructure;

namespace SesamTalk.Generators.Tests;

/// <summary>Every diagnostic is documented, release-tracked and tested.</summary>
public class DiagnosticCatalogTests
{
    public static TheoryData<string> Ids() => new(Descriptors().Select(d => d.Id));

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_diagnostic_has_a_docs_page_with_the_wrong_code_and_the_fix(string id)
    {
        var page = Path.Combine(RepositoryPaths.Root, "docs", "diagnostics", id + ".md");

        Assert.True(File.Exists(page), $"{page} is missing");
        var text = File.ReadAllText(page);
        Assert.StartsWith("# " + id, text, StringComparison.Ordinal);
        Assert.Contains("```", text, StringComparison.Ordinal);
        Assert.Contains("fix", text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_diagnostic_is_in_the_release_tracking_file_and_has_a_test(string id)
    {
        var descriptor = Descriptors().Single(d => d.Id == id);
        var releases = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "SesamTalk.Generators", "AnalyzerReleases.Unshipped.md"));
        var tests = File.ReadAllText(RepositoryPaths.InTests("DiagnosticTests.cs")) + File.ReadAllText(RepositoryPaths.InTests("CatalogDiagnosticTests.cs"));

        Assert.Contains($"{id} | SesamTalk | {descriptor.DefaultSeverity} |", releases, StringComparison.Ordinal);
        Assert.Contains($"public void {id}_", tests, StringComparison.Ordinal);
        Assert.Equal(DiagnosticDescriptors.HelpBase + id + ".md", descriptor.HelpLinkUri);
        Assert.True(Uri.TryCreate(descriptor.HelpLinkUri, UriKind.Absolute, out var link) && link.Scheme == Uri.UriSchemeHttps, descriptor.HelpLinkUri);
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Help_links_point_into_the_repository_the_packages_name()
    {
        var props = System.Xml.Linq.XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Build.props"));
        var repository = props.Descendants("RepositoryUrl").Single().Value;

        Assert.Equal(DiagnosticDescriptors.HelpBase, repository + "/blob/main/docs/diagnostics/");
    }

    private static IEnumerable<DiagnosticDescriptor> Descriptors() =>
        typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
            .OrderBy(d => d.Id, StringComparer.Ordinal);
}
