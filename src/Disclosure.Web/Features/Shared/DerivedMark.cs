using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Disclosure.Web.Features.Shared;

/// <summary>
/// The note beside a figure an aggregate derived from its parts (ADR 0016, "按分项推算"): a link to the finding that
/// says what the report printed, with the reason as its title.
/// </summary>
public static class DerivedMark
{
    public static IHtmlContent Html(string? mark, string? href, string? title)
    {
        if (mark is null)
        {
            return HtmlString.Empty;
        }

        var tag = new TagBuilder(href is null ? "span" : "a");
        tag.AddCssClass("derived-mark");
        if (href is not null)
        {
            tag.Attributes["href"] = href;
        }

        if (title is not null)
        {
            tag.Attributes["title"] = title;
        }

        tag.InnerHtml.Append(mark);
        return tag;
    }
}
