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

    /// <summary>
    /// A heading or note cell; <paramref name="idPrefix"/> gives it an id a data cell's <c>headers</c> can name;
    /// <paramref name="pin"/> adds the classes that keep a label cell in view while the figures scroll (<see cref="Pins"/>).
    /// </summary>
    public static IHtmlContent Frame(PrintedCell cell, string? idPrefix, string? pin = null)
    {
        var encoder = PageEncoding.Html;
        var spans = Spans(cell);
        switch (cell)
        {
            case NoteCell note:
                return new HtmlString($"<td{spans} class=\"{Join("balance-note", pin)}\">{encoder.Encode(note.Text)}</td>");
            case HeadingCell heading:
                var id = idPrefix is null ? "" : $" id=\"{encoder.Encode(idPrefix + heading.Key)}\"";
                var scope = heading.Role switch
                {
                    HeadingRole.Column => "col",
                    HeadingRole.ColumnGroup or HeadingRole.Block => "colgroup",
                    HeadingRole.Group or HeadingRole.Subgroup => "rowgroup",
                    _ => "row",
                };
                var role = heading.Role switch
                {
                    HeadingRole.Row => "row-label",
                    HeadingRole.Item => "row-label item",
                    HeadingRole.Group => "results-group",
                    HeadingRole.Subgroup => "subgroup",
                    _ => null,
                };
                var classes = Join(role, pin);
                var css = classes is null ? "" : $" class=\"{classes}\"";
                var text = heading.Role switch
                {
                    HeadingRole.Group => $"<span>{encoder.Encode(heading.Text)}</span>",
                    HeadingRole.ColumnGroup or HeadingRole.Block => $"<span class=\"group-label\">{ColumnHeadingText(heading.Text)}</span>",
                    HeadingRole.Column => ColumnHeadingText(heading.Text),
                    _ => encoder.Encode(heading.Text),
                };
                return new HtmlString($"<th{spans} scope=\"{scope}\"{id}{css}>{text}</th>");
            default:
                throw new ArgumentException("Data cells are drawn by the view.", nameof(cell));
        }
    }

    /// <summary>
    /// The label cells of a table whose first columns are labels (table 三): each gets <c>pin pin-N</c>, N the label
    /// column it starts in, and the one that ends at the last label column also <c>pin-edge</c>. The style sheet keeps
    /// them in view (sticky) while the figures scroll sideways in a narrow window.
    /// </summary>
    public static IReadOnlyDictionary<PrintedCell, string> Pins(PrintedTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var labels = table.Columns.TakeWhile(c => c.Role == PrintedColumnRole.Label).Count();
        var pins = new Dictionary<PrintedCell, string>(ReferenceEqualityComparer.Instance);
        if (labels == 0)
        {
            return pins;
        }

        foreach (var placed in PrintedGrid.Place(table).Where(p => p.Cell is not DataCell && p.Column < labels))
        {
            var edge = placed.Column + placed.Cell.ColSpan >= labels ? " pin-edge" : "";
            pins[placed.Cell] = string.Create(CultureInfo.InvariantCulture, $"pin pin-{placed.Column + 1}{edge}");
        }

        return pins;
    }

    /// <summary>
    /// A column heading that breaks where the printed table breaks it: between pairs of characters (结果/维持,
    /// 社会公益/组织, 申请人/情况), never leaving one character alone (结果维/持, 自然/人). The style sheet forbids other
    /// breaks inside headings (<c>word-break: keep-all</c>); a heading that is not all Chinese characters is left as it is.
    /// </summary>
    public static string ColumnHeadingText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var encoded = PageEncoding.Html.Encode(text);
        if (text.Length < 4 || !text.All(c => c is >= '\u4e00' and <= '\u9fff'))
        {
            return encoded;
        }

        var html = new StringBuilder();
        var first = text.Length % 2 == 1 ? 3 : 2;
        html.Append(text, 0, first);
        for (var i = first; i < text.Length; i += 2)
        {
            html.Append("<wbr>").Append(text, i, 2);
        }

        return html.ToString();
    }

    private static string? Join(string? a, string? b) => a is null ? b : b is null ? a : a + " " + b;

    public static string Spans(PrintedCell cell) =>
        (cell.RowSpan > 1 ? string.Create(CultureInfo.InvariantCulture, $" rowspan=\"{cell.RowSpan}\"") : "")
        + (cell.ColSpan > 1 ? string.Create(CultureInfo.InvariantCulture, $" colspan=\"{cell.ColSpan}\"") : "");

    /// <summary>The <c>headers</c> attribute of a data cell on the public page.</summary>
    public static string Headers(DataCell cell, string idPrefix) => string.Join(' ', cell.Headings.Select(h => idPrefix + h));
}
