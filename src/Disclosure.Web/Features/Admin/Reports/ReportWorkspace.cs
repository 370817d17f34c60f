using Disclosure.Data;
using Disclosure.Domain.Agencies;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Rules;
using Disclosure.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Features.Admin.Reports;

/// <summary>
/// An agency's report for a year as staff work on it: the agency, the report with its versions (tracked, so commands
/// can change it), and last year's published report for rule R5 and the prefill.
/// </summary>
public sealed class ReportWorkspace
{
    public required Agency Agency { get; init; }

    public required int Year { get; init; }

    public Report? Report { get; init; }

    public AnnualReport? PreviousYear { get; init; }

    public ReportVersion? Open => Report?.OpenVersion;

    public ReportVersion? Current => Report?.CurrentVersion;

    /// <summary>The version staff see: the one in progress, else the published one.</summary>
    public ReportVersion? Working => Open ?? Current;

    public AnnualReport? WorkingDocument => Working?.ToDocument(Agency.Slug);

    public IReadOnlyList<RuleViolation> Findings => WorkingDocument is { } document ? ConsistencyRules.Check(document, PreviousYear) : [];

    /// <summary>The deadline of 条例 Art. 49: 31 January of the following year.</summary>
    public DateOnly Deadline => FilingDeadline.For(Agency.Level, Year);

    /// <summary>The working version as the public page would show it (the check page and the preview).</summary>
    public ReportViewModel ToViewModel()
    {
        var version = Working!;
        var document = WorkingDocument!;
        return new ReportViewModel(Agency.Slug, Agency.Name, Agency.Level, document,
            ConsistencyRules.Check(document, PreviousYear), version.Number, version.PublishedAt, version.Origin,
            version.Source, version.CorrectionNote)
        {
            DraftUrl = version.Status == ReportStatus.Published ? null : ReportAccess.Url(this),
        };
    }

    public static async Task<ReportWorkspace?> LoadAsync(DisclosureDbContext db, string slug, int year, CancellationToken cancellationToken)
    {
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Slug == slug, cancellationToken);
        if (agency is null)
        {
            return null;
        }

        var report = await db.Reports
            .Include(r => r.Versions).ThenInclude(v => v.Cells)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.AgencyId == agency.Id && r.Year == year, cancellationToken);
        var previous = await db.ReportVersions.AsNoTracking()
            .Include(v => v.Cells)
            .Include(v => v.Report)
            .CurrentOf(year - 1).SingleOrDefaultAsync(v => v.Report.AgencyId == agency.Id, cancellationToken);
        return new ReportWorkspace
        {
            Agency = agency,
            Year = year,
            Report = report,
            PreviousYear = previous?.ToDocument(agency.Slug),
        };
    }
}
