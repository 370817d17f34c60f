using Disclosure.Data;
using Disclosure.Data.Register;
using Disclosure.Domain;
using Disclosure.Domain.Register;
using Disclosure.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Features.Admin.Register;

/// <summary>What the application register's pages read (the controller holds no database).</summary>
public sealed class RegisterPages(DisclosureDbContext db, RegisterCommands commands, TimeProvider clock)
{
    public DateOnly Today => BeijingTime.Today(clock);

    /// <summary>The offices given (all, for an Administrator), with what is open, due soon and overdue; most urgent first.</summary>
    public async Task<IReadOnlyList<RegisterIndexRow>> OfficesAsync(bool all, IReadOnlyList<int> assigned, CancellationToken cancellationToken)
    {
        var offices = await db.Agencies.AsNoTracking()
            .Where(a => all || assigned.Contains(a.Id))
            .OrderBy(a => a.Level).ThenBy(a => a.Name)
            .Select(a => new RegisterOffice(a.Id, a.Slug, a.Name))
            .ToListAsync(cancellationToken);
        var calendar = await RegisterCalendar.LoadAsync(db, cancellationToken);
        var due = (await RegisterQueries.DueSummaryAsync(db, calendar, Today, cancellationToken)).ToDictionary(d => d.AgencyId);
        return offices.Select(o => due.TryGetValue(o.Id, out var d) ? new RegisterIndexRow(o, d.Open, d.DueSoon, d.Overdue) : new RegisterIndexRow(o, 0, 0, 0))
            .OrderByDescending(r => r.Overdue).ThenByDescending(r => r.DueSoon).ThenByDescending(r => r.Open).ToList();
    }

    public async Task<RegisterListModel> ListAsync(RegisterOffice office, int? year, string? filter, string? q, int page, CancellationToken cancellationToken)
    {
        var today = Today;
        var shownYear = AnnualReport.IsYear(year) ? year.Value : today.Year;
        var wanted = RegisterListLabels.Parse(filter);
        var search = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        var calendar = await RegisterCalendar.LoadAsync(db, cancellationToken);
        var list = await RegisterQueries.ListAsync(db, calendar, new RegisterListRequest(office.Id, today, shownYear, wanted, search, Math.Clamp(page, 1, 100_000)), cancellationToken);
        var otherYears = search is null ? [] : await RegisterQueries.OtherYearsByNumberAsync(db, office.Id, shownYear, search, cancellationToken);
        return new RegisterListModel(office, shownYear, wanted, search, list, today, otherYears);
    }

    /// <summary>The office's application, untracked, or null when it has none with that id.</summary>
    public Task<DisclosureApplication?> FindAsync(RegisterOffice office, int id, CancellationToken cancellationToken) =>
        db.RegisterApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.AgencyId == office.Id, cancellationToken);

    public async Task<ApplicationPage> ApplicationAsync(RegisterOffice office, DisclosureApplication application, CancellationToken cancellationToken)
    {
        var calendar = await RegisterCalendar.LoadAsync(db, cancellationToken);
        var published = RegisterCommands.CountedInPublished(application, await commands.PublishedYearsAsync(office.Id, cancellationToken));
        return new ApplicationPage(office, application, application.Deadline(calendar), Today, calendar, RegisterSteps.Available(application), published);
    }

    public async Task<StepPage> StepAsync(RegisterOffice office, DisclosureApplication application, RegisterStep step, StepForm form, bool conflict, CancellationToken cancellationToken) =>
        new(office, application, step, form, conflict, RegisterCommands.CountedInPublished(application, await commands.PublishedYearsAsync(office.Id, cancellationToken)));
}
