using System.Text.Encodings.Web;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using Microsoft.AspNetCore.Html;

namespace Disclosure.Web.Features.Reports;

/// <summary>One data cell of a report table as the page prints it, with the header ids a screen reader announces.</summary>
public sealed record CellModel(string Text, string Headers, bool HasFinding, int ColSpan = 1)
{
    public static CellModel For(ReportViewModel model, ReportTable table, RowDefinition row, ColumnDefinition column, string headers, int colSpan = 1) =>
        new(table[row.Key, column.Key].Format(column.Kind), headers, model.HasFinding(table.Id, row.Key, column.Key), colSpan);

    /// <summary>The &lt;td&gt;, written directly: a report page has about 200 of them.</summary>
    public IHtmlContent ToHtml()
    {
        var encoder = HtmlEncoder.Default;
        var span = ColSpan > 1 ? $" colspan=\"{ColSpan}\"" : "";
        var css = HasFinding ? "num has-finding" : "num";
        var note = HasFinding ? "<span class=\"visually-hidden\">（见数据核对提示）</span>" : "";
        return new HtmlString($"<td headers=\"{encoder.Encode(Headers)}\" class=\"{css}\"{span}>{encoder.Encode(Text)}{note}</td>");
    }
}
