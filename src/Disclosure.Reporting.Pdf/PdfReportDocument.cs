namespace Disclosure.Reporting.Pdf;

/// <summary>
/// A report ready to be typeset: metadata and a flat list of blocks in reading order.
/// Built by the caller from one report version; the renderer adds nothing of its own except page furniture.
/// </summary>
/// <param name="Metadata">Document information (title, author, subject, publication date).</param>
/// <param name="Blocks">The content in reading order.</param>
/// <param name="IsDraft">When true, every page carries a "草稿" watermark.</param>
public sealed record PdfReportDocument(PdfMetadata Metadata, IReadOnlyList<PdfBlock> Blocks, bool IsDraft = false);

/// <summary>
/// PDF document information. <paramref name="PublicationDate"/> becomes the creation and modification date,
/// so the same model always renders to the same bytes.
/// </summary>
/// <param name="Title">Document title, e.g. 中卫市商务局2023年政府信息公开工作年度报告.</param>
/// <param name="Author">The agency.</param>
/// <param name="Subject">Subject line, e.g. 政府信息公开工作年度报告.</param>
/// <param name="PublicationDate">Publication date of the report version (written as 00:00 China Standard Time).</param>
public sealed record PdfMetadata(string Title, string Author, string Subject, DateOnly PublicationDate);

/// <summary>A block of content.</summary>
public abstract record PdfBlock;

/// <summary>The centred title in bold Song; each entry is one line (e.g. the agency, then 「2023年政府信息公开工作年度报告」).</summary>
/// <param name="Lines">Title lines; a line too long for the page wraps.</param>
/// <param name="Note">A line centred under the title in Kai, e.g. 「（2024年3月5日更正）」; null for none.</param>
public sealed record PdfTitle(IReadOnlyList<string> Lines, string? Note = null) : PdfBlock;

/// <summary>A heading: level 1 (一、… in Hei) or level 2 (（一）… in Kai).</summary>
/// <param name="Level">1 or 2.</param>
/// <param name="Text">The heading text including its numbering.</param>
/// <param name="Bookmark">Whether the heading gets a bookmark (outline entry); null for the default: level 1 headings do.</param>
public sealed record PdfHeading(int Level, string Text, bool? Bookmark = null) : PdfBlock;

/// <summary>A run of paragraph text; <paramref name="Bold"/> sets it in bold.</summary>
/// <param name="Text">The text.</param>
/// <param name="Bold">Whether the run is bold.</param>
public sealed record PdfRun(string Text, bool Bold = false);

/// <summary>A body paragraph (16 pt Song, about 28 pt line spacing, justified, first line indented by two characters).</summary>
/// <param name="Runs">The text runs.</param>
/// <param name="IndentFirstLine">Indent the first line by two characters.</param>
public sealed record PdfParagraph(IReadOnlyList<PdfRun> Runs, bool IndentFirstLine = true) : PdfBlock
{
    /// <summary>A paragraph from text in which <c>**…**</c> marks bold runs (as in the report's stored narrative).</summary>
    /// <param name="markedText">Text with optional <c>**bold**</c> markers.</param>
    /// <param name="indentFirstLine">Indent the first line by two characters.</param>
    /// <returns>The paragraph.</returns>
    public static PdfParagraph FromMarkedText(string markedText, bool indentFirstLine = true)
    {
        ArgumentNullException.ThrowIfNull(markedText);
        var runs = new List<PdfRun>();
        var parts = markedText.Split("**");
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length > 0)
            {
                // An unmatched trailing marker leaves the rest as plain text.
                var bold = i % 2 == 1 && i < parts.Length - 1;
                runs.Add(new PdfRun(bold || i % 2 == 0 ? parts[i] : "**" + parts[i], bold));
            }
        }

        return new PdfParagraph(runs, indentFirstLine);
    }
}

/// <summary>Small text, e.g. a note under a table.</summary>
/// <param name="Text">The note.</param>
public sealed record PdfNote(string Text) : PdfBlock;

/// <summary>Signature block: agency name and date, right-aligned, after the last paragraph.</summary>
/// <param name="Agency">The agency's full name.</param>
/// <param name="Date">The date of the report (printed as 2024年1月17日).</param>
public sealed record PdfSignature(string Agency, DateOnly Date) : PdfBlock;

