using Disclosure.Data;
using Disclosure.Data.Register;
using Disclosure.Domain;
using Disclosure.Domain.Register.Cases;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using Disclosure.Web.Infrastructure;
using Disclosure.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Features.Admin.Register.Cases;

public sealed record CaseListPage(RegisterOffice Office, int Year, int ThisYear, IReadOnlyList<ReviewCase> Cases);

public sealed record CaseEditPage(RegisterOffice Office, ReviewCase? Case, CaseForm Form, CaseVoidForm VoidForm, bool Conflict, IReadOnlyList<int> PublishedYearsCounted, DateOnly Today);

public sealed record CaseTablePage(RegisterOffice Office, int Year, ReportTable Table, ReportTable? Published, int? PublishedVersion);

public sealed record CaseCellPage(RegisterOffice Office, int Year, string GroupLabel, string FieldLabel, long Count, IReadOnlyList<ReviewCase> Cases);

/// <summary>
/// An office's case register (行政复议、行政诉讼案件登记): the cases of a year, filing and correcting one, voiding one,
/// and table 四 counted from it with every cell linked to its cases (ADR 0020). Same access as the application
/// register (<see cref="RegisterAccess"/>).
/// </summary>
[Authorize(Policy = StaffPolicies.Staff)]
[Route("admin/register/{slug:slug}/cases")]
public sealed class CasesController(DisclosureDbContext db, RegisterAccess access, CaseCommands commands, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> List(string slug, int? year, CancellationToken cancellationToken)
    {
        var (office, denied) = await access.OpenAsync(this, slug);
        if (office is null)
        {
            return denied!;
        }

        var thisYear = BeijingTime.Today(clock).Year;
        var shown = year is >= 2008 and <= 2100 ? year.Value : thisYear;
        return View(new CaseListPage(office, shown, thisYear, await CaseQueries.OfYearAsync(db, office.Id, shown, cancellationToken)));
    }

    [HttpGet("new")]
    public async Task<IActionResult> Create(string slug)
    {
        var (office, denied) = await access.OpenAsync(this, slug);
        return office is null ? denied! : View("Edit", new CaseEditPage(office, null, new CaseForm(), new CaseVoidForm(), false, [], BeijingTime.Today(clock)));
    }

    [HttpPost("new")]
    public async Task<IActionResult> Create(string slug, CaseForm form, CancellationToken cancellationToken)
    {
        var (office, denied) = await access.OpenAsync(this, slug);
        if (office is null)
        {
            return denied!;
        }

        if (await ValidateAsync(office, form, null, cancellationToken))
        {
            var outcome = await commands.FileAsync(office, form, User, cancellationToken);
            if (outcome.Saved)
            {
                TempData["Message"] = $"已登记案件 {form.Number!.Trim()}。";
                return Redirect($"/admin/register/{office.Slug}/cases/{outcome.Id}");
            }

            AddProblems(outcome);
        }

        return View("Edit", new CaseEditPage(office, null, form, new CaseVoidForm(), false, [], BeijingTime.Today(clock)));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(string slug, int id, CancellationToken cancellationToken)
    {
        var (office, @case, denied) = await OpenCaseAsync(slug, id, cancellationToken);
        return denied ?? View(await PageAsync(office, @case, CaseForm.Of(@case), new CaseVoidForm { Revision = @case.Revision }, false, cancellationToken));
    }

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Edit(string slug, int id, CaseForm form, CancellationToken cancellationToken)
    {
        var (office, @case, denied) = await OpenCaseAsync(slug, id, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        var conflict = false;
        if (await ValidateAsync(office, form, id, cancellationToken))
        {
            var outcome = await commands.UpdateAsync(office, id, form, User, cancellationToken);
            if (outcome.Saved)
            {
                TempData["Message"] = $"已保存案件 {form.Number!.Trim()}。";
                return Redirect($"/admin/register/{office.Slug}/cases/{id}");
            }

            AddProblems(outcome);
            conflict = outcome.Conflict;
            if (conflict)
            {
                // What they typed stays; the form now carries the revision they have seen, so a second submit saves.
                form.Revision = outcome.CurrentRevision;
                ModelState.Remove(nameof(CaseForm.Revision));
                @case = await db.ReviewCases.AsNoTracking().SingleAsync(c => c.Id == id, cancellationToken);
            }
        }

        return View(await PageAsync(office, @case, form, new CaseVoidForm { Revision = @case.Revision }, conflict, cancellationToken));
    }

    [HttpPost("{id:int}/void")]
    public async Task<IActionResult> Void(string slug, int id, CaseVoidForm form, CancellationToken cancellationToken)
    {
        var (office, @case, denied) = await OpenCaseAsync(slug, id, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        var conflict = false;
        if (this.Validate(new CaseVoidFormValidator(), form))
        {
            var outcome = await commands.VoidAsync(office, id, form, User, cancellationToken);
            if (outcome.Saved)
            {
                TempData["Message"] = $"已作废案件 {@case.Number}，不再计入表四。";
                return Redirect($"/admin/register/{office.Slug}/cases/{id}");
            }

            AddProblems(outcome);
            conflict = outcome.Conflict;
            if (conflict)
            {
                form.Revision = outcome.CurrentRevision;
                ModelState.Remove(nameof(CaseVoidForm.Revision));
                @case = await db.ReviewCases.AsNoTracking().SingleAsync(c => c.Id == id, cancellationToken);
            }
        }

        return View("Edit", await PageAsync(office, @case, CaseForm.Of(@case), form, conflict, cancellationToken));
    }

    [HttpGet("table/{year:int:reportyear}")]
    public async Task<IActionResult> Table(string slug, int year, CancellationToken cancellationToken)
    {
        var (office, denied) = await access.OpenAsync(this, slug);
        if (office is null)
        {
            return denied!;
        }

        var table = await CaseQueries.TableAsync(db, office.Id, year, cancellationToken);
        var published = await RegisterTableController.PublishedTableAsync(db, office.Id, year, ReportTableId.Reviews, cancellationToken);
        return View(new CaseTablePage(office, year, table, published?.Table, published?.Number));
    }

    [HttpGet("table/{year:int:reportyear}/cell")]
    public async Task<IActionResult> Cell(string slug, int year, string? group, string? field, CancellationToken cancellationToken)
    {
        var (office, denied) = await access.OpenAsync(this, slug);
        if (office is null)
        {
            return denied!;
        }

        if (group is null || field is null || !ReviewsLayout.Layout.Contains(group, field))
        {
            return NotFound();
        }

        var cases = await CaseQueries.InCellAsync(db, office.Id, year, group, field, cancellationToken);
        return View(new CaseCellPage(office, year, CellLabels.Row(ReviewsLayout.Layout, group), CellLabels.Column(ReviewsLayout.Layout, field), cases.Count, cases));
    }

    private void AddProblems(CaseOutcome outcome) => AddProblems(outcome.Problems);

    private void AddProblems(IEnumerable<(string Field, string Message)> problems)
    {
        foreach (var (field, message) in problems)
        {
            ModelState.AddModelError(field, message);
        }
    }

    /// <summary>The form's checks and the stored ones together, so one submission names every problem.</summary>
    private async Task<bool> ValidateAsync(RegisterOffice office, CaseForm form, int? id, CancellationToken cancellationToken)
    {
        var valid = this.Validate(new CaseFormValidator(BeijingTime.Today(clock)), form);
        var stored = await commands.StoredProblemsAsync(office, form.Number, form.ApplicationNumber, id, cancellationToken);
        AddProblems(stored);
        return valid && stored.Count == 0;
    }

    private async Task<CaseEditPage> PageAsync(RegisterOffice office, ReviewCase @case, CaseForm form, CaseVoidForm voidForm, bool conflict, CancellationToken cancellationToken) =>
        new(office, @case, form, voidForm, conflict, CaseCommands.CountedInPublished(@case.Counted, await commands.PublishedYearsAsync(office.Id, cancellationToken)), BeijingTime.Today(clock));

    private async Task<(RegisterOffice Office, ReviewCase Case, IActionResult? Denied)> OpenCaseAsync(string slug, int id, CancellationToken cancellationToken)
    {
        var (office, denied) = await access.OpenAsync(this, slug);
        if (office is null)
        {
            return (null!, null!, denied);
        }

        var @case = await db.ReviewCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.AgencyId == office.Id, cancellationToken);
        return @case is null ? (office, null!, NotFound()) : (office, @case, null);
    }
}
