using System.Globalization;
using System.Text;
using Disclosure.Web.Infrastructure;
using Microsoft.AspNetCore.Html;

namespace Disclosure.Web.Features.Trends;

/// <summary>
/// A bar chart drawn on the server as inline SVG: no script, a &lt;title&gt; and a &lt;desc&gt; that say what it
/// shows (the same figures are in the table beside it), labels in text a screen reader can skip.
/// </summary>
public static class SvgChart
{
    private const int Width = 420;
    private const int Height = 200;
    private const int Left = 8;
    private const int Top = 18;
    private const int Bottom = 28;

    public static IHtmlContent Bars(string id, string title, string unit, IReadOnlyList<(string Label, decimal? Value)> points)
    {
        var encoder = PageEncoding.Html;
        var max = points.Select(p => p.Value ?? 0).DefaultIfEmpty(0).Max();
        var scale = max <= 0 ? 0 : (Height - Top - Bottom) / max;
        var slot = points.Count == 0 ? Width : (Width - (2 * Left)) / (decimal)points.Count;
        var barWidth = Math.Min(48m, slot * 0.6m);
        string F(decimal d) => d.ToString("0.#", CultureInfo.InvariantCulture);
        string V(decimal? d) => d is null ? "空白" : F(d.Value) + unit;

        var desc = $"{title}：" + string.Join("；", points.Select(p => $"{p.Label} {V(p.Value)}")) + "。";
        var svg = new StringBuilder()
            .Append($"<svg class=\"chart\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" xmlns=\"http://www.w3.org/2000/svg\">")
            .Append($"<title id=\"{id}-title\">{encoder.Encode(title)}</title>")
            .Append($"<desc id=\"{id}-desc\">{encoder.Encode(desc)}</desc>")
            .Append($"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Left}\" y2=\"{Height - Bottom}\" class=\"chart__axis\"/>");
        for (var i = 0; i < points.Count; i++)
        {
            var (label, value) = points[i];
            var x = Left + (slot * i) + ((slot - barWidth) / 2);
            var h = (value ?? 0) * scale;
            var y = Height - Bottom - h;
            var cx = x + (barWidth / 2);
            svg.Append($"<rect class=\"chart__bar\" x=\"{F(x)}\" y=\"{F(y)}\" width=\"{F(barWidth)}\" height=\"{F(h)}\"/>")
                .Append($"<text class=\"chart__value\" x=\"{F(cx)}\" y=\"{F(y - 4)}\" text-anchor=\"middle\" aria-hidden=\"true\">{encoder.Encode(V(value))}</text>")
                .Append($"<text class=\"chart__label\" x=\"{F(cx)}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\" aria-hidden=\"true\">{encoder.Encode(label)}</text>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }
}
