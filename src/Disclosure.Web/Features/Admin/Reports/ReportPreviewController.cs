using Disclosure.Domain.Reports;
using Disclosure.Reporting.Pdf;
using Disclosure.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Disclosure.Web.Features.Admin.Reports;

/// <summary>The report as it will be published, before it is: the check page (every finding), the page and the PDF.</summary>
[Authorize(Policy = StaffPolicies.Staff)]
[Route("admin/reports/{slug:slug}/{year:int:reportyear}")]
public sealed class ReportPreviewController(ReportAccess access) : Controller
{
    [HttpGet("check")]
    public async Task<IActionResult> Check(string slug, int year, CancellationToken cancellationToken)
    {
        var (workspace, denied) = await access.OpenAsync(this, slug, year, AgencyOperation.Read, cancellationToken);
        if (workspace?.Working is null)
        {
            return denied ?? NotFound();
        }

        ViewData["CanEdit"] = await access.CanAsync(this, workspace, AgencyOperation.Edit);
        return View(new CheckPage(workspace, workspace.ToViewModel()));
    }

    [HttpGet("preview")]
    public async Task<IActionResult> Preview(string slug, int year, CancellationToken cancellationToken)
    {
        var (workspace, denied) = await access.OpenAsync(this, slug, year, AgencyOperation.Read, cancellationToken);
        if (workspace?.Working is null)
        {
            return denied ?? NotFound();
        }

        ViewData["Preview"] = workspace.Working.Status.DisplayName();
        return View("/Features/Reports/Show.cshtml", workspace.ToViewModel());
    }

    [HttpGet("preview.pdf")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(DraftPdfCache.RateLimit)]
    public async Task<IActionResult> PreviewPdf(string slug, int year, [FromServices] DraftPdfCache previews, CancellationToken cancellationToken)
    {
        var (workspace, denied) = await access.OpenAsync(this, slug, year, AgencyOperation.Read, cancellationToken);
        if (workspace?.Working is not { } version)
        {
            return denied ?? NotFound();
        }

        var pdf = await previews.GetAsync(version.Id, version.Revision, version.IsOpen, () =>
            AnnualReportPdf.Build(workspace.WorkingDocument!, DateOnly.FromDateTime(version.UpdatedAt.UtcDateTime), isDraft: version.IsOpen), cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return File(pdf, "application/pdf");
    }

    /// <summary>The working version as a Word document for 领导审签 (a draft says so on its first line).</summary>
    [HttpGet("preview.docx")]
    public async Task<IActionResult> PreviewDocx(string slug, int year, CancellationToken cancellationToken)
    {
        var (workspace, denied) = await access.OpenAsync(this, slug, year, AgencyOperation.Read, cancellationToken);
        if (workspace?.Working is not { } version)
        {
            return denied ?? NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return File(Features.Reports.AnnualReportDocx.Write(workspace.WorkingDocument!, draft: version.IsOpen), Features.Reports.AnnualReportDocx.ContentType,
            Features.Reports.AnnualReportDocx.FileName(workspace.Agency.Name, year, version.IsOpen));
    }
}
