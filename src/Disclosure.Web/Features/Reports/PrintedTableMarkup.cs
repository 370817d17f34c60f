using System.Globalization;
using System.Text;
using Disclosure.Domain.Reports.Layouts;
using Disclosure.Web.Infrastructure;
using Microsoft.AspNetCore.Html;

namespace Disclosure.Web.Features.Reports;

/// <summary>
/// The HTML of a <see cref="PrintedTable"/>'s frame, shared by the public page and the entry form: the column
/// widths, the header and label cells with their spans and scopes, and the row classes. The data cells are each
/// view's own (figures on the page, inputs and computed outputs on the form).
/// </summary>
public static class PrintedTableMarkup
{
    /// <summary>The id prefix of a table's cells on the public page: <c>t3-</c>.</summary>
    public static string Prefix(ReportTableId table) => string.Create(CultureInfo.InvariantCulture, $"t{(int)table}-");

    /// <summary>One section: header rows in &lt;thead&gt; and body rows in &lt;tbody&gt;; several (table 二): each a &lt;tbody&gt;.</summary>
    public static bool HasHead(PrintedTable table) => table.Sections.Count == 1;

    public static IHtmlContent Colgroup(PrintedTable table)
    {
        var html = new StringBuilder("<colgroup>");
        var label = 0;
        foreach (var column in table.Columns)
        {
            html.Append(column.Role == PrintedColumnRole.Label
                ? string.Create(CultureInfo.InvariantCulture, $"<col class=\"label l{++label}\">")
                : "<col class=\"data\">");
        }

        return new HtmlString(html.Append("</colgroup>").ToString());
    }

    /// <summary>The &lt;tr&gt; class: a block heading row and the header row under it are styled apart in table 二.</summary>
    public static string? RowClass(PrintedTable table, PrintedRow row) => row.Role switch
    {
        PrintedRowRole.Header when HasHead(table) => null,
        PrintedRowRole.Header => row.Cells.Any(c => c is HeadingCell { Role: HeadingRole.Block }) ? "block-row" : "header-row",
        _ => null,
    };

    /// <summary>A heading or note cell; <paramref name="idPrefix"/> gives it an id a data cell's <c>headers</c> can name.</summary>
    public static IHtmlContent Frame(PrintedCell cell, string? idPrefix)
    {
        var encoder = PageEncoding.Html;
        var spans = Spans(cell);
        switch (cell)
        {
            case NoteCell note:
                return new HtmlString($"<td{spans} class=\"balance-note\">{encoder.Encode(note.Text)}</td>");
            case HeadingCell heading:
                var id = idPrefix is null ? "" : $" id=\"{encoder.Encode(idPrefix + heading.Key)}\"";
                var scope = heading.Role switch
                {
                    HeadingRole.Column => "col",
                    HeadingRole.ColumnGroup or HeadingRole.Block => "colgroup",
                    HeadingRole.Group or HeadingRole.Subgroup => "rowgroup",
                    _ => "row",
                };
                var css = heading.Role switch
                {
                    HeadingRole.Row => " class=\"row-label\"",
                    HeadingRole.Item => " class=\"row-label item\"",
                    HeadingRole.Group => " class=\"results-group\"",
                    HeadingRole.Subgroup => " class=\"subgroup\"",
                    _ => "",
                };
                var text = heading.Role == HeadingRole.Group ? $"<span>{encoder.Encode(heading.Text)}</span>" : encoder.Encode(heading.Text);
                return new HtmlString($"<th{spans} scope=\"{scope}\"{id}{css}>{text}</th>");
            default:
                throw new ArgumentException("Data cells are drawn by the view.", nameof(cell));
        }
    }

    public static string Spans(PrintedCell cell) =>
        (cell.RowSpan > 1 ? string.Create(CultureInfo.InvariantCulture, $" rowspan=\"{cell.RowSpan}\"") : "")
        + (cell.ColSpan > 1 ? string.Create(CultureInfo.InvariantCulture, $" colspan=\"{cell.ColSpan}\"") : "");

    /// <summary>The <c>headers</c> attribute of a data cell on the public page.</summary>
    public static string Headers(DataCell cell, string idPrefix) => string.Join(' ', cell.Headings.Select(h => idPrefix + h));
}
