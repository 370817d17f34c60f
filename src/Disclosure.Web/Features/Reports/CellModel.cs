using Disclosure.Domain.Reports.Layouts;
using Disclosure.Web.Infrastructure;
using Microsoft.AspNetCore.Html;

namespace Disclosure.Web.Features.Reports;

/// <summary>One statistical table of a report page: <c>_Table.cshtml</c>'s model.</summary>
public sealed record TableView(ReportViewModel Report, ReportTableId Table);

/// <summary>One data cell of a report table as the page prints it, with the header ids a screen reader announces.</summary>
public sealed record CellModel(string Text, string Headers, bool HasFinding, int ColSpan = 1, string? FindingsId = null)
{
    /// <summary>The &lt;td&gt;, written directly: a report page has about 200 of them.</summary>
    public IHtmlContent ToHtml()
    {
        var encoder = PageEncoding.Html;
        var span = ColSpan > 1 ? $" colspan=\"{ColSpan}\"" : "";
        var finding = HasFinding ? $" class=\"num has-finding\" aria-describedby=\"{FindingsId}\"" : " class=\"num\"";
        return new HtmlString($"<td headers=\"{encoder.Encode(Headers)}\"{finding}{span}>{encoder.Encode(Text)}</td>");
    }
}
