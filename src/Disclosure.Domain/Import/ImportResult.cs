using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using Disclosure.Domain.Rules;

namespace Disclosure.Domain.Import;

/// <summary>What the input was read as.</summary>
public enum ImportInputKind
{
    /// <summary>The text a browser copies from a published report page (tables as tab-separated cells).</summary>
    Text,

    /// <summary>The canonical JSON (<c>disclosure-annual-report/v1</c>), read losslessly.</summary>
    CanonicalJson,
}

/// <summary>How to import. The agency slug is not in a report's text: the caller supplies it (or fixes it later with <see cref="ImportResult.ReportFor"/>).</summary>
public sealed record ImportOptions
{
    public static readonly ImportOptions Default = new();

    /// <summary>The slug the parsed report carries; "" when the caller will choose it later.</summary>
    public string AgencySlug { get; init; } = "";

    /// <summary>口径 to use instead of the detected one (see <see cref="ScopeRule"/>).</summary>
    public ReportScope? Scope { get; init; }
}

/// <summary>A line the parser did not understand: its 1-based number, the text as given and why.</summary>
public sealed record UnparsedLine(int LineNumber, string Text, string Reason);

/// <summary>Something expected that was missing or malformed; <see cref="LineNumber"/> is null for the whole document.</summary>
public sealed record ImportError(int? LineNumber, string Message)
{
    public override string ToString() => LineNumber is { } n ? $"第 {n} 行：{Message}" : Message;
}

/// <summary>Where a table cell came from: the line and the text printed in the cell ("" for a blank cell).</summary>
public sealed record CellSource(ReportTableId Table, string Row, string Column, int LineNumber, string Printed);

/// <summary>
/// The outcome of one import, shaped for a preview: the report (null when the input is not a report at all), the
/// detected format and 口径, the consistency findings, every cell with its source line, every line not understood and
/// every error. An import is acceptable only when <see cref="Succeeded"/>.
/// </summary>
public sealed class ImportResult
{
    public ImportInputKind InputKind { get; init; }

    public AnnualReport? Report { get; init; }

    public ReportFormat? Format { get; init; }

    /// <summary>The agency name as printed in the title.</summary>
    public string? AgencyName { get; init; }

    public int? Year { get; init; }

    public ReportScope? Scope { get; init; }

    /// <summary>Why the 口径 is what it is (the rule that fired, or "given").</summary>
    public string? ScopeReason { get; init; }

    public IReadOnlyList<RuleViolation> Findings { get; init; } = [];

    public IReadOnlyList<UnparsedLine> UnparsedLines { get; init; } = [];

    public IReadOnlyList<ImportError> Errors { get; init; } = [];

    /// <summary>Every table cell read from the text, in reading order (empty for JSON input).</summary>
    public IReadOnlyList<CellSource> Cells { get; init; } = [];

    public bool Succeeded => Report is not null && Errors.Count == 0;

    public static ImportResult Failed(ImportInputKind kind, string message) =>
        new() { InputKind = kind, Errors = [new ImportError(null, message)] };

    /// <summary>The report under another agency slug (the text names the agency, never its slug); null if nothing was parsed.</summary>
    public AnnualReport? ReportFor(string agencySlug) => Report is null ? null : Copy(Report, agencySlug, Report.Scope);

    internal static AnnualReport Copy(AnnualReport report, string agencySlug, ReportScope scope)
    {
        var copy = new AnnualReport(new AgencyRef(report.Agency.Name, agencySlug), report.Year, report.Format, scope, report.Title)
        {
            PublishedOn = report.PublishedOn,
            OriginalUrl = report.OriginalUrl,
            Sections = report.Sections,
        };
        foreach (var cell in report.Cells.Where(c => !c.Value.IsBlank))
        {
            copy.Table(cell.Table)[cell.Row, cell.Column] = cell.Value;
        }

        return copy;
    }
}
