using Disclosure.Domain.Agencies;
using Disclosure.Web.Infrastructure;
using Disclosure.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Disclosure.Web.Features.Admin.Agencies;

/// <summary>The disclosure office keeps the list of agencies: names, URL slugs, levels, parents and contacts.</summary>
[Authorize(Policy = StaffPolicies.Administer)]
[Route("admin/agencies")]
public sealed class AgencyAdminController(AgencyAdminQueries queries, AgencyCommands commands) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, string? level, CancellationToken cancellationToken)
    {
        AgencyLevel? wanted = Enum.TryParse<AgencyLevel>(level, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        return View(await queries.ListAsync(q, wanted, cancellationToken));
    }

    [HttpGet("new")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Edit", new AgencyEditPage(null, null, new AgencyForm(), await queries.ParentsAsync(null, cancellationToken)));

    [HttpPost("new")]
    public async Task<IActionResult> Create(AgencyForm form, CancellationToken cancellationToken)
    {
        if (this.Validate(new AgencyFormValidator(), form))
        {
            var (id, refusal) = await commands.CreateAsync(form, User, cancellationToken);
            if (refusal is null)
            {
                TempData["Message"] = $"已新建机关“{form.Name!.Trim()}”。";
                return RedirectToAction(nameof(Index));
            }

            ModelState.AddModelError(refusal.Field, refusal.Message);
        }

        return View("Edit", new AgencyEditPage(null, null, form, await queries.ParentsAsync(null, cancellationToken)));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var form = await queries.FormAsync(id, cancellationToken);
        return form is null
            ? NotFound()
            : View(new AgencyEditPage(id, form.Slug, form, await queries.ParentsAsync(id, cancellationToken)));
    }

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Edit(int id, AgencyForm form, CancellationToken cancellationToken)
    {
        var slug = await queries.SlugAsync(id, cancellationToken);
        if (slug is null)
        {
            return NotFound();
        }

        if (this.Validate(new AgencyFormValidator(), form))
        {
            var (_, refusal) = await commands.UpdateAsync(id, form, User, cancellationToken);
            if (refusal is null)
            {
                TempData["Message"] = $"已保存机关“{form.Name!.Trim()}”。";
                return RedirectToAction(nameof(Index));
            }

            ModelState.AddModelError(refusal.Field, refusal.Message);
        }

        return View(new AgencyEditPage(id, slug, form, await queries.ParentsAsync(id, cancellationToken)));
    }
}
