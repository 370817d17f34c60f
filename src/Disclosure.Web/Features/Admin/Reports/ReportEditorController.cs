using Disclosure.Data;
using Disclosure.Domain.Audit;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using Disclosure.Domain.Rules;
using Disclosure.Reporting.Pdf;
using Disclosure.Web.Features.Reports;
using Disclosure.Web.Infrastructure;
using Disclosure.Web.Infrastructure.Caching;
using Disclosure.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Disclosure.Web.Features.Admin.Reports;

/// <summary>
/// One agency's report for one year, as staff prepare it: start, one form per part, the check page, preview, and the
/// workflow (submit, return, approve, publish, correct). Every action checks the agency against the user (an Editor
/// sees only the agencies assigned to them, whatever the URL says).
/// </summary>
[Authorize(Policy = StaffPolicies.Staff)]
[Route("admin/reports/{slug}/{year:int}")]
public sealed class ReportEditorController(
    DisclosureDbContext db,
    ReportCommands commands,
    IAuthorizationService authorization,
    TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Workspace(string slug, int year, CancellationToken cancellationToken)
    {
        var (workspace, denied) = await OpenAsync(slug, year, AgencyOperation.Read, cancellationToken);
        if (workspace is null)
        {
            return denied!;
        }

        ViewData["CanEdit"] = await Can(workspace, AgencyOperation.Edit);
        return View(workspace);
    }

    [HttpPost("start")]
    public async Task<IActionResult> Start(string slug, int year, CancellationToken cancellationToken)
    {
        var (workspace, denied) = await OpenAsync(slug, year, AgencyOperation.Edit, cancellationToken);
        if (workspace is null)
        {
            return denied!;
        }

        return await Workflow(workspace, () => commands.StartAsync(workspace, User, cancellationToken), "已新建报告草稿。");
    }

    [HttpGet("metadata")]
    public Task<IActionResult> Metadata(string slug, int year, CancellationToken cancellationToken) =>
        EditPart(slug, year, (ws, v, doc) => View("Metadata", new PartPage<MetadataForm>(ws, MetadataForm.From(doc, v.Revision))), cancellationToken);

    [HttpPost("metadata")]
    public Task<IActionResult> Metadata(string slug, int year, MetadataForm form, CancellationToken cancellationToken) =>
        SavePart(slug, year, form, new MetadataFormValidator(year), "Metadata", (doc, f) =>
        {
            f.ApplyTo(doc, out var updated);
            return updated;
        }, null, cancellationToken);

    [HttpGet("sections")]
    public Task<IActionResult> Sections(string slug, int year, CancellationToken cancellationToken) =>
        EditPart(slug, year, (ws, v, doc) => View("Sections", new PartPage<SectionsForm>(ws, SectionsForm.From(doc, v.Revision))), cancellationToken);

    [HttpPost("sections")]
    public Task<IActionResult> Sections(string slug, int year, SectionsForm form, CancellationToken cancellationToken) =>
        SavePart(slug, year, form, new SectionsFormValidator(), "Sections", (doc, f) =>
        {
            doc.Sections = f.ToSections();
            return doc;
        }, null, cancellationToken);

    [HttpGet("table/{table:int:range(2,4)}")]
    public Task<IActionResult> Table(string slug, int year, int table, CancellationToken cancellationToken) =>
        EditPart(slug, year, (ws, v, doc) =>
            View("Table", new TablePage(ws, TableForm.From(doc.Table((ReportTableId)table), v.Revision), (ReportTableId)table, doc)), cancellationToken);

    [HttpPost("table/{table:int:range(2,4)}")]
    public Task<IActionResult> Table(string slug, int year, int table, TableForm form, CancellationToken cancellationToken)
    {
        var id = (ReportTableId)table;
        return SavePart(slug, year, form, null, "Table", (doc, f) =>
        {
            f.ApplyTo(doc, id);
            return doc;
        }, id, cancellationToken);
    }

    [HttpGet("check")]
    public async Task<IActionResult> Check(string slug, int year, CancellationToken cancellationToken)
    {
        var (workspace, denied) = await OpenAsync(slug, year, AgencyOperation.Read, cancellationToken);
        if (workspace?.Working is null)
        {
            return denied ?? NotFound();
        }

        ViewData["CanEdit"] = await Can(workspace, AgencyOperation.Edit);
        return View(new CheckPage(workspace, ToViewModel(workspace)));
    }

    [HttpPost("carry-over")]
    public async Task<IActionResult> CarryOver(string slug, int year, string? reason, CancellationToken cancellationToken)
    {
        var (workspace, denied) = await OpenAsync(slug, year, AgencyOperation.Edit, cancellationToken);
        if (workspace?.Open is not { } version)
        {
            return denied ?? NotFound();
        }

        if (reason?.Trim().Length > ReportVersion.CommentMaxLength)
        {
            TempData["Error"] = $"说明最多 {ReportVersion.CommentMaxLength} 字。";
            return RedirectToAction(nameof(Check), new { slug, year });
        }

        return await Workflow(workspace, async () =>
        {
            version.OverrideCarryOver(reason, clock.GetUtcNow());
            await commands.RecordAsync(workspace, version, AuditAction.CarryOverOverridden, version.CarryOverOverride ?? "撤销说明", User, cancellationToken);
        }, string.IsNullOrWhiteSpace(reason) ? "已撤销上年结转差异说明。" : "已记录上年结转差异说明。", nameof(Check)); // the reason posted, not the one stored before
    }

    [HttpGet("preview")]
    public async Task<IActionResult> Preview(string slug, int year, CancellationToken cancellationToken)
    {
        var (workspace, denied) = await OpenAsync(slug, year, AgencyOperation.Read, cancellationToken);
        if (workspace?.Working is null)
        {
            return denied ?? NotFound();
        }

        ViewData["Preview"] = workspace.Working.Status.DisplayName();
        return View("/Features/Reports/Show.cshtml", ToViewModel(workspace));
    }

    [HttpGet("preview.pdf")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(DraftPdfCache.RateLimit)]
    public async Task<IActionResult> PreviewPdf(string slug, int year, [FromServices] DraftPdfCache previews, CancellationToken cancellationToken)
    {
        var (workspace, denied) = await OpenAsync(slug, year, AgencyOperation.Read, cancellationToken);
        if (workspace?.Working is not { } version)
        {
            return denied ?? NotFound();
        }

        var pdf = await previews.GetAsync(version.Id, version.Revision, version.IsOpen, () =>
            AnnualReportPdf.Build(workspace.WorkingDocument!, DateOnly.FromDateTime(version.UpdatedAt.UtcDateTime), isDraft: version.IsOpen), cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return File(pdf, "application/pdf");
    }

    [HttpPost("submit")]
    public async Task<IActionResult> Submit(string slug, int year, CancellationToken cancellationToken)
    {
        var (workspace, denied) = await OpenAsync(slug, year, AgencyOperation.Edit, cancellationToken);
        if (workspace?.Open is not { } version)
        {
            return denied ?? NotFound();
        }

        return await Workflow(workspace, async () =>
        {
            version.Submit(workspace.PreviousYear, clock.GetUtcNow());
            await commands.RecordAsync(workspace, version, AuditAction.ReportSubmitted, null, User, cancellationToken);
        }, "已提交审核。", failureAction: nameof(Check));
    }

    [HttpPost("return")]
    [Authorize(Policy = StaffPolicies.Review)]
    public async Task<IActionResult> Return(string slug, int year, string? comment, CancellationToken cancellationToken)
    {
        var (workspace, denied) = await OpenAsync(slug, year, AgencyOperation.Read, cancellationToken);
        if (workspace?.Open is not { } version)
        {
            return denied ?? NotFound();
        }

        return await Workflow(workspace, async () =>
        {
            version.Return(comment ?? "", clock.GetUtcNow());
            await commands.RecordAsync(workspace, version, AuditAction.ReportReturned, version.ReturnComment, User, cancellationToken);
        }, "已退回修改。");
    }

    [HttpPost("approve")]
    [Authorize(Policy = StaffPolicies.Review)]
    public async Task<IActionResult> Approve(string slug, int year, int revision, CancellationToken cancellationToken)
    {
        var (workspace, denied) = await OpenAsync(slug, year, AgencyOperation.Read, cancellationToken);
        if (workspace?.Open is not { } version)
        {
            return denied ?? NotFound();
        }

        return await Workflow(workspace, () => commands.ApproveAsync(workspace, version, revision, User, cancellationToken), "已审核通过。");
    }

    [HttpPost("publish")]
    [Authorize(Policy = StaffPolicies.Administer)]
    public async Task<IActionResult> Publish(string slug, int year, CancellationToken cancellationToken)
    {
        var (workspace, denied) = await OpenAsync(slug, year, AgencyOperation.Read, cancellationToken);
        if (workspace?.Open is not { } version)
        {
            return denied ?? NotFound();
        }

        return await Workflow(workspace, async () =>
        {
            workspace.Report!.Publish(version, clock.GetUtcNow());
            await commands.RecordAsync(workspace, version, AuditAction.ReportPublished, version.CorrectionNote is null ? null : "更正：" + version.CorrectionNote, User, cancellationToken);
            await HttpContext.EvictPublishedReportAsync(slug, year, cancellationToken);
        }, "已发布，公众现在可以看到本报告。");
    }

    [HttpPost("correction")]
    [Authorize(Policy = StaffPolicies.Administer)]
    public async Task<IActionResult> Correction(string slug, int year, string? note, CancellationToken cancellationToken)
    {
        var (workspace, denied) = await OpenAsync(slug, year, AgencyOperation.Read, cancellationToken);
        if (workspace?.Report is not { } report)
        {
            return denied ?? NotFound();
        }

        return await Workflow(workspace, async () =>
        {
            var correction = report.StartCorrection(note ?? "", clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            await commands.RecordAsync(workspace, correction, AuditAction.CorrectionStarted, correction.CorrectionNote, User, cancellationToken);
        }, "已发起更正：请修改后提交审核，发布后将替换当前版本。");
    }

    private async Task<(ReportWorkspace? Workspace, IActionResult? Denied)> OpenAsync(string slug, int year, AgencyOperation operation, CancellationToken cancellationToken)
    {
        var workspace = await ReportWorkspace.LoadAsync(db, slug, year, cancellationToken);
        if (workspace is null)
        {
            return (null, NotFound());
        }

        return await Can(workspace, operation) ? (workspace, null) : (null, Forbid());
    }

    private async Task<bool> Can(ReportWorkspace workspace, AgencyOperation operation) =>
        (await authorization.AuthorizeAsync(User, workspace.Agency.Id, new AgencyRequirement(operation))).Succeeded;

    private async Task<IActionResult> EditPart(string slug, int year, Func<ReportWorkspace, ReportVersion, AnnualReport, IActionResult> view, CancellationToken cancellationToken)
    {
        var (workspace, denied) = await OpenAsync(slug, year, AgencyOperation.Edit, cancellationToken);
        if (workspace is null)
        {
            return denied!;
        }

        if (workspace.Open is not { IsEditable: true } version)
        {
            TempData["Error"] = workspace.Open is null ? "尚无可修改的草稿。" : $"报告当前状态为“{workspace.Open.Status.DisplayName()}”，不能修改。";
            return RedirectToAction(nameof(Workspace), new { slug, year });
        }

        return view(workspace, version, workspace.WorkingDocument!);
    }

    private async Task<IActionResult> SavePart<TForm>(
        string slug,
        int year,
        TForm form,
        FluentValidation.IValidator<TForm>? validator,
        string viewName,
        Func<AnnualReport, TForm, AnnualReport> apply,
        ReportTableId? table,
        CancellationToken cancellationToken)
        where TForm : ReportForm
    {
        var (workspace, denied) = await OpenAsync(slug, year, AgencyOperation.Edit, cancellationToken);
        if (workspace is null)
        {
            return denied!;
        }

        if (workspace.Open is not { IsEditable: true } version)
        {
            TempData["Error"] = workspace.Open is null ? "尚无可修改的草稿。" : $"报告当前状态为“{workspace.Open.Status.DisplayName()}”，不能修改。";
            return RedirectToAction(nameof(Workspace), new { slug, year });
        }

        var document = workspace.WorkingDocument!;
        object Page() => form switch
        {
            TableForm t => new TablePage(workspace, t, table!.Value, document),
            _ => Activator.CreateInstance(typeof(PartPage<>).MakeGenericType(typeof(TForm)), workspace, form)!,
        };

        var valid = form is TableForm tableForm
            ? this.Validate(new TableFormValidator(document.Table(table!.Value).Layout), tableForm)
            : this.Validate(validator!, form);
        if (!valid)
        {
            // Nothing is saved; everything typed comes back with a message at each field.
            return View(viewName, Page());
        }

        var updated = apply(document, form);
        var conflict = await commands.SaveAsync(workspace, version, updated, form.Revision, User, cancellationToken);
        if (conflict is not null)
        {
            ViewData["Conflict"] = conflict;
            form.Revision = conflict.CurrentRevision;
            ModelState.Remove(nameof(ReportForm.Revision));
            return View(viewName, Page());
        }

        TempData["Message"] = "已保存。";
        return table is null
            ? RedirectToAction(nameof(Workspace), new { slug, year })
            : Redirect($"/admin/reports/{slug}/{year}/table/{(int)table}");
    }

    private async Task<IActionResult> Workflow(ReportWorkspace workspace, Func<Task> action, string done, string? successAction = null, string? failureAction = null)
    {
        try
        {
            await action();
            TempData["Message"] = done;
            return RedirectToAction(successAction ?? nameof(Workspace), new { slug = workspace.Agency.Slug, year = workspace.Year });
        }
        catch (ReportWorkflowException refused)
        {
            TempData["Error"] = refused.Message;
            return RedirectToAction(failureAction ?? nameof(Workspace), new { slug = workspace.Agency.Slug, year = workspace.Year });
        }
    }

    private static ReportViewModel ToViewModel(ReportWorkspace workspace)
    {
        var version = workspace.Working!;
        var document = workspace.WorkingDocument!;
        return new ReportViewModel(workspace.Agency.Slug, workspace.Agency.Name, workspace.Agency.Level, document,
            ConsistencyRules.Check(document, workspace.PreviousYear), version.Number, version.PublishedAt, version.Origin,
            version.Source, version.CorrectionNote);
    }
}

/// <summary>A part's form with the workspace around it.</summary>
public sealed record PartPage<TForm>(ReportWorkspace Workspace, TForm Form);

/// <summary>A table's form: the typed cells and the document they go into (for labels, computed totals and findings).</summary>
public sealed record TablePage(ReportWorkspace Workspace, TableForm Form, ReportTableId Table, AnnualReport Document)
{
    public TableLayout Layout => Document.Table(Table).Layout;

    /// <summary>This table's findings, checked once per page (every cell's input asks).</summary>
    public IReadOnlyList<RuleViolation> Findings { get; } =
        ConsistencyRules.Check(Document, Workspace.PreviousYear).Where(f => f.Table == Table && f.RuleId != ConsistencyRules.S1).ToList();

    /// <summary>What each cell's field is called in the error summary: its printed label (「表三 （三）不予公开1.属于国家秘密·商业企业」).</summary>
    public IReadOnlyDictionary<string, string> FieldLabels =>
        Layout.Printed.DataCells.ToDictionary(c => TableForm.FieldName(c.Ref.Row, c.Ref.Column), c => c.Label);
}

/// <summary>The check page: every finding, with the tables drawn as the public will see them and the offending cells marked.</summary>
public sealed record CheckPage(ReportWorkspace Workspace, ReportViewModel Report)
{
    public IReadOnlyList<RuleViolation> Blocking => Workspace.Open?.SubmissionBlockers(Workspace.PreviousYear) ?? [];
}
