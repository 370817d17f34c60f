using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using Disclosure.Web.Infrastructure;
using Disclosure.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Disclosure.Web.Features.Admin.Reports;

/// <summary>
/// One agency's report for one year, as staff prepare it: the workspace and one form per part (基本信息, 正文,
/// 表二/三/四). Starting a draft and the review steps are <see cref="ReportWorkflowController"/>'s; the check page and
/// previews <see cref="ReportPreviewController"/>'s. Every action opens the report through <see cref="ReportAccess"/>.
/// </summary>
[Authorize(Policy = StaffPolicies.Staff)]
[Route("admin/reports/{slug}/{year:int}")]
public sealed class ReportEditorController(ReportAccess access, ReportCommands commands) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Workspace(string slug, int year, CancellationToken cancellationToken)
    {
        var (workspace, denied) = await access.OpenAsync(this, slug, year, AgencyOperation.Read, cancellationToken);
        if (workspace is null)
        {
            return denied!;
        }

        ViewData["CanEdit"] = await access.CanAsync(this, workspace, AgencyOperation.Edit);
        return View(workspace);
    }

    [HttpGet("metadata")]
    public Task<IActionResult> Metadata(string slug, int year, CancellationToken cancellationToken) =>
        EditPart(slug, year, (ws, v, doc) => View("Metadata", new PartPage<MetadataForm>(ws, MetadataForm.From(doc, v.Revision))), cancellationToken);

    [HttpPost("metadata")]
    public Task<IActionResult> Metadata(string slug, int year, MetadataForm form, CancellationToken cancellationToken) =>
        SavePart(slug, year, form, _ => new MetadataFormValidator(year), doc => MetadataForm.From(doc, 0), (ws, _) => View("Metadata", new PartPage<MetadataForm>(ws, form)), doc =>
        {
            form.ApplyTo(doc, out var updated);
            return updated;
        }, null, cancellationToken);

    [HttpGet("sections")]
    public Task<IActionResult> Sections(string slug, int year, CancellationToken cancellationToken) =>
        EditPart(slug, year, (ws, v, doc) => View("Sections", new PartPage<SectionsForm>(ws, SectionsForm.From(doc, v.Revision))), cancellationToken);

    [HttpPost("sections")]
    public Task<IActionResult> Sections(string slug, int year, SectionsForm form, CancellationToken cancellationToken) =>
        SavePart(slug, year, form, _ => new SectionsFormValidator(), doc => SectionsForm.From(doc, 0), (ws, _) => View("Sections", new PartPage<SectionsForm>(ws, form)), doc =>
        {
            doc.Sections = form.ToSections();
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
        return SavePart(slug, year, form, doc => new TableFormValidator(doc.Table(id).Layout), doc => TableForm.From(doc.Table(id), 0), (ws, doc) => View("Table", new TablePage(ws, form, id, doc)), doc =>
        {
            form.ApplyTo(doc, id);
            return doc;
        }, $"table/{table}", cancellationToken);
    }

    /// <summary>Shows a part's form, or sends the user back to the workspace when there is no editable draft.</summary>
    private async Task<IActionResult> EditPart(string slug, int year, Func<ReportWorkspace, ReportVersion, AnnualReport, IActionResult> view, CancellationToken cancellationToken)
    {
        var (workspace, denied) = await access.OpenAsync(this, slug, year, AgencyOperation.Edit, cancellationToken);
        if (workspace is null)
        {
            return denied!;
        }

        return workspace.Open is { IsEditable: true } version ? view(workspace, version, workspace.WorkingDocument!) : NotEditable(workspace);
    }

    /// <summary>
    /// Validates a part's form (nothing saved and everything typed shown again on a bad value), then saves it. A form
    /// read before someone else saved is merged field by field (<see cref="FormMerge"/>): saved at once when no field
    /// was changed on both sides, otherwise shown again with the fields to decide.
    /// </summary>
    private async Task<IActionResult> SavePart<TForm>(
        string slug,
        int year,
        TForm form,
        Func<AnnualReport, IValidator<TForm>> validator,
        Func<AnnualReport, ReportForm> stored,
        Func<ReportWorkspace, AnnualReport, IActionResult> view,
        Func<AnnualReport, AnnualReport> apply,
        string? savedPage,
        CancellationToken cancellationToken)
        where TForm : ReportForm
    {
        var (workspace, denied) = await access.OpenAsync(this, slug, year, AgencyOperation.Edit, cancellationToken);
        if (workspace is null)
        {
            return denied!;
        }

        if (workspace.Open is not { IsEditable: true } version)
        {
            return NotEditable(workspace);
        }

        var document = workspace.WorkingDocument!;
        if (!this.Validate(validator(document), form))
        {
            return view(workspace, document);
        }

        MergeOutcome? merged = null;
        if (form.Revision != version.Revision)
        {
            merged = FormMerge.Merge(form, stored(document), key => form.Label(key, document));
            if (merged is null || merged.Clashes.Count > 0)
            {
                return await ConflictAsync(workspace, version, form, merged, stored(document), view, document, cancellationToken);
            }

            form.Revision = version.Revision;
        }

        var conflict = await commands.SaveAsync(workspace, version, apply(document), form.Revision, User, cancellationToken);
        if (conflict is not null)
        {
            return await ConflictAsync(workspace, version, form, null, stored(document), view, document, cancellationToken);
        }

        TempData["Message"] = merged is { ChangedElsewhere.Count: > 0 }
            ? $"已保存。在您填写期间别处保存的 {merged.ChangedElsewhere.Count} 处修改已一并保留：{string.Join("；", merged.ChangedElsewhere.Select(c => c.Describe()))}。"
            : "已保存。";
        TempData["SavedPath"] = Request.Path.Value; // the page's local copy is now on the server (form-keeper.js)
        return Redirect(ReportAccess.Url(workspace, savedPage));
    }

    /// <summary>The form again, unsaved, with who saved in between, what they changed and which fields to decide.</summary>
    private async Task<IActionResult> ConflictAsync(
        ReportWorkspace workspace,
        ReportVersion version,
        ReportForm form,
        MergeOutcome? merged,
        ReportForm stored,
        Func<ReportWorkspace, AnnualReport, IActionResult> view,
        AnnualReport document,
        CancellationToken cancellationToken)
    {
        var conflict = await commands.SavesSinceAsync(version, form.Revision, cancellationToken);
        var me = ReportCommands.UserName(User);
        ViewData["Conflict"] = conflict with
        {
            ChangedElsewhere = merged?.ChangedElsewhere ?? [],
            Clashes = merged?.Clashes ?? [],
            OnlyMine = conflict.Saves.Count > 0 && conflict.Saves.All(s => s.UserName == me),
        };
        form.Revision = conflict.CurrentRevision;
        if (merged is not null)
        {
            // The form already holds the merge (others' values where this user typed nothing, this user's in the
            // clashes); the next save decides the clashes deliberately, so its original is what is stored now.
            var shown = form.Values().ToDictionary(v => v.Key, v => v.Value);
            foreach (var (key, value) in stored.Values())
            {
                form.Take(key, value);
            }

            form.RememberOriginal();
            foreach (var (key, value) in shown)
            {
                form.Take(key, value);
            }
        }

        ModelState.Clear();
        return view(workspace, document);
    }

    private RedirectResult NotEditable(ReportWorkspace workspace)
    {
        TempData["Error"] = workspace.Open is null ? "尚无可修改的草稿。" : $"报告当前状态为“{workspace.Open.Status.DisplayName()}”，不能修改。";
        return Redirect(ReportAccess.Url(workspace));
    }
}
