using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using Disclosure.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Disclosure.Web.Features.Admin.Reports;

/// <summary>The upload page, and the preview of a workbook read back.</summary>
public sealed record TablesImportPage(ReportWorkspace Workspace, int Revision, TablesUpload? Upload = null, string? FileError = null);

/// <summary>
/// Tables 二, 三 and 四 through Excel: download them as a workbook in the printed layout (what is saved now, last
/// year's carry-over included), fill it in Excel or WPS, upload it, see every change and every problem by its printed
/// label, confirm. The confirmation posts the previewed figures; nothing is saved before it, and nothing at all while
/// any figure has a problem.
/// </summary>
[Authorize(Policy = StaffPolicies.Staff)]
[Route("admin/reports/{slug:slug}/{year:int:reportyear}")]
public sealed class ReportTablesExchangeController(ReportAccess access, ReportCommands commands) : Controller
{
    [HttpGet("tables.xlsx")]
    public async Task<IActionResult> Download(string slug, int year, CancellationToken cancellationToken)
    {
        var (workspace, denied) = await access.OpenAsync(this, slug, year, AgencyOperation.Read, cancellationToken);
        if (workspace?.WorkingDocument is not { } document)
        {
            return denied ?? NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return File(TablesWorkbook.Write(document, workspace.Agency.Name), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"{workspace.Agency.Name}{year}年度报告统计表.xlsx");
    }

    [HttpGet("tables/import")]
    public async Task<IActionResult> Import(string slug, int year, CancellationToken cancellationToken)
    {
        var (workspace, denied) = await access.OpenAsync(this, slug, year, AgencyOperation.Edit, cancellationToken);
        if (workspace is null)
        {
            return denied!;
        }

        return workspace.Open is { IsEditable: true } version ? View("TablesImport", new TablesImportPage(workspace, version.Revision)) : ReportAccess.NotEditable(this, workspace);
    }

    [HttpPost("tables/import")]
    [RequestSizeLimit(TablesWorkbook.MaxBytes + 64 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = TablesWorkbook.MaxBytes + 64 * 1024)]
    public async Task<IActionResult> Import(string slug, int year, IFormFile? file, CancellationToken cancellationToken)
    {
        var (workspace, denied) = await access.OpenAsync(this, slug, year, AgencyOperation.Edit, cancellationToken);
        if (workspace is null)
        {
            return denied!;
        }

        if (workspace.Open is not { IsEditable: true } version)
        {
            return ReportAccess.NotEditable(this, workspace);
        }

        string? problem = file switch
        {
            null or { Length: 0 } => "请选择要上传的文件。",
            { Length: > TablesWorkbook.MaxBytes } => $"文件超过 {TablesWorkbook.MaxBytes / 1024 / 1024} MB。",
            _ when !file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) => "请上传 .xlsx 文件（本页下载的模板）。",
            _ => null,
        };
        if (problem is not null)
        {
            return View("TablesImport", new TablesImportPage(workspace, version.Revision, FileError: problem));
        }

        await using var stream = new MemoryStream();
        await file!.CopyToAsync(stream, cancellationToken);
        stream.Position = 0;
        var upload = TablesWorkbook.Read(stream, workspace.WorkingDocument!, workspace.Agency.Name);
        return View("TablesImport", new TablesImportPage(workspace, version.Revision, upload, upload.FileProblem));
    }

    /// <summary>Saves the previewed figures (<c>Cells["3:new.natural_person"]</c>) if the report is as it was previewed.</summary>
    [HttpPost("tables/import/confirm")]
    public async Task<IActionResult> Confirm(string slug, int year, int revision, Dictionary<string, string?> cells, CancellationToken cancellationToken)
    {
        var (workspace, denied) = await access.OpenAsync(this, slug, year, AgencyOperation.Edit, cancellationToken);
        if (workspace is null)
        {
            return denied!;
        }

        if (workspace.Open is not { IsEditable: true } version)
        {
            return ReportAccess.NotEditable(this, workspace);
        }

        if (revision != version.Revision)
        {
            TempData["Error"] = "预览之后报告又被保存过，没有导入。请重新上传文件，核对预览后再确认。";
            return Redirect(ReportAccess.Url(workspace, "tables/import"));
        }

        var document = workspace.WorkingDocument!;
        foreach (var (name, raw) in cells)
        {
            if (!TryCell(document, name, out var table, out var row, out var column) || CellInput.Problem(raw, column.Kind) is not null)
            {
                TempData["Error"] = "导入的数据有误，没有导入。请重新上传文件。";
                return Redirect(ReportAccess.Url(workspace, "tables/import"));
            }

            table[row, column.Key] = CellInput.Parse(raw, column.Kind);
        }

        ReportTotals.Apply(document);
        var conflict = await commands.SaveAsync(workspace, version, document, revision, User, cancellationToken);
        if (conflict is not null)
        {
            TempData["Error"] = "保存时报告刚被别处修改，没有导入。请重新上传文件。";
            return Redirect(ReportAccess.Url(workspace, "tables/import"));
        }

        TempData["Message"] = "已从 Excel 导入表二、表三、表四。";
        return Redirect(ReportAccess.Url(workspace));
    }

    private static bool TryCell(AnnualReport document, string name, out ReportTable table, out string row, out ColumnDefinition column)
    {
        table = null!;
        row = "";
        column = null!;
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (colon < 1 || dot < colon || !int.TryParse(name[..colon], out var number) || number is < 2 or > 4)
        {
            return false;
        }

        table = document.Table((ReportTableId)number);
        row = name[(colon + 1)..dot];
        var found = table.Layout.Row(row)?.Column(name[(dot + 1)..]);
        if (found is null || table.Layout.IsComputed(row, found.Key))
        {
            return false;
        }

        column = found;
        return true;
    }
}
