namespace SesamTalk.Dashboard.Tests;

/// <summary>Every value a page writes is HTML-encoded; only the page's own markup is not.</summary>
public sealed class HtmlWriterTests
{
    [Fact]
    public void Values_are_encoded_and_literals_are_markup()
    {
        var value = "<script>alert('x')</script> & \"quoted\"";

        var html = new HtmlWriter().Add($"<td title=\"{value}\">{value}</td>").ToString();

        Assert.Equal("<td title=\"&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;quoted&quot;\">&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;quoted&quot;</td>", html);
    }

    [Fact]
    public void Markup_the_dashboard_built_goes_in_as_it_is()
    {
        var inner = new HtmlWriter().Add($"<b>{"a<b"}</b>").ToRaw();

        Assert.Equal("<p><b>a&lt;b</b></p>", new HtmlWriter().Add($"<p>{inner}</p>").ToString());
    }
}
