using Disclosure.Data.Identity;
using Disclosure.Data.Register;
using Disclosure.Domain.Register;
using Disclosure.Web.Infrastructure;
using Disclosure.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Disclosure.Web.Features.Admin.Register;

public sealed record RegisterIndexRow(RegisterOffice Office, int Open, int DueSoon, int Overdue);

public sealed record RegisterListModel(RegisterOffice Office, int Year, RegisterFilter Filter, string? Search, RegisterListPage Page, DateOnly Today, IReadOnlyList<(int Year, int Count)> OtherYears)
{
    public string Query(int? year = null, RegisterFilter? filter = null, int page = 1)
    {
        var parts = new List<string> { $"year={year ?? Year}" };
        var f = filter ?? Filter;
        if (f != RegisterFilter.All)
        {
            parts.Add("filter=" + RegisterListLabels.Segment(f));
        }

        if (!string.IsNullOrEmpty(Search))
        {
            parts.Add("q=" + Uri.EscapeDataString(Search));
        }

        if (page > 1)
        {
            parts.Add($"page={page}");
        }

        return $"/admin/register/{Office.Slug}?" + string.Join("&", parts);
    }
}

public static class RegisterListLabels
{
    public static readonly IReadOnlyList<RegisterFilter> Tabs =
        [RegisterFilter.All, RegisterFilter.InProgress, RegisterFilter.DueSoon, RegisterFilter.Overdue, RegisterFilter.Answered];

    public static string Label(RegisterFilter filter) => filter switch
    {
        RegisterFilter.InProgress => "办理中",
        RegisterFilter.DueSoon => "三个工作日内到期",
        RegisterFilter.Overdue => "已逾期",
        RegisterFilter.Answered => "已办结",
        _ => "全部",
    };

    public static string Segment(RegisterFilter filter) => filter switch
    {
        RegisterFilter.InProgress => "open",
        RegisterFilter.DueSoon => "due-soon",
        RegisterFilter.Overdue => "overdue",
        RegisterFilter.Answered => "answered",
        _ => "all",
    };

    public static RegisterFilter Parse(string? segment) =>
        Tabs.FirstOrDefault(t => Segment(t) == segment);
}

public sealed record ApplicationPage(
    RegisterOffice Office,
    DisclosureApplication Application,
    AnswerDeadline? Deadline,
    DateOnly Today,
    WorkingCalendar Calendar,
    IReadOnlyList<RegisterStep> Steps,
    IReadOnlyList<int> PublishedYearsCounted);

public sealed record NewApplicationPage(RegisterOffice Office, ApplicationForm Form);

public sealed record StepPage(
    RegisterOffice Office,
    DisclosureApplication Application,
    RegisterStep Step,
    StepForm Form,
    bool Conflict,
    IReadOnlyList<int> PublishedYearsCounted);

