using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;

namespace SesamTalk.Dashboard;

/// <summary>
/// Builds a page from interpolated strings in which every value is HTML-encoded, so nothing a record, an error or a
/// request holds can become markup; only <see cref="RawHtml"/> (markup this assembly built) goes in as it is.
/// </summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder _html = new();

    /// <summary>Appends the literal markup with every value encoded.</summary>
    public HtmlWriter Add([InterpolatedStringHandlerArgument("")] ref Handler handler)
    {
        _ = handler;
        return this;
    }

    /// <summary>The markup written so far, to embed in another writer.</summary>
    public RawHtml ToRaw() => new(_html.ToString());

    public override string ToString() => _html.ToString();

    /// <summary>The handler behind <see cref="Add"/>: literals are markup, holes are text.</summary>
    [InterpolatedStringHandler]
    public readonly ref struct Handler
    {
        private readonly StringBuilder _html;

        public Handler(int literalLength, int formattedCount, HtmlWriter writer)
        {
            _ = literalLength;
            _ = formattedCount;
            _html = writer._html;
        }

        public void AppendLiteral(string literal) => _html.Append(literal);

        public void AppendFormatted(RawHtml raw) => _html.Append(raw.Value);

        public void AppendFormatted<T>(T value) => _html.Append(HtmlEncoder.Default.Encode(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));
    }
}

/// <summary>Markup this assembly built, inserted into a page without encoding.</summary>
/// <param name="Value">The markup.</param>
internal readonly record struct RawHtml(string Value);
