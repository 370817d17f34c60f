using Microsoft.AspNetCore.Html;

namespace Disclosure.Web.Features.Shared;

/// <summary>
/// The line above a wide table that tells a phone reader it scrolls sideways. The style sheet shows it only in a window
/// narrower than the table's narrowest layout (<c>.scroll-hint</c>, site.css), so it never claims a scroll that is not
/// there; the scroll box's edge shadow is the cue at other widths. Hidden from screen readers, which read the table whole.
/// </summary>
public static class ScrollHint
{
    public static IHtmlContent Html(bool pinnedLabels = true) => new HtmlString(pinnedLabels
        ? "<p class=\"scroll-hint\" aria-hidden=\"true\">表格较宽：左右滑动查看各列，行名称固定在左侧。</p>"
        : "<p class=\"scroll-hint\" aria-hidden=\"true\">表格较宽：左右滑动查看各列。</p>");
}
