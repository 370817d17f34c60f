using Disclosure.Domain.Register.Cases;
using Disclosure.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Data.Register;

/// <summary>The case register's read side: table 四 of a year, the cases one of its cells counts, an office's list.</summary>
public static class CaseQueries
{
    /// <summary>
    /// The cases a year's table 四 may count: filed by 31 December, not concluded before 1 January, not voided, not
    /// 201号 co-defendant cases. Narrow with <see cref="CaseCount.IsCountedIn"/> for one cell.
    /// </summary>
    public static IQueryable<ReviewCase> CountedInYear(DisclosureDbContext db, int agencyId, int year)
    {
        var (filedBy, openOnOrAfter) = CaseCount.Window(year);
        return db.ReviewCases.AsNoTracking()
            .Where(c => c.AgencyId == agencyId && c.FiledOn <= filedBy
                && (c.ConcludedOn == null || c.ConcludedOn >= openOnOrAfter) && c.VoidedOn == null && !c.ReviewOrganOnly);
    }

    /// <summary>Table 四 of <paramref name="year"/> from an office's case register.</summary>
    public static async Task<ReportTable> TableAsync(DisclosureDbContext db, int agencyId, int year, CancellationToken cancellationToken = default)
    {
        var counted = await CountedInYear(db, agencyId, year)
            .Select(c => new CountedCase(c.Kind, c.FiledOn, c.ConcludedOn, c.Result, true))
            .ToListAsync(cancellationToken);
        return CaseCount.Table(year, counted);
    }

    /// <summary>The cases counted in one cell of a year's table 四, by filing date.</summary>
    public static async Task<IReadOnlyList<ReviewCase>> InCellAsync(
        DisclosureDbContext db, int agencyId, int year, string group, string field, CancellationToken cancellationToken = default)
    {
        var candidates = await CountedInYear(db, agencyId, year).ToListAsync(cancellationToken);
        return candidates
            .Where(c => CaseCount.IsCountedIn(c.Counted, year, group, field))
            .OrderBy(c => c.FiledOn).ThenBy(c => c.Number, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// An office's cases that touch a year (filed in it, or open in it, or concluded in it), voided and 201号 cases
    /// included (a voided case in the year it was filed only) so the list shows everything entered; open cases first, then by filing date.
    /// </summary>
    public static async Task<IReadOnlyList<ReviewCase>> OfYearAsync(DisclosureDbContext db, int agencyId, int year, CancellationToken cancellationToken = default)
    {
        var (filedBy, openOnOrAfter) = CaseCount.Window(year);
        var cases = await db.ReviewCases.AsNoTracking()
            .Where(c => c.AgencyId == agencyId && c.FiledOn <= filedBy && (c.ConcludedOn == null || c.ConcludedOn >= openOnOrAfter)
                && (c.VoidedOn == null || c.FiledOn >= openOnOrAfter))
            .ToListAsync(cancellationToken);
        return cases.OrderBy(c => c.ConcludedOn is null && !c.IsVoided ? 0 : 1).ThenByDescending(c => c.FiledOn).ThenBy(c => c.Number, StringComparer.Ordinal).ToList();
    }
}
