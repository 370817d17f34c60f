using Disclosure.Data;
using Disclosure.Domain.Agencies;
using Disclosure.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Features.Api;

public sealed record ApiReportFilter(int? Year, string? Agency, AgencyLevel? Level, int Page, int PageSize);

/// <summary>The paged list of current published versions for <c>GET /api/v1/reports</c>.</summary>
public sealed class ApiReportListQuery(DisclosureDbContext db)
{
    public async Task<(int Total, IReadOnlyList<ApiReportListItem> Items)> ListAsync(ApiReportFilter filter, CancellationToken cancellationToken)
    {
        var versions = db.ReportVersions.AsNoTracking().Current();
        if (filter.Year is { } year)
        {
            versions = versions.Where(v => v.Report.Year == year);
        }

        if (filter.Agency is { } slug)
        {
            versions = versions.Where(v => v.Report.Agency.Slug == slug);
        }

        if (filter.Level is { } level)
        {
            versions = versions.Where(v => v.Report.Agency.Level == level);
        }

        var total = await versions.CountAsync(cancellationToken);
        var rows = await versions
            .OrderByDescending(v => v.Report.Year).ThenBy(v => v.Report.Agency.Slug)
            .Skip((filter.Page - 1) * filter.PageSize)
            .Take(filter.PageSize)
            .Select(v => new { v.Report.Agency.Slug, v.Report.Agency.Name, v.Report.Agency.Level, v.Report.Year, v.Title, v.Format, v.Scope, v.PublishedAt })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new ApiReportListItem(
                r.Slug, r.Name, ApiJson.LevelCode(r.Level), r.Year, r.Title, r.Format.ToCode(), r.Scope.ToCode(), r.PublishedAt,
                Links(r.Slug, r.Year)))
            .ToList();
        return (total, items);
    }

    public static ApiReportLinks Links(string slug, int year) => new(
        $"/reports/{slug}/{year}",
        $"/reports/{slug}/{year}.json",
        $"/reports/{slug}/{year}.pdf",
        $"/api/v1/reports/{slug}/{year}/findings",
        $"/api/v1/reports/{slug}/{year}");
}
