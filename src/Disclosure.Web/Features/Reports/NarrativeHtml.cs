using System.Text;
using Disclosure.Domain.Reports;
using Disclosure.Web.Infrastructure;
using Microsoft.AspNetCore.Html;

namespace Disclosure.Web.Features.Reports;

/// <summary>
/// Renders narrative text safely: paragraphs separated by a blank line, single line breaks kept, <c>**bold**</c> as
/// &lt;strong&gt;. Everything else is HTML-encoded; raw HTML in a report is shown as text, never interpreted.
/// </summary>
public static class NarrativeHtml
{
    public static bool IsEmpty(string? text) => NarrativeText.Blocks(text).Count == 0;

    /// <summary>The blocks of a section; sub-headings as &lt;h3&gt; (or &lt;h4&gt; inside 一、总体情况's parts).</summary>
    public static IHtmlContent Render(string? text, string subHeadingTag = "h3")
    {
        var html = new StringBuilder();
        foreach (var block in NarrativeText.Blocks(text))
        {
            if (block.IsSubHeading)
            {
                html.Append('<').Append(subHeadingTag).Append('>');
                AppendInline(html, block.Lines[0]);
                html.Append("</").Append(subHeadingTag).Append(">\n");
                continue;
            }

            html.Append("<p class=\"para\">");
            AppendInline(html, string.Join('\n', block.Lines));
            html.Append("</p>\n");
        }

        return new HtmlString(html.ToString());
    }

    public static IHtmlContent Inline(string text)
    {
        var html = new StringBuilder();
        AppendInline(html, text);
        return new HtmlString(html.ToString());
    }

    private static void AppendInline(StringBuilder html, string paragraph)
    {
        var lines = paragraph.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                html.Append("<br>");
            }

            var parts = lines[i].Split("**");

            // An odd number of parts means the markers pair up; otherwise the stray ** is printed as text.
            var paired = parts.Length % 2 == 1;
            for (var j = 0; j < parts.Length; j++)
            {
                var encoded = PageEncoding.Html.Encode(parts[j]);
                if (!paired)
                {
                    html.Append(j > 0 ? "**" : "").Append(encoded);
                }
                else if (j % 2 == 1)
                {
                    html.Append("<strong>").Append(encoded).Append("</strong>");
                }
                else
                {
                    html.Append(encoded);
                }
            }
        }
    }
}
