using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SesamTalk.Generators.Tests.Infrastructure;

/// <summary>An MSBuild AdditionalFiles item, as the compiler hands it to the generator.</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
}
