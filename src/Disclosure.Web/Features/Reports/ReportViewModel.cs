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
    public IEnumerable<RuleViolation> FindingsFor(Domain.Reports.Layouts.ReportTableId table) =>
        Findings.Where(f => f.Table == table);

    public bool HasFinding(Domain.Reports.Layouts.ReportTableId table, string row, string column) =>
        Findings.Any(f => f.Severity == RuleSeverity.Error && f.Table == table && f.RowKey == row && f.ColumnKey == column);
}
