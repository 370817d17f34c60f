using Disclosure.Data;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using Microsoft.EntityFrameworkCore;
using A = Disclosure.Domain.Reports.Layouts.ApplicationsLayout;
using P = Disclosure.Domain.Reports.Layouts.ProactiveLayout;
using V = Disclosure.Domain.Reports.Layouts.ReviewsLayout;

namespace Disclosure.Web.Features.Trends;

/// <summary>The figures of the trends table: table 三's four, table 四's two, table 二's two.</summary>
public static class TrendMetrics
{
    public const string New = "new";
    public const string Processed = "processed";
    public const string Granted = "granted";
    public const string CarriedForward = "carried_forward";
    public const string Reviews = "reviews";
    public const string Suits = "suits";
}

/// <summary>
/// One year of an office's key figures: its effective figures (ADR 0016; null = blank or not in that year's format,
/// never 0). <paramref name="Derived"/> holds the metrics (<see cref="TrendMetrics"/>) whose 总计 was blank or disagreed
/// with its parts, and why; they are the sums of their parts.
/// </summary>
public sealed record TrendYear(int Year, long? New, long? Processed, long? Granted, long? CarriedForward, long? Reviews, long? Suits, long? Licensing, long? Penalties,
    IReadOnlyDictionary<string, string>? Derived = null)
{
    /// <summary>予以公开 ÷ 办理结果总计, only when both are known and the denominator is above 0: never a division by a blank.</summary>
    public decimal? GrantedShare => Processed is > 0 && Granted is not null ? Math.Round(100m * Granted.Value / Processed.Value, 1) : null;

    /// <summary>Why <paramref name="metric"/> is derived from its parts, or null when it is the printed figure.</summary>
    public string? DerivedReason(string metric) => Derived?.GetValueOrDefault(metric);
}

public sealed record TrendsViewModel(string Slug, string Name, IReadOnlyList<TrendYear> Years);

/// <summary>An office's key figures per year, from the cells of each current version through <see cref="EffectiveTotals"/>.</summary>
public sealed class TrendsQuery(DisclosureDbContext db)
{
    public async Task<TrendsViewModel?> GetAsync(string slug, CancellationToken cancellationToken)
    {
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Slug == slug).Select(a => new { a.Id, a.Slug, a.Name }).FirstOrDefaultAsync(cancellationToken);
        if (agency is null)
        {
            return null;
        }

        var versions = db.ReportVersions.AsNoTracking().CurrentOfAgency(agency.Id);
        var years = await versions.Select(v => new { v.Id, v.Report.Year, v.Format }).ToListAsync(cancellationToken);

        // An office has one current version a year: a few hundred cells in all.
        var cells = (await (
                    from c in db.ReportCells.AsNoTracking()
                    join v in versions on c.ReportVersionId equals v.Id
                    where c.Table != ReportTableId.Proactive
                        || (c.Column == P.Columns.Decisions && (c.Row == P.Rows.Licensing || c.Row == P.Rows.Penalty))
                    select new { c.ReportVersionId, c.Table, c.Row, c.Column, c.Number })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.ReportVersionId);

        var rows = years.OrderBy(y => y.Year).Select(y =>
        {
            var document = new AnnualReport(new AgencyRef(agency.Name, agency.Slug), y.Year, y.Format, ReportScope.Agency, "");
            foreach (var c in cells[y.Id])
            {
                var table = document.Table(c.Table);
                if (table.Layout.Contains(c.Row, c.Column) && c.Number is { } n)
                {
                    table[c.Row, c.Column] = CellValue.Of(n);
                }
            }

            return Year(document);
        }).ToList();
        return new TrendsViewModel(agency.Slug, agency.Name, rows);
    }

    private static TrendYear Year(AnnualReport document)
    {
        var derived = new Dictionary<string, string>();
        long? Figure(string metric, ReportTable table, string row, string column)
        {
            var figure = EffectiveTotals.Of(table, row, column);
            if (figure.IsDerived)
            {
                derived[metric] = figure.Reason;
            }

            return figure.Value;
        }

        var t3 = document.Applications;
        var t4 = document.Reviews;
        var suits = Blanks.Sum([
            Figure(TrendMetrics.Suits, t4, V.Groups.LitigationDirect, V.Fields.Total),
            Figure(TrendMetrics.Suits, t4, V.Groups.LitigationAfterReview, V.Fields.Total),
        ]);
        return new TrendYear(
            document.Year,
            Figure(TrendMetrics.New, t3, A.Rows.New, A.Columns.Total),
            Figure(TrendMetrics.Processed, t3, A.Rows.TotalProcessed, A.Columns.Total),
            Figure(TrendMetrics.Granted, t3, A.Rows.Granted, A.Columns.Total),
            Figure(TrendMetrics.CarriedForward, t3, A.Rows.CarriedForward, A.Columns.Total),
            Figure(TrendMetrics.Reviews, t4, V.Groups.AdministrativeReview, V.Fields.Total),
            suits,
            document.Proactive.Layout.Contains(P.Rows.Licensing, P.Columns.Decisions) ? document.Proactive.Number(P.Rows.Licensing, P.Columns.Decisions) : null,
            document.Proactive.Layout.Contains(P.Rows.Penalty, P.Columns.Decisions) ? document.Proactive.Number(P.Rows.Penalty, P.Columns.Decisions) : null,
            derived);
    }
}
