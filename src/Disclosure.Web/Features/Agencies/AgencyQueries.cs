using Disclosure.Data;
using Disclosure.Domain.Reports;
using Disclosure.Web.Features.Home;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Features.Agencies;

public sealed class AgencyQueries(DisclosureDbContext db)
{
    public const int QueryMaxLength = 50;

    public async Task<AgencyViewModel?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        var agency = await db.Agencies.AsNoTracking()
            .Where(a => a.Slug == slug)
            .Select(a => new { a.Id, a.Slug, a.Name, a.Level, a.Address, a.Phone, ParentSlug = a.Parent!.Slug, ParentName = a.Parent.Name })
            .FirstOrDefaultAsync(cancellationToken);
        if (agency is null)
        {
            return null;
        }

        var years = await db.ReportVersions.AsNoTracking()
            .CurrentOfAgency(agency.Id)
            .OrderByDescending(v => v.Report.Year)
            .Select(v => new AgencyYear(v.Report.Year, v.Title, v.PublishedAt, v.Number))
            .ToListAsync(cancellationToken);
        return new AgencyViewModel(agency.Slug, agency.Name, agency.Level, agency.Address, agency.Phone,
            agency.ParentSlug, agency.ParentName, years, await RegisterAggregates.ForAgencyAsync(db, agency.Id, cancellationToken));
    }

    /// <summary>Agencies grouped by level; with a query, those whose name contains it.</summary>
    public async Task<AgencyIndexViewModel> SearchAsync(string? query, CancellationToken cancellationToken)
    {
        var term = query?.Trim();
        if (term?.Length > QueryMaxLength)
        {
            term = term[..QueryMaxLength];
        }

        var list = await AgencyListQuery.Items(db, string.IsNullOrEmpty(term) ? null : term).ToListAsync(cancellationToken);
        return new AgencyIndexViewModel(term, AgencyGroup.ByLevel(list), list.Count);
    }
}