/// <summary>
/// An office's register of disclosure applications (依申请公开登记台账): the list by year, an application with its
/// timeline and the computation of its deadline, registering one, and one form per event. Its Editors and
/// Administrators only (<see cref="RegisterAccess"/>): the register holds personal information.
/// </summary>
[Authorize(Policy = StaffPolicies.Staff)]
[Route("admin/register")]
public sealed class RegisterController(RegisterAccess access, RegisterPages pages, RegisterCommands commands) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var isAdmin = User.IsInRole(PortalRoles.Administrator);
        var assigned = User.FindAll(StaffPolicies.AgencyClaim).Select(c => int.Parse(c.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        if (!isAdmin && (!User.IsInRole(PortalRoles.Editor) || assigned.Count == 0))
        {
            return Forbid();
        }

        var offices = await pages.OfficesAsync(isAdmin, assigned, cancellationToken);
        return !isAdmin && offices.Count == 1 ? Redirect($"/admin/register/{offices[0].Office.Slug}") : View(offices);
    }

    [HttpGet("{slug:slug}")]
    public async Task<IActionResult> List(string slug, int? year, string? filter, string? q, int page = 1, CancellationToken cancellationToken = default)
    {
        var (office, denied) = await OpenAsync(slug);
        if (office is null)
        {
            return denied!;
        }

        return View(await pages.ListAsync(office, year, filter, q, page, cancellationToken));
    }

    [HttpGet("{slug:slug}/new")]
    public async Task<IActionResult> Create(string slug)
    {
        var (office, denied) = await OpenAsync(slug);
        return office is null ? denied! : View("New", new NewApplicationPage(office, new ApplicationForm { ReceivedOn = WorkingCalendar.Format(pages.Today) }));
    }

    [HttpPost("{slug:slug}/new")]
    public async Task<IActionResult> Create(string slug, ApplicationForm form, CancellationToken cancellationToken)
    {
        var (office, denied) = await OpenAsync(slug);
        if (office is null)
        {
            return denied!;
        }

        if (this.Validate(new ApplicationFormValidator(), form))
        {
            var (id, problems) = await commands.RegisterAsync(office, form, User, cancellationToken);
            if (problems.Count == 0)
            {
                TempData["Message"] = $"已登记申请 {form.Number!.Trim()}。";
                return Redirect($"/admin/register/{office.Slug}/{id}");
            }

            foreach (var (field, message) in problems)
            {
                ModelState.AddModelError(field, message);
            }
        }

        return View("New", new NewApplicationPage(office, form));
    }

    [HttpGet("{slug:slug}/{id:int}")]
    public async Task<IActionResult> Show(string slug, int id, CancellationToken cancellationToken)
    {
        var (office, denied) = await OpenAsync(slug);
        if (office is null)
        {
            return denied!;
        }

        var application = await pages.FindAsync(office, id, cancellationToken);
        if (application is null)
        {
            return NotFound();
        }

        await commands.RecordViewAsync(office, id, application.Number, User, cancellationToken);
        return View(await pages.ApplicationAsync(office, application, cancellationToken));
    }

    [HttpGet("{slug:slug}/{id:int}/{step}")]
    public async Task<IActionResult> Step(string slug, int id, string step, CancellationToken cancellationToken)
    {
        var (office, application, kind, denied) = await OpenStepAsync(slug, id, step, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        var form = new StepForm { Revision = application.Revision, Date = WorkingCalendar.Format(pages.Today) };
        return View(await pages.StepAsync(office, application, kind, form, false, cancellationToken));
    }

    [HttpPost("{slug:slug}/{id:int}/{step}")]
    public async Task<IActionResult> Step(string slug, int id, string step, StepForm form, CancellationToken cancellationToken)
    {
        var (office, application, kind, denied) = await OpenStepAsync(slug, id, step, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        var conflict = false;
        if (this.Validate(new StepFormValidator(kind), form))
        {
            var outcome = await commands.ApplyAsync(office, id, kind, form, User, cancellationToken);
            if (outcome.Saved)
            {
                TempData["Message"] = $"已登记：{kind.Title()}。";
                return Redirect($"/admin/register/{office.Slug}/{id}");
            }

            foreach (var (field, message) in outcome.Problems)
            {
                ModelState.AddModelError(field, message);
            }

            if (outcome.Conflict)
            {
                // What they typed stays; the form now carries the revision they have seen, so a second submit saves.
                conflict = true;
                form.Revision = outcome.CurrentRevision;
                ModelState.Remove(nameof(StepForm.Revision));
                application = (await pages.FindAsync(office, id, cancellationToken))!;
            }
        }

        return View(await pages.StepAsync(office, application, kind, form, conflict, cancellationToken));
    }

    private async Task<(RegisterOffice Office, DisclosureApplication Application, RegisterStep Step, IActionResult? Denied)> OpenStepAsync(
        string slug, int id, string segment, CancellationToken cancellationToken)
    {
        var (office, denied) = await OpenAsync(slug);
        if (office is null)
        {
            return (null!, null!, default, denied);
        }

        var application = RegisterSteps.Parse(segment) is null
            ? null
            : await pages.FindAsync(office, id, cancellationToken);
        return application is null ? (office, null!, default, NotFound()) : (office, application, RegisterSteps.Parse(segment)!.Value, null);
    }

    private Task<(RegisterOffice? Office, IActionResult? Denied)> OpenAsync(string slug) => access.OpenAsync(this, slug);
}
