using System.Text;
using Disclosure.Web.Infrastructure;
using Microsoft.AspNetCore.Html;

namespace Disclosure.Web.Features.Shared;

/// <summary>
/// The trail above every public page but the home page, drawn the same way everywhere: 首页 › … › this page (not a
/// link, <c>aria-current="page"</c>), in a <c>nav</c> named 当前位置.
/// </summary>
public static class Breadcrumb
{
    /// <param name="trail">The pages between the home page and this one (label, address), then this page (label, null).</param>
    public static IHtmlContent Html(params (string Label, string? Href)[] trail)
    {
        ArgumentNullException.ThrowIfNull(trail);
        var encoder = PageEncoding.Html;
        var html = new StringBuilder("<nav class=\"breadcrumb\" aria-label=\"当前位置\"><ol><li><a href=\"/\">首页</a></li>");
        foreach (var (label, href) in trail)
        {
            html.Append(href is null
                ? $"<li aria-current=\"page\">{encoder.Encode(label)}</li>"
                : $"<li><a href=\"{encoder.Encode(href)}\">{encoder.Encode(label)}</a></li>");
        }

        return new HtmlString(html.Append("</ol></nav>").ToString());
    }
}