/// <summary>Starts a new page.</summary>
public sealed record PdfPageBreak : PdfBlock;

/// <summary>
/// A ruled table. Cells are placed as in HTML: each row lists its cells left to right, skipping the
/// slots that a row span from above already occupies.
/// </summary>
/// <param name="Rows">The rows, header rows first.</param>
/// <param name="RelativeColumnWidths">Relative widths of the physical columns (any scale), or null to size columns from their content:
/// columns of figures as narrow as their figures (and two header characters a line) allow, the label columns given the rest.
/// Widths are widened where needed so that no number or word is cut.</param>
/// <param name="HeaderRowCount">How many leading rows are header rows, repeated after a page break.</param>
/// <param name="Caption">Optional caption above the table.</param>
/// <param name="KeepTogether">Start the table on a new page rather than break it, if it fits on one page.</param>
/// <param name="Bookmark">A bookmark (outline entry) for the table, under the heading before it; null for none.</param>
public sealed record PdfTable(
    IReadOnlyList<PdfTableRow> Rows,
    IReadOnlyList<double>? RelativeColumnWidths,
    int HeaderRowCount,
    string? Caption = null,
    bool KeepTogether = false,
    string? Bookmark = null) : PdfBlock;

/// <summary>One table row.</summary>
/// <param name="Cells">The cells that start in this row.</param>
public sealed record PdfTableRow(IReadOnlyList<PdfTableCell> Cells);

/// <summary>One table cell; text wraps inside it.</summary>
/// <param name="Text">The cell text (numbers as they are to be printed).</param>
/// <param name="RowSpan">Rows the cell spans.</param>
/// <param name="ColSpan">Columns the cell spans.</param>
/// <param name="Style">How the cell is set; <see cref="PdfCellStyle.Label"/> when null.</param>
public sealed record PdfTableCell(string Text, int RowSpan = 1, int ColSpan = 1, PdfCellStyle? Style = null);

/// <summary>What a cell holds, which decides its default alignment and size.</summary>
public enum PdfCellKind
{
    /// <summary>A row label: left-aligned.</summary>
    Label,

    /// <summary>A column header: centred.</summary>
    Header,

    /// <summary>A figure: centred, one size larger than labels.</summary>
    Number,

    /// <summary>Text that heads nothing (table 三's note on its 勾稽关系): centred, read as a data cell, not a header.</summary>
    Note,
}

/// <summary>Horizontal alignment inside a cell.</summary>
public enum PdfAlignment
{
    /// <summary>Left.</summary>
    Left,

    /// <summary>Centre.</summary>
    Center,

    /// <summary>Right.</summary>
    Right,
}

/// <summary>How a cell is set.</summary>
/// <param name="Kind">Label, header or number.</param>
/// <param name="Alignment">Horizontal alignment; null for the kind's default (labels left, others centred).</param>
/// <param name="Bold">Bold text.</param>
/// <param name="Shaded">Light blue-grey background, as for the 第二十条 block rows of table 二.</param>
/// <param name="Vertical">Set the text top to bottom, one character per line (e.g. 「三、本年度办理结果」).</param>
public sealed record PdfCellStyle(
    PdfCellKind Kind,
    PdfAlignment? Alignment = null,
    bool Bold = false,
    bool Shaded = false,
    bool Vertical = false)
{
    /// <summary>A left-aligned row label.</summary>
    public static PdfCellStyle Label { get; } = new(PdfCellKind.Label);

    /// <summary>A centred column header.</summary>
    public static PdfCellStyle Header { get; } = new(PdfCellKind.Header);

    /// <summary>A centred figure.</summary>
    public static PdfCellStyle Number { get; } = new(PdfCellKind.Number);

    /// <summary>A centred note that heads nothing.</summary>
    public static PdfCellStyle Note { get; } = new(PdfCellKind.Note);
}

/// <summary>The rendered PDF.</summary>
/// <param name="Bytes">The PDF file.</param>
/// <param name="PageCount">Number of pages.</param>
/// <param name="MissingCharacters">Characters that no shipped font has, in order of first use; each is printed as the placeholder 〓.</param>
public sealed record PdfRenderResult(byte[] Bytes, int PageCount, IReadOnlyList<string> MissingCharacters);
