using Disclosure.Data;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Features.Reports;

/// <summary>Reads the current published version of an agency's report for a year.</summary>
public sealed class ReportQuery(DisclosureDbContext db)
{
    public Task<ReportViewModel?> FindPublishedAsync(string slug, int year, CancellationToken cancellationToken) =>
        ToViewModelAsync(CurrentVersion(slug, year), slug, year, cancellationToken);

    /// <summary>A published version at its stable URL, including earlier versions that a correction replaced.</summary>
    public Task<ReportViewModel?> FindVersionAsync(string slug, int year, int number, CancellationToken cancellationToken) =>
        ToViewModelAsync(
            Versions(slug, year).Published().Where(v => v.Number == number),
            slug, year, cancellationToken);

    private async Task<ReportViewModel?> ToViewModelAsync(IQueryable<ReportVersion> query, string slug, int year, CancellationToken cancellationToken)
    {
        var version = await query.FirstOrDefaultAsync(cancellationToken);
        if (version is null)
        {
            return null;
        }

        var agency = version.Report.Agency;
        var document = version.ToDocument(agency.Slug);
        var previous = await CurrentVersion(slug, year - 1).FirstOrDefaultAsync(cancellationToken);
        var findings = ConsistencyRules.Check(document, previous?.ToDocument(agency.Slug));
        var history = await db.ReportVersions.AsNoTracking()
            .Published().Where(v => v.ReportId == version.ReportId)
            .OrderByDescending(v => v.Number)
            .Select(v => new PublishedVersion(v.Number, v.PublishedAt, v.CorrectionNote, v.IsCurrent))
            .ToListAsync(cancellationToken);
        return new ReportViewModel(agency.Slug, agency.Name, agency.Level, document, findings, version.Number,
            version.PublishedAt, version.Origin, version.Source, version.CorrectionNote)
        {
            History = history.Count > 1 ? history : [],
            IsCurrent = version.IsCurrent,
        };
    }

    /// <summary>The canonical document only (for the JSON download).</summary>
    public async Task<AnnualReport?> FindPublishedDocumentAsync(string slug, int year, CancellationToken cancellationToken)
    {
        var version = await CurrentVersion(slug, year).FirstOrDefaultAsync(cancellationToken);
        return version?.ToDocument(version.Report.Agency.Slug);
    }

    private IQueryable<ReportVersion> CurrentVersion(string slug, int year) =>
        Versions(slug, year).Current();

    private IQueryable<ReportVersion> Versions(string slug, int year) =>
        db.ReportVersions
            .AsNoTracking()
            .Include(v => v.Cells)
            .Include(v => v.Report).ThenInclude(r => r.Agency)
            .Of(slug, year);
}
