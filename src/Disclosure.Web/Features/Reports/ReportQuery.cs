using Disclosure.Data;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Features.Reports;

/// <summary>Reads the current published version of an agency's report for a year.</summary>
public sealed class ReportQuery(DisclosureDbContext db)
{
    public async Task<ReportViewModel?> FindPublishedAsync(string slug, int year, CancellationToken cancellationToken)
    {
        var version = await CurrentVersion(slug, year).FirstOrDefaultAsync(cancellationToken);
        if (version is null)
        {
            return null;
        }

        var agency = version.Report.Agency;
        var document = version.ToDocument(agency.Slug);
        var previous = await CurrentVersion(slug, year - 1).FirstOrDefaultAsync(cancellationToken);
        var findings = ConsistencyRules.Check(document, previous?.ToDocument(agency.Slug));
        return new ReportViewModel(agency.Slug, agency.Name, agency.Level, document, findings, version.Number,
            version.PublishedAt, version.Origin, version.Source, version.CorrectionNote);
    }

    /// <summary>The canonical document only (for the JSON download).</summary>
    public async Task<AnnualReport?> FindPublishedDocumentAsync(string slug, int year, CancellationToken cancellationToken)
    {
        var version = await CurrentVersion(slug, year).FirstOrDefaultAsync(cancellationToken);
        return version?.ToDocument(version.Report.Agency.Slug);
    }

    private IQueryable<ReportVersion> CurrentVersion(string slug, int year) =>
        db.ReportVersions
            .AsNoTracking()
            .Include(v => v.Cells)
            .Include(v => v.Report).ThenInclude(r => r.Agency)
            .Where(v => v.Report.Agency.Slug == slug && v.Report.Year == year && v.IsCurrent);
}
