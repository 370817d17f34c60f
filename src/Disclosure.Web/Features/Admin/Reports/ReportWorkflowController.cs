using Disclosure.Domain.Reports;
using Disclosure.Web.Infrastructure.Caching;
using Disclosure.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Disclosure.Web.Features.Admin.Reports;

/// <summary>
/// The workflow of one agency's report: start a draft, submit, return, approve, publish, start a correction, and the
/// written reason for a carry-over difference. Each step is one <see cref="ReportCommands"/> use case (domain call, audit row,
/// one save); a refusal comes back as the domain's message on the page the step started from.
/// </summary>
[Authorize(Policy = StaffPolicies.Staff)]
[Route("admin/reports/{slug:slug}/{year:int:reportyear}")]
public sealed class ReportWorkflowController(ReportAccess access, ReportCommands commands) : Controller
{
    [HttpPost("start")]
    public Task<IActionResult> Start(string slug, int year, CancellationToken cancellationToken) =>
        Step(slug, year, AgencyOperation.Edit, ws => async () => await commands.StartAsync(ws, User, cancellationToken), "已新建报告草稿。", cancellationToken: cancellationToken);

    [HttpPost("submit")]
    public Task<IActionResult> Submit(string slug, int year, CancellationToken cancellationToken) =>
        Step(slug, year, AgencyOperation.Edit, ws => ws.Open is { } v ? () => commands.SubmitAsync(ws, v, User, cancellationToken) : null,
            "已提交审核。", failurePage: "check", cancellationToken: cancellationToken);

    [HttpPost("return")]
    [Authorize(Policy = StaffPolicies.Review)]
    public Task<IActionResult> Return(string slug, int year, string? comment, CancellationToken cancellationToken) =>
        Step(slug, year, AgencyOperation.Read, ws => ws.Open is { } v ? () => commands.ReturnAsync(ws, v, comment, User, cancellationToken) : null,
            "已退回修改。", cancellationToken: cancellationToken);

    [HttpPost("approve")]
    [Authorize(Policy = StaffPolicies.Review)]
    public Task<IActionResult> Approve(string slug, int year, int revision, CancellationToken cancellationToken) =>
        Step(slug, year, AgencyOperation.Read, ws => ws.Open is { } v ? () => commands.ApproveAsync(ws, v, revision, User, cancellationToken) : null,
            "已审核通过。", cancellationToken: cancellationToken);

    [HttpPost("publish")]
    [Authorize(Policy = StaffPolicies.Administer)]
    public Task<IActionResult> Publish(string slug, int year, CancellationToken cancellationToken) =>
        Step(slug, year, AgencyOperation.Read, ws => ws.Open is { } v ? () => commands.PublishAsync(ws, v, User, cancellationToken) : null,
            "已发布，公众现在可以看到本报告。", cancellationToken: cancellationToken);

    [HttpPost("correction")]
    [Authorize(Policy = StaffPolicies.Administer)]
    public Task<IActionResult> Correction(string slug, int year, string? note, CancellationToken cancellationToken) =>
        Step(slug, year, AgencyOperation.Read, ws => ws.Report is { } r ? () => commands.CorrectAsync(ws, r, note, User, cancellationToken) : null,
            "已发起更正：请修改后提交审核，发布后将替换当前版本。", cancellationToken: cancellationToken);

    [HttpPost("carry-over")]
    public Task<IActionResult> CarryOver(string slug, int year, string? reason, CancellationToken cancellationToken)
    {
        if (reason?.Trim().Length > ReportVersion.CommentMaxLength)
        {
            TempData["Error"] = $"说明最多 {ReportVersion.CommentMaxLength} 字。";
            return Task.FromResult<IActionResult>(Redirect($"/admin/reports/{slug}/{year}/check"));
        }

        // The message follows the reason posted, not the one stored before.
        return Step(slug, year, AgencyOperation.Edit, ws => ws.Open is { } v ? () => commands.OverrideCarryOverAsync(ws, v, reason, User, cancellationToken) : null,
            string.IsNullOrWhiteSpace(reason) ? "已撤销上年结转差异说明。" : "已记录上年结转差异说明。", successPage: "check", cancellationToken: cancellationToken);
    }

    /// <summary>Opens the workspace, runs the step it offers (404 when there is nothing to act on), and maps the outcome.</summary>
    private async Task<IActionResult> Step(
        string slug,
        int year,
        AgencyOperation operation,
        Func<ReportWorkspace, Func<Task>?> step,
        string done,
        string? successPage = null,
        string? failurePage = null,
        CancellationToken cancellationToken = default)
    {
        var (workspace, denied) = await access.OpenAsync(this, slug, year, operation, cancellationToken);
        if (workspace is null)
        {
            return denied!;
        }

        if (step(workspace) is not { } run)
        {
            return NotFound();
        }

        try
        {
            await run();
            TempData["Message"] = done;
            return Redirect(ReportAccess.Url(workspace, successPage));
        }
        catch (ReportWorkflowException refused)
        {
            TempData["Error"] = refused.Message;
            return Redirect(ReportAccess.Url(workspace, failurePage));
        }
    }
}
