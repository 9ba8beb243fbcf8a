using System.Globalization;

namespace SesamTalk.Dashboard;

/// <summary>
/// A line chart of one figure over a flow's cycles as inline SVG: the cycles placed by when they ended, oldest left,
/// one dot per cycle with its value and time as a tooltip, the scale from 0 to the largest value. No script.
/// </summary>
internal static class CycleChart
{
    private const double Width = 440;
    private const double Height = 150;
    private const double Left = 44;
    private const double Right = 12;
    private const double Top = 10;
    private const double Bottom = 22;

    /// <summary>The chart <paramref name="id"/> of <paramref name="points"/> (oldest first).</summary>
    public static RawHtml Draw(string id, string title, string colour, IReadOnlyList<(DateTimeOffset At, int Value)> points)
    {
        var html = new HtmlWriter().Add($"<figure class=\"chart\"><figcaption>{title}</figcaption>")
            .Add($"<svg id=\"{id}\" width=\"{Number(Width)}\" height=\"{Number(Height)}\" viewBox=\"0 0 {Number(Width)} {Number(Height)}\" role=\"img\" aria-label=\"{title}\">")
            .Add($"<line x1=\"{Number(Left)}\" y1=\"{Number(Height - Bottom)}\" x2=\"{Number(Width - Right)}\" y2=\"{Number(Height - Bottom)}\" stroke=\"#9aa5b1\"/>")
            .Add($"<line x1=\"{Number(Left)}\" y1=\"{Number(Top)}\" x2=\"{Number(Left)}\" y2=\"{Number(Height - Bottom)}\" stroke=\"#9aa5b1\"/>");
        if (points.Count == 0)
        {
            return html.Add($"<text x=\"{Number(Width / 2)}\" y=\"{Number(Height / 2)}\" text-anchor=\"middle\" fill=\"#6b7785\">no cycles recorded</text></svg></figure>").ToRaw();
        }

        var max = Math.Max(1, points.Max(point => point.Value));
        var first = points[0].At;
        var span = (points[^1].At - first).TotalSeconds;
        double X(DateTimeOffset at) => span <= 0 ? (Left + Width - Right) / 2 : Left + ((Width - Left - Right) * (at - first).TotalSeconds / span);
        double Y(int value) => Top + ((Height - Top - Bottom) * (1 - ((double)value / max)));

        html.Add($"<text x=\"{Number(Left - 4)}\" y=\"{Number(Top + 4)}\" text-anchor=\"end\" font-size=\"11\">{max}</text>")
            .Add($"<text x=\"{Number(Left - 4)}\" y=\"{Number(Height - Bottom)}\" text-anchor=\"end\" font-size=\"11\">0</text>")
            .Add($"<text x=\"{Number(Left)}\" y=\"{Number(Height - 6)}\" font-size=\"11\">{Time(first)}</text>")
            .Add($"<text x=\"{Number(Width - Right)}\" y=\"{Number(Height - 6)}\" text-anchor=\"end\" font-size=\"11\">{Time(points[^1].At)}</text>")
            .Add($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{string.Join(' ', points.Select(point => Number(X(point.At)) + "," + Number(Y(point.Value))))}\"/>");
        foreach (var (at, value) in points)
        {
            html.Add($"<circle cx=\"{Number(X(at))}\" cy=\"{Number(Y(value))}\" r=\"3\" fill=\"{colour}\" data-value=\"{value}\"><title>{value} at {Time(at)}</title></circle>");
        }

        return html.Add($"</svg></figure>").ToRaw();
    }

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset at) => at.ToString("u", CultureInfo.InvariantCulture);
}
