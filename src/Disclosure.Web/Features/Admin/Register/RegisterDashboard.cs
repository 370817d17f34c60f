using Disclosure.Data;
using Disclosure.Data.Register;
using Disclosure.Domain.Register;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Features.Admin.Register;

public sealed record RegisterDueRow(RegisterOffice Office, int Open, int DueSoon, int Overdue, DateOnly? EarliestDue);

/// <summary>
/// A published year whose table 三 (or 四, <paramref name="Table"/>) the application (or case) register no longer
/// gives: a correction is the way to fix it.
/// </summary>
public sealed record RegisterDisagreement(RegisterOffice Office, int Year, int Cells, ReportTableId Table = ReportTableId.Applications)
{
    public string TableName => Table == ReportTableId.Reviews ? "表四" : "表三";

    public string RegisterPath => Table == ReportTableId.Reviews
        ? $"/admin/register/{Office.Slug}/cases/table/{Year}"
        : $"/admin/register/{Office.Slug}/table/{Year}";
}

/// <summary>The register's part of the 政务公开办's dashboard.</summary>
public sealed record RegisterDashboardModel(
    IReadOnlyList<RegisterDueRow> Due,
    IReadOnlyList<RegisterDisagreement> Disagreements,
    int? MissingCalendarYear)
{
    public int DueSoon => Due.Sum(d => d.DueSoon);

    public int Overdue => Due.Sum(d => d.Overdue);
}

/// <summary>Loads the register's part of the 政务公开办's dashboard.</summary>
public sealed class RegisterDashboard(DisclosureDbContext db)
{
    /// <summary>From this day of December the dashboard asks for next year's holiday notice.</summary>
    public const int CalendarWarningFromMonth = 12;

    public async Task<RegisterDashboardModel> LoadAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var calendar = await RegisterCalendar.LoadAsync(db, cancellationToken);
        var summaries = await RegisterQueries.DueSummaryAsync(db, calendar, today, cancellationToken);
        var ids = summaries.Select(s => s.AgencyId).ToList();
        var offices = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new RegisterOffice(a.Id, a.Slug, a.Name)).ToDictionaryAsync(o => o.Id, cancellationToken);
        var due = summaries.Where(s => s.DueSoon > 0 || s.Overdue > 0)
            .Select(s => new RegisterDueRow(offices[s.AgencyId], s.Open, s.DueSoon, s.Overdue, s.EarliestDue)).ToList();

        // Only offices that keep a register here, and only the years it counts something in.
        var keeping = await db.RegisterApplications.AsNoTracking().Select(a => a.AgencyId)
            .Union(db.ReviewCases.AsNoTracking().Select(c => c.AgencyId)).ToListAsync(cancellationToken);
        var published = await db.ReportVersions.AsNoTracking()
            .Current().Where(v => keeping.Contains(v.Report.AgencyId))
            .Select(v => new { v.Report.AgencyId, v.Report.Year, v.Report.Agency.Slug, v.Report.Agency.Name })
            .ToListAsync(cancellationToken);
        var disagreements = new List<RegisterDisagreement>();
        foreach (var p in published.OrderBy(p => p.Name).ThenBy(p => p.Year))
        {
            var office = new RegisterOffice(p.AgencyId, p.Slug, p.Name);
            if (await RegisterQueries.CountedInYear(db, p.AgencyId, p.Year).AnyAsync(cancellationToken))
            {
                var register = await RegisterQueries.TableAsync(db, p.AgencyId, p.Year, cancellationToken);
                var table = (await RegisterTables.PublishedTableAsync(db, p.AgencyId, p.Year, cancellationToken: cancellationToken))!.Value.Table;
                AddIfDifferent(disagreements, office, p.Year, register, table);
            }

            if (await CaseQueries.CountedInYear(db, p.AgencyId, p.Year).AnyAsync(cancellationToken))
            {
                var register = await CaseQueries.TableAsync(db, p.AgencyId, p.Year, cancellationToken);
                var table = (await RegisterTables.PublishedTableAsync(db, p.AgencyId, p.Year, ReportTableId.Reviews, cancellationToken))!.Value.Table;
                AddIfDifferent(disagreements, office, p.Year, register, table);
            }
        }

        int? missing = today.Month >= CalendarWarningFromMonth && !calendar.IsAnnounced(today.Year + 1) ? today.Year + 1 : null;
        return new RegisterDashboardModel(due, disagreements, missing);
    }

    private static void AddIfDifferent(List<RegisterDisagreement> disagreements, RegisterOffice office, int year, ReportTable register, ReportTable published)
    {
        var cells = register.Cells.Count(c => published.Layout.Contains(c.Row, c.Column) && published[c.Row, c.Column] != c.Value);
        if (cells > 0)
        {
            disagreements.Add(new RegisterDisagreement(office, year, cells, published.Layout.Id));
        }
    }
}
