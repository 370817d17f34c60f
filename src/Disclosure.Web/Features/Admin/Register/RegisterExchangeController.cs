using Disclosure.Domain.Reports;
using Disclosure.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Disclosure.Web.Features.Admin.Register;

/// <summary>The import page: the upload form, and the message of the last refused upload (at the file field).</summary>
public sealed record RegisterImportPage(RegisterOffice Office, string? FileError = null);

/// <summary>What an uploaded file would do, shown before anything is written; <see cref="Token"/> confirms it.</summary>
public sealed record RegisterImportPreviewPage(RegisterOffice Office, string FileName, RegisterImportPreview Preview, string? Token, string? Notice = null)
{
    /// <summary>At most this many rows of each kind are listed on the page (the counts are always whole).</summary>
    public const int ListedRows = 200;
}

/// <summary>
/// The register in the exchange template (register.md) through the browser, as the <c>register</c> command does it
/// on the command line: a CSV or XLSX is uploaded, checked against the register and previewed (nothing written);
/// "确认导入" applies exactly the previewed file, all or nothing. A year exports as CSV or XLSX with the computed
/// 答复期限 / 状态 / 是否逾期; the blank template (XLSX with drop-down lists) downloads from the import page. The
/// office's Editors and Administrators only (<see cref="RegisterAccess"/>); imports and exports are audited, and no
/// personal information is logged.
/// </summary>
[Authorize(Policy = StaffPolicies.Staff)]
[Route("admin/register")]
public sealed class RegisterExchangeController(
    RegisterAccess access,
    RegisterExchange exchange,
    RegisterUploads uploads,
    ILogger<RegisterExchangeController> logger) : Controller
{
    /// <summary>The upload's request limit: the largest file read, and room for the form around it.</summary>
    private const long MaxRequestBytes = RegisterSheetReader.MaxBytes + (1024 * 1024);

    [HttpGet("template.xlsx")]
    public IActionResult Template() =>
        File(RegisterExport.Template(), XlsxContentType, "依申请公开登记台账模板.xlsx");

    [HttpGet("{slug:slug}/import")]
    public async Task<IActionResult> Import(string slug)
    {
        var (office, denied) = await access.OpenAsync(this, slug);
        return office is null ? denied! : View(new RegisterImportPage(office));
    }

    [HttpPost("{slug:slug}/import")]
    [RequestSizeLimit(MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
    public async Task<IActionResult> Import(string slug, IFormFile? file, CancellationToken cancellationToken)
    {
        var (office, denied) = await access.OpenAsync(this, slug);
        if (office is null)
        {
            return denied!;
        }

        var problem = file switch
        {
            null or { Length: 0 } => "请选择要导入的 CSV 或 XLSX 文件。",
            { Length: > RegisterSheetReader.MaxBytes } => $"文件超过 {RegisterSheetReader.MaxBytes / 1024 / 1024} MB，请按年度分成几个文件导入。",
            _ when !HasTemplateExtension(file.FileName) => "只能导入 .csv 或 .xlsx 文件（Excel 请另存为 .xlsx）。",
            _ => null,
        };
        if (problem is not null)
        {
            return ImportRefused(office, problem);
        }

        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            await file!.CopyToAsync(buffer, cancellationToken);
            bytes = buffer.ToArray();
        }

        var fileName = Path.GetFileName(file.FileName);
        var (preview, readError) = await exchange.PreviewAsync(office, bytes, cancellationToken);
        if (preview is null)
        {
            return ImportRefused(office, readError!);
        }

        var token = preview.IsRefused ? null : await uploads.KeepAsync(office.Id, ActingStaff.Id(User), fileName, bytes, cancellationToken);

        logger.LogInformation("Register import preview for agency {AgencyId}: {Added} to add, {Updated} to update, {Problems} problems",
            office.Id, preview.Additions.Count, preview.Updates.Count, preview.Problems.Count);
        return View("ImportPreview", new RegisterImportPreviewPage(office, fileName, preview, token));
    }

    [HttpPost("{slug:slug}/import/confirm")]
    public async Task<IActionResult> Confirm(string slug, string? token, CancellationToken cancellationToken)
    {
        var (office, denied) = await access.OpenAsync(this, slug);
        if (office is null)
        {
            return denied!;
        }

        if (await uploads.FindAsync(token, office.Id, ActingStaff.Id(User), cancellationToken) is not { } upload)
        {
            return ImportRefused(office, "上传的文件已过期（预览后 30 分钟内未确认）或已导入，请重新选择文件。");
        }

        // The register may have changed since the preview: check the same file again, and apply only what is shown.
        var (preview, readError) = await exchange.PreviewAsync(office, upload.Bytes, cancellationToken);
        if (preview is null)
        {
            await uploads.TakeAsync(upload.Token, cancellationToken);
            return ImportRefused(office, readError!);
        }

        if (preview.IsRefused)
        {
            await uploads.TakeAsync(upload.Token, cancellationToken);
            return View("ImportPreview", new RegisterImportPreviewPage(office, upload.FileName, preview, null, "预览后台账已有变化，重新核对后发现以下问题，未导入任何数据。"));
        }

        // Taken before it is applied: of two confirmations at once, one applies the file and the other is told so.
        if (!await uploads.TakeAsync(upload.Token, cancellationToken))
        {
            return ImportRefused(office, "上传的文件已过期（预览后 30 分钟内未确认）或已导入，请重新选择文件。");
        }

        if (!await exchange.ApplyAsync(office, upload.FileName, preview, User, cancellationToken))
        {
            return ImportRefused(office, "导入期间有申请被他人修改，未导入任何数据，请重新选择文件。");
        }

        logger.LogInformation("Register import for agency {AgencyId}: {Added} added, {Updated} updated, {Unchanged} unchanged",
            office.Id, preview.Additions.Count, preview.Updates.Count, preview.Unchanged);
        TempData["Message"] = $"已导入 {upload.FileName}：{preview.Summary}。";
        return Redirect($"/admin/register/{office.Slug}");
    }

    [HttpGet("{slug:slug}/export")]
    public async Task<IActionResult> Export(string slug, int? year, string? format, CancellationToken cancellationToken)
    {
        var (office, denied) = await access.OpenAsync(this, slug);
        if (office is null)
        {
            return denied!;
        }

        if (!AnnualReport.IsYear(year) || format is not ("csv" or "xlsx"))
        {
            return NotFound();
        }

        var rows = await exchange.ExportAsync(office, year.Value, format, User, cancellationToken);
        logger.LogInformation("Register export for agency {AgencyId}, year {Year}: {Count} applications", office.Id, year, rows.Count);
        Response.Headers.CacheControl = "no-store";
        var name = $"{office.Name}{year}年度依申请公开登记台账.{format}";
        if (format == "xlsx")
        {
            return File(RegisterExport.WriteXlsx(rows, year.Value), XlsxContentType, name);
        }

        using var csv = new MemoryStream();
        RegisterExport.WriteCsv(csv, rows);
        return File(csv.ToArray(), "text/csv; charset=utf-8", name);
    }

    private const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static bool HasTemplateExtension(string name) =>
        Path.GetExtension(name).ToLowerInvariant() is ".csv" or ".xlsx";

    private ViewResult ImportRefused(RegisterOffice office, string message)
    {
        ModelState.AddModelError("file", message);
        return View("Import", new RegisterImportPage(office, message));
    }
}
