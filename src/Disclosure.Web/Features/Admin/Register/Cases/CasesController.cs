using Disclosure.Domain.Register.Cases;
using Disclosure.Domain.Reports.Layouts;
using Disclosure.Web.Infrastructure;
using Disclosure.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Disclosure.Web.Features.Admin.Register.Cases;

/// <summary>
/// An office's case register (行政复议、行政诉讼案件登记): the cases of a year, filing and correcting one, voiding one,
/// and table 四 counted from it with every cell linked to its cases (ADR 0020). Same access as the application
/// register (<see cref="RegisterAccess"/>).
/// </summary>
[Authorize(Policy = StaffPolicies.Staff)]
[Route("admin/register/{slug:slug}/cases")]
public sealed class CasesController(RegisterAccess access, CasePages pages, CaseCommands commands) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> List(string slug, int? year, CancellationToken cancellationToken)
    {
        var (office, denied) = await access.OpenAsync(this, slug);
        return office is null ? denied! : View(await pages.ListAsync(office, year, cancellationToken));
    }

    [HttpGet("new")]
    public async Task<IActionResult> Create(string slug)
    {
        var (office, denied) = await access.OpenAsync(this, slug);
        return office is null ? denied! : View("Edit", pages.New(office, new CaseForm()));
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

            AddProblems(outcome.Problems);
        }

        return View("Edit", pages.New(office, form));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(string slug, int id, CancellationToken cancellationToken)
    {
        var (office, @case, denied) = await OpenCaseAsync(slug, id, cancellationToken);
        return denied ?? View(await pages.EditAsync(office, @case, CaseForm.Of(@case), new CaseVoidForm { Revision = @case.Revision }, false, cancellationToken));
    }

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Edit(string slug, int id, CaseForm form, CancellationToken cancellationToken)
    {
        var (office, @case, denied) = await OpenCaseAsync(slug, id, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        var valid = await ValidateAsync(office, form, id, cancellationToken);
        var (saved, seen) = valid ? await WriteAsync(office, id, () => commands.UpdateAsync(office, id, form, User, cancellationToken), $"已保存案件 {form.Number?.Trim()}。", cancellationToken) : (null, null);
        if (saved is not null)
        {
            return saved;
        }

        if (seen is not null)
        {
            // What they typed stays; the form now carries the revision they have seen, so a second submit saves.
            form.Revision = seen.Revision;
            ModelState.Remove(nameof(CaseForm.Revision));
        }

        return View(await pages.EditAsync(office, seen ?? @case, form, new CaseVoidForm { Revision = (seen ?? @case).Revision }, seen is not null, cancellationToken));
    }

    [HttpPost("{id:int}/void")]
    public async Task<IActionResult> Void(string slug, int id, CaseVoidForm form, CancellationToken cancellationToken)
    {
        var (office, @case, denied) = await OpenCaseAsync(slug, id, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        var valid = this.Validate(new CaseVoidFormValidator(), form);
        var (saved, seen) = valid ? await WriteAsync(office, id, () => commands.VoidAsync(office, id, form, User, cancellationToken), $"已作废案件 {@case.Number}，不再计入表四。", cancellationToken) : (null, null);
        if (saved is not null)
        {
            return saved;
        }

        if (seen is not null)
        {
            form.Revision = seen.Revision;
            ModelState.Remove(nameof(CaseVoidForm.Revision));
        }

        var shown = seen ?? @case;
        return View("Edit", await pages.EditAsync(office, shown, CaseForm.Of(shown), form, seen is not null, cancellationToken));
    }

    [HttpGet("table/{year:int:reportyear}")]
    public async Task<IActionResult> Table(string slug, int year, CancellationToken cancellationToken)
    {
        var (office, denied) = await access.OpenAsync(this, slug);
        return office is null ? denied! : View(await pages.TableAsync(office, year, cancellationToken));
    }

    [HttpGet("table/{year:int:reportyear}/cell")]
    public async Task<IActionResult> Cell(string slug, int year, string? group, string? field, CancellationToken cancellationToken)
    {
        var (office, denied) = await access.OpenAsync(this, slug);
        if (office is null)
        {
            return denied!;
        }

        return group is null || field is null || !ReviewsLayout.Layout.Contains(group, field)
            ? NotFound()
            : View(await pages.CellAsync(office, year, group, field, cancellationToken));
    }

    /// <summary>
    /// Runs a write: the redirect to the case when it saved, or — when someone changed the case in between — the case
    /// as it now is; refusals go to ModelState at their fields.
    /// </summary>
    private async Task<(IActionResult? Saved, ReviewCase? Seen)> WriteAsync(RegisterOffice office, int id, Func<Task<CaseOutcome>> write, string message, CancellationToken cancellationToken)
    {
        var outcome = await write();
        if (outcome.Saved)
        {
            TempData["Message"] = message;
            return (Redirect($"/admin/register/{office.Slug}/cases/{id}"), null);
        }

        AddProblems(outcome.Problems);
        return (null, outcome.Conflict ? await pages.FindAsync(office, id, cancellationToken) : null);
    }

    private void AddProblems(IEnumerable<(string Field, string Message)> problems)
    {
        foreach (var (field, message) in problems)
        {
            ModelState.AddModelError(field, message);
        }
    }

    /// <summary>
    /// The form's checks. When they refuse, the stored checks (a number in use, an application not in the register)
    /// are added, so one submission names every problem; when they pass, the command runs the stored checks itself.
    /// </summary>
    private async Task<bool> ValidateAsync(RegisterOffice office, CaseForm form, int? id, CancellationToken cancellationToken)
    {
        if (this.Validate(new CaseFormValidator(pages.Today), form))
        {
            return true;
        }

        AddProblems(await commands.StoredProblemsAsync(office, form.Number, form.ApplicationNumber, id, cancellationToken));
        return false;
    }

    private async Task<(RegisterOffice Office, ReviewCase Case, IActionResult? Denied)> OpenCaseAsync(string slug, int id, CancellationToken cancellationToken)
    {
        var (office, denied) = await access.OpenAsync(this, slug);
        if (office is null)
        {
            return (null!, null!, denied);
        }

        var @case = await pages.FindAsync(office, id, cancellationToken);
        return @case is null ? (office, null!, NotFound()) : (office, @case, null);
    }
}
