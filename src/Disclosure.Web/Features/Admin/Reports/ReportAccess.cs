using Disclosure.Data;
using Disclosure.Domain.Reports;
using Disclosure.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Disclosure.Web.Features.Admin.Reports;

/// <summary>
/// The opening every report page shares: load the agency's report for the year, then check the agency against the
/// user (an Editor sees only the agencies assigned to them, whatever the URL says). 404 when there is no such agency
/// or year, 403 when the user may not.
/// </summary>
public sealed class ReportAccess(DisclosureDbContext db, IAuthorizationService authorization)
{
    public async Task<(ReportWorkspace? Workspace, IActionResult? Denied)> OpenAsync(ControllerBase controller, string slug, int year, AgencyOperation operation, CancellationToken cancellationToken)
    {
        var workspace = await ReportWorkspace.LoadAsync(db, slug, year, cancellationToken);
        if (workspace is null)
        {
            return (null, controller.NotFound());
        }

        return await CanAsync(controller, workspace, operation) ? (workspace, null) : (null, controller.Forbid());
    }

    public async Task<bool> CanAsync(ControllerBase controller, ReportWorkspace workspace, AgencyOperation operation) =>
        (await authorization.AuthorizeAsync(controller.User, workspace.Agency.Id, new AgencyRequirement(operation))).Succeeded;

    /// <summary>The workspace's address, or one of its pages (<c>check</c>, <c>table/3</c>).</summary>
    /// <summary>Back to the workspace with the reason, when a part is opened for editing but cannot be edited.</summary>
    public static RedirectResult NotEditable(Controller controller, ReportWorkspace workspace)
    {
        controller.TempData["Error"] = workspace.Open is null ? "尚无可修改的草稿。" : $"报告当前状态为“{workspace.Open.Status.DisplayName()}”，不能修改。";
        return controller.Redirect(Url(workspace));
    }

    public static string Url(ReportWorkspace workspace, string? page = null) =>
        $"/admin/reports/{workspace.Agency.Slug}/{workspace.Year}" + (page is null ? "" : "/" + page);
}
