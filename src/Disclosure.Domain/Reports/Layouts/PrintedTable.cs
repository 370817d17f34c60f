namespace Disclosure.Domain.Reports.Layouts;

/// <summary>The address of one data cell within its table: row key and column key.</summary>
public readonly record struct CellRef(string Row, string Column)
{
    /// <summary>"row.column", the form the entry form and the canonical text use.</summary>
    public override string ToString() => $"{Row}.{Column}";
}

/// <summary>What a heading cell heads; decides how it is announced (scope) and how it is printed.</summary>
public enum HeadingRole
{
    /// <summary>Heads one data column (scope col).</summary>
    Column,

    /// <summary>Heads several columns (scope colgroup): 「申请人情况」「法人或其他组织」「行政诉讼」.</summary>
    ColumnGroup,

    /// <summary>The shaded full-width row that opens a block of table 二: 「第二十条第（一）项」.</summary>
    Block,

    /// <summary>Heads one row (scope row).</summary>
    Row,

    /// <summary>A numbered item under a subgroup: 「1.属于国家秘密」.</summary>
    Item,

    /// <summary>A merged cell beside several rows, printed vertically: 「三、本年度办理结果」.</summary>
    Group,

    /// <summary>A merged cell beside several item rows: 「（三）不予公开」.</summary>
    Subgroup,
}

/// <summary>What a column of the printed grid holds, so that each medium can size it.</summary>
public enum PrintedColumnRole
{
    /// <summary>Row labels (or one level of them).</summary>
    Label,

    /// <summary>Figures.</summary>
    Data,
}

/// <summary>One column of the printed grid. <paramref name="Width"/> is its share of the printed width, relative to the others.</summary>
public sealed record PrintedColumn(PrintedColumnRole Role, double Width);

/// <summary>One cell of the printed grid, spanning <see cref="RowSpan"/> rows and <see cref="ColSpan"/> columns.</summary>
public abstract record PrintedCell(int RowSpan, int ColSpan);

/// <summary>A cell of printed text that heads nothing: table 三's 3 × 3 note on its 勾稽关系.</summary>
public sealed record NoteCell(string Text, int RowSpan = 1, int ColSpan = 1) : PrintedCell(RowSpan, ColSpan);

/// <summary>
/// A header or label cell. <paramref name="Key"/> names it within its table (e.g. <c>r-new</c>, <c>sg-deny</c>,
/// <c>c-total</c>); a data cell lists the keys of the headings that concern it. <paramref name="Strong"/> marks the
/// cells the official form prints in bold.
/// </summary>
public sealed record HeadingCell(string Key, string Text, HeadingRole Role, int RowSpan = 1, int ColSpan = 1, bool Strong = false)
    : PrintedCell(RowSpan, ColSpan)
{
    /// <summary>True for headings of columns (above the figures), false for headings of rows (beside them).</summary>
    public bool HeadsColumns => Role is HeadingRole.Column or HeadingRole.ColumnGroup or HeadingRole.Block;
}

/// <summary>
/// One figure of the table. <paramref name="Label"/> is its printed name for messages and audit, e.g.
/// 「表二 行政许可·本年处理决定数量」; <paramref name="Headings"/> are the keys of every heading over and beside it,
/// row headings first.
/// </summary>
public sealed record DataCell(CellRef Ref, CellKind Kind, string Label, IReadOnlyList<string> Headings, int ColSpan = 1)
    : PrintedCell(1, ColSpan);

/// <summary>Whether a printed row heads the figures below it or holds figures.</summary>
public enum PrintedRowRole
{
    Header,
    Body,
}

public sealed record PrintedRow(PrintedRowRole Role, IReadOnlyList<PrintedCell> Cells);

/// <summary>
/// A run of rows that belong together: its header rows, then its body rows. Table 三 and 四 have one section; table 二
/// has one per block (第二十条第（一）项 …), each with its own header rows.
/// </summary>
public sealed record PrintedSection(IReadOnlyList<PrintedRow> Rows)
{
    public IEnumerable<PrintedRow> HeaderRows => Rows.Where(r => r.Role == PrintedRowRole.Header);

    public IEnumerable<PrintedRow> BodyRows => Rows.Where(r => r.Role == PrintedRowRole.Body);
}

/// <summary>
/// A statistical table as the official form prints it: a grid of columns and sections of rows, with merged header
/// and label cells and a reference to the data behind each figure. The public page, the entry form and the PDF are
/// all drawn from this one description.
/// </summary>
public sealed class PrintedTable
{
    public PrintedTable(ReportTableId id, string caption, IReadOnlyList<PrintedColumn> columns, IReadOnlyList<PrintedSection> sections)
    {
        Id = id;
        Caption = caption;
        Columns = columns;
        Sections = sections;
    }

    public ReportTableId Id { get; }

    /// <summary>The table's name without its number: 「收到和处理政府信息公开申请情况」.</summary>
    public string Caption { get; }

    /// <summary>「表三」.</summary>
    public string Number => TableNumbers.Name(Id);

    public IReadOnlyList<PrintedColumn> Columns { get; }

    public IReadOnlyList<PrintedSection> Sections { get; }

    /// <summary>Every data cell in printed order.</summary>
    public IEnumerable<DataCell> DataCells =>
        Sections.SelectMany(s => s.Rows).SelectMany(r => r.Cells).OfType<DataCell>();

    /// <summary>Every heading cell in printed order.</summary>
    public IEnumerable<HeadingCell> Headings =>
        Sections.SelectMany(s => s.Rows).SelectMany(r => r.Cells).OfType<HeadingCell>();

    /// <summary>The data cell at <paramref name="cell"/>, or null.</summary>
    public DataCell? Find(CellRef cell) => DataCells.FirstOrDefault(c => c.Ref == cell);
}

/// <summary>The printed names of the tables.</summary>
public static class TableNumbers
{
    public static string Name(ReportTableId id) => id switch
    {
        ReportTableId.Proactive => "表二",
        ReportTableId.Applications => "表三",
        ReportTableId.Reviews => "表四",
        _ => throw new ArgumentOutOfRangeException(nameof(id)),
    };
}
