using System.Globalization;
using System.Text;

namespace SesamTalk.Documentation;

/// <summary>
/// A data-flow QA document in reStructuredText, in the structure of Sesam Talk's dataflow documents: a title, the
/// Generated line, an Introduction, and per flow a section with its sentences and a list-table of the synchronized
/// properties (source property, target property, target data type), filled from the generated mappers.
/// </summary>
public sealed class DataflowDocument
{
    private const string Confidentiality =
        "It serves as a QA checklist for testing purposes and is the intellectual property of Sesam.io AS. The content contains confidential information regulated under an NDA agreement, and sharing or distributing it without written permission is prohibited.";

    /// <summary>Creates a document for the flows between the host and one remote system.</summary>
    /// <param name="hostSystem">The host system as the document names it, e.g. <c>Customwebshop</c>.</param>
    /// <param name="remoteSystem">The remote system as the document names it, e.g. <c>Salesforce</c>.</param>
    /// <param name="hostIsSource">Whether records flow from the host to the remote system (the document's direction).</param>
    /// <param name="sections">The flows, in the order the document lists them.</param>
    public DataflowDocument(string hostSystem, string remoteSystem, bool hostIsSource, IReadOnlyList<DataflowSection> sections)
    {
        HostSystem = hostSystem ?? throw new ArgumentNullException(nameof(hostSystem));
        RemoteSystem = remoteSystem ?? throw new ArgumentNullException(nameof(remoteSystem));
        HostIsSource = hostIsSource;
        Sections = sections ?? throw new ArgumentNullException(nameof(sections));
    }

    /// <summary>The host system as the document names it.</summary>
    public string HostSystem { get; }

    /// <summary>The remote system as the document names it.</summary>
    public string RemoteSystem { get; }

    /// <summary>Whether records flow from the host to the remote system.</summary>
    public bool HostIsSource { get; }

    /// <summary>The flows, in order.</summary>
    public IReadOnlyList<DataflowSection> Sections { get; }

    /// <summary>The source system's name.</summary>
    public string Source => HostIsSource ? HostSystem : RemoteSystem;

    /// <summary>The target system's name.</summary>
    public string Target => HostIsSource ? RemoteSystem : HostSystem;

    /// <summary>The title, e.g. <c>Customwebshop to Salesforce Dataflow</c>.</summary>
    public string Title => Source + " to " + Target + " Dataflow";

    /// <summary>The section titles, e.g. <c>Customwebshop Product to Salesforce Product2</c>.</summary>
    public IEnumerable<string> SectionTitles => Sections.Select(section => SourceType(section) + " to " + TargetType(section));

    /// <summary>Renders the document with LF line endings.</summary>
    /// <param name="generated">The time on the Generated line (written as <c>yyyy-MM-dd HH:mm:ss</c>).</param>
    public string Render(DateTimeOffset generated)
    {
        var text = new StringBuilder();
        var rule = new string('=', Title.Length);
        text.Append(rule).Append('\n').Append(Title).Append('\n').Append(rule).Append("\n\n");
        text.Append("Generated: ").Append(generated.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).Append("\n\n");
        text.Append("Introduction\n------------\n\n");
        text.Append("This technical document provides a detailed overview of the Sesam Talk data flow from ")
            .Append(Source).Append(" to ").Append(Target).Append(". ").Append(Confidentiality).Append("\n\n");
        for (var i = 0; i < Sections.Count; i++)
        {
            if (i > 0)
            {
                text.Append("\n\n");
            }

            WriteSection(text, Sections[i]);
        }

        return text.Append('\n').ToString();
    }

    private void WriteSection(StringBuilder text, DataflowSection section)
    {
        var source = SourceType(section);
        var target = TargetType(section);
        var title = source + " to " + target;
        text.Append(title).Append('\n').Append('-', title.Length).Append('\n');
        text.Append("Every ").Append(source).Append(" will be synchronized with a ").Append(target).Append(".\n\n");
        text.Append("Once a link between a ").Append(source).Append(" and a ").Append(target)
            .Append(" is established, it will keep in sync between the two systems, regardless of where it is edited.\n\n");
        text.Append("The following properties are synchronized between a ").Append(source).Append(" and a ").Append(target).Append(":\n\n");
        text.Append(".. list-table::\n   :header-rows: 1\n\n");
        WriteRow(text, source + " Property", target + " Property", Target + " Data Type");
        WriteFields(text, section.Mapper, section.HostPropertyPrefix, string.Empty);
    }

    /// <summary>The field rows; child records (order lines) follow as <c>Lines.Quantity</c> rows.</summary>
    private void WriteFields(StringBuilder text, IEntityMapper mapper, string propertyPrefix, string fieldPrefix)
    {
        foreach (var field in mapper.Fields)
        {
            if (HostIsSource)
            {
                WriteRow(text, propertyPrefix + field.Property, fieldPrefix + field.Field, field.RemoteType ?? field.Kind.ToString().ToLowerInvariant());
            }
            else
            {
                WriteRow(text, fieldPrefix + field.Field, propertyPrefix + field.Property, field.PropertyType);
            }
        }

        foreach (var child in mapper.Children)
        {
            WriteFields(text, child.Mapper, propertyPrefix + child.Property + ".", fieldPrefix + child.Field + ".");
        }
    }

    private string SourceType(DataflowSection section) =>
        HostIsSource ? HostSystem + " " + section.HostTypeName : RemoteSystem + " " + section.RemoteTypeName;

    private string TargetType(DataflowSection section) =>
        HostIsSource ? RemoteSystem + " " + section.RemoteTypeName : HostSystem + " " + section.HostTypeName;

    private static void WriteRow(StringBuilder text, string first, string second, string third) =>
        text.Append("   * - ").Append(first).Append("\n     - ").Append(second).Append("\n     - ").Append(third).Append('\n');
}
