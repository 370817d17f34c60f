using Disclosure.Domain.Agencies;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Rules;

namespace Disclosure.Web.Features.Reports;

/// <summary>A published report as the public page shows it.</summary>
public sealed record ReportViewModel(
    string AgencySlug,
    string AgencyName,
    AgencyLevel AgencyLevel,
    AnnualReport Report,
    IReadOnlyList<RuleViolation> Findings,
    int VersionNumber,
    DateTimeOffset? PublishedAt,
    ReportOrigin Origin,
    string? Source,
    string? CorrectionNote)
{
    /// <summary>更正记录: every published version of this report, newest first (empty for reports never corrected).</summary>
    public IReadOnlyList<PublishedVersion> History { get; init; } = [];

    /// <summary>
    /// Set when staff preview a version not yet public (the check page and the preview): its PDF is the draft PDF, it
    /// has no public JSON, and blank cells are the office's own to fill, not "as published".
    /// </summary>
    public string? DraftUrl { get; init; }

    /// <summary>False when an earlier, corrected version is shown at its own URL.</summary>
    public bool IsCurrent { get; init; } = true;

    public IEnumerable<RuleViolation> FindingsFor(Domain.Reports.Layouts.ReportTableId table) =>
        Findings.Where(f => f.Table == table);

    public bool HasFinding(Domain.Reports.Layouts.ReportTableId table, string row, string column) =>
        Findings.Any(f => f.Severity == RuleSeverity.Error && f.Table == table && f.RowKey == row && f.ColumnKey == column);
}

/// <summary>A published version in the 更正记录.</summary>
public sealed record PublishedVersion(int Number, DateTimeOffset? PublishedAt, string? CorrectionNote, bool IsCurrent);
