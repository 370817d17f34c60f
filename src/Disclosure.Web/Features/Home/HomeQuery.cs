using Disclosure.Data;
using Disclosure.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Features.Home;

/// <summary>The lists on the home page and the year pages.</summary>
public sealed class HomeQuery(DisclosureDbContext db)
{
    public const int LatestCount = 12;

    /// <summary>Agencies shown per level on the home page; the rest are one link away in the directory (/agencies).</summary>
    public const int AgenciesPerLevel = 12;

    public async Task<HomeViewModel> GetAsync(CancellationToken cancellationToken)
    {
        var latest = await ListItems(CurrentVersions()
                .OrderByDescending(v => v.PublishedAt).ThenByDescending(v => v.Report.Year).ThenBy(v => v.Report.Agency.Name)
                .Take(LatestCount))
            .ToListAsync(cancellationToken);
        var years = await YearsAsync(cancellationToken);
        var agencies = await AgencyListQuery.Items(db).ToListAsync(cancellationToken);
        return new HomeViewModel(latest, years, AgencyGroup.ByLevel(agencies, AgenciesPerLevel), agencies.Count, years.Sum(y => y.ReportCount));
    }

    public async Task<YearViewModel?> GetYearAsync(int year, CancellationToken cancellationToken)
    {
        var years = await YearsAsync(cancellationToken);
        if (years.All(y => y.Year != year))
        {
            return null;
        }

        var reports = await ListItems(CurrentVersions()
                .Where(v => v.Report.Year == year)
                .OrderBy(v => v.Report.Agency.Name))
            .ToListAsync(cancellationToken);
        return new YearViewModel(year, reports, years);
    }

    /// <summary>The years with published reports, newest first, and how many (the home page, the year pages, /data).</summary>
    public Task<List<YearCount>> YearsAsync(CancellationToken cancellationToken) =>
        db.ReportVersions.AsNoTracking()
            .Current()
            .GroupBy(v => v.Report.Year)
            .OrderByDescending(g => g.Key)
            .Select(g => new YearCount(g.Key, g.Count()))
            .ToListAsync(cancellationToken);

    private IQueryable<ReportVersion> CurrentVersions() =>
        db.ReportVersions.AsNoTracking().Current();

    private static IQueryable<ReportListItem> ListItems(IQueryable<ReportVersion> versions) =>
        versions.Select(v => new ReportListItem(v.Report.Agency.Slug, v.Report.Agency.Name, v.Report.Year, v.Title, v.PublishedAt));
}

/// <summary>Agencies with how many years they have published; shared by the home page and the agency index.</summary>
public static class AgencyListQuery
{
    public static IQueryable<AgencyListItem> Items(DisclosureDbContext db, string? nameContains = null)
    {
        // A query held in a variable is inlined by EF Core; a method called inside the lambda would not be.
        var current = db.ReportVersions.Current();
        return db.Agencies.AsNoTracking()
            .Where(a => nameContains == null || a.Name.Contains(nameContains))
            .Select(a => new AgencyListItem(
                a.Slug,
                a.Name,
                a.Level,
                current.Count(v => v.Report.AgencyId == a.Id),
                current.Where(v => v.Report.AgencyId == a.Id).Max(v => (int?)v.Report.Year)));
    }
}
