using Disclosure.Data;
using Disclosure.Data.Register;
using Disclosure.Domain;
using Disclosure.Domain.Register.Cases;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Features.Admin.Register.Cases;

public sealed record CaseListPage(RegisterOffice Office, int Year, int ThisYear, IReadOnlyList<ReviewCase> Cases);

public sealed record CaseEditPage(RegisterOffice Office, ReviewCase? Case, CaseForm Form, CaseVoidForm VoidForm, bool Conflict, IReadOnlyList<int> PublishedYearsCounted, DateOnly Today);

public sealed record CaseTablePage(RegisterOffice Office, int Year, ReportTable Table, ReportTable? Published, int? PublishedVersion);

public sealed record CaseCellPage(RegisterOffice Office, int Year, string GroupLabel, string FieldLabel, long Count, IReadOnlyList<ReviewCase> Cases);

/// <summary>What the case register's pages read (the controller holds no database).</summary>
public sealed class CasePages(DisclosureDbContext db, CaseCommands commands, TimeProvider clock)
{
    public DateOnly Today => BeijingTime.Today(clock);

    public async Task<CaseListPage> ListAsync(RegisterOffice office, int? year, CancellationToken cancellationToken)
    {
        var thisYear = Today.Year;
        var shown = AnnualReport.IsYear(year) ? year.Value : thisYear;
        return new CaseListPage(office, shown, thisYear, await CaseQueries.OfYearAsync(db, office.Id, shown, cancellationToken));
    }

    /// <summary>The office's case, untracked, or null when it has none with that id.</summary>
    public Task<ReviewCase?> FindAsync(RegisterOffice office, int id, CancellationToken cancellationToken) =>
        db.ReviewCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.AgencyId == office.Id, cancellationToken);

    public async Task<CaseEditPage> EditAsync(RegisterOffice office, ReviewCase @case, CaseForm form, CaseVoidForm voidForm, bool conflict, CancellationToken cancellationToken) =>
        new(office, @case, form, voidForm, conflict, CaseCommands.CountedInPublished(@case.Counted, await commands.PublishedYearsAsync(office.Id, cancellationToken)), Today);

    public CaseEditPage New(RegisterOffice office, CaseForm form) => new(office, null, form, new CaseVoidForm(), false, [], Today);

    public async Task<CaseTablePage> TableAsync(RegisterOffice office, int year, CancellationToken cancellationToken)
    {
        var table = await CaseQueries.TableAsync(db, office.Id, year, cancellationToken);
        var published = await RegisterTables.PublishedTableAsync(db, office.Id, year, ReportTableId.Reviews, cancellationToken);
        return new CaseTablePage(office, year, table, published?.Table, published?.Number);
    }

    public async Task<CaseCellPage> CellAsync(RegisterOffice office, int year, string group, string field, CancellationToken cancellationToken)
    {
        var cases = await CaseQueries.InCellAsync(db, office.Id, year, group, field, cancellationToken);
        return new CaseCellPage(office, year, CellLabels.Row(ReviewsLayout.Layout, group), CellLabels.Column(ReviewsLayout.Layout, field), cases.Count, cases);
    }
}
