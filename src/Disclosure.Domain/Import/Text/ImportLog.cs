namespace Disclosure.Domain.Import.Text;

/// <summary>
/// What one reading of copied text found besides the report: errors (something expected was missing or malformed),
/// lines not understood, and the source line of every table cell. Shared by the segmenter's readers, which add to it
/// in reading order; <see cref="ReportTextParser"/> hands it out as the <see cref="ImportResult"/>.
/// </summary>
internal sealed class ImportLog
{
    private readonly List<ImportError> _errors = [];
    private readonly List<UnparsedLine> _unparsed = [];
    private readonly List<CellSource> _cells = [];

    /// <summary>Errors by line (document-wide errors first), in the order they were found within a line.</summary>
    public IReadOnlyList<ImportError> Errors => [.. _errors.OrderBy(e => e.LineNumber ?? 0)];

    public IReadOnlyList<UnparsedLine> UnparsedLines => [.. _unparsed.OrderBy(u => u.LineNumber)];

    public IReadOnlyList<CellSource> Cells => _cells;

    public void Error(int? line, string message) => _errors.Add(new ImportError(line, message));

    /// <summary>A line kept out of the report, with the reason; its text as given (shortened for the preview).</summary>
    public void NotUnderstood(int line, string text, string reason) => _unparsed.Add(new UnparsedLine(line, text, reason));

    public void NotUnderstood(TextLine line, string reason) => NotUnderstood(line.Number, CopiedText.Preview(CopiedText.Trim(line.Text!)), reason);

    public void Cell(CellSource source) => _cells.Add(source);
}
