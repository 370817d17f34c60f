using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using Disclosure.Web.Infrastructure;
using Disclosure.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Disclosure.Web.Features.Admin.Reports;

/// <summary>
/// One agency's report for one year, as staff prepare it: the workspace and one form per part (基本信息, 正文,
/// 表二/三/四). Starting a draft and the review steps are <see cref="ReportWorkflowController"/>'s; the check page and
/// previews <see cref="ReportPreviewController"/>'s. Every action opens the report through <see cref="ReportAccess"/>.
/// </summary>
[Authorize(Policy = StaffPolicies.Staff)]
[Route("admin/reports/{slug:slug}/{year:int:reportyear}")]
public sealed class ReportEditorController(ReportAccess access, ReportPartSave saving) : Controller
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
        SavePart(slug, year, form, (ws, _) => View("Metadata", new PartPage<MetadataForm>(ws, form)), new ReportPart<MetadataForm>(
            _ => new MetadataFormValidator(year),
            doc => MetadataForm.From(doc, 0),
            doc =>
            {
                form.ApplyTo(doc, out var updated);
                return updated;
            }), cancellationToken);

    [HttpGet("sections")]
    public Task<IActionResult> Sections(string slug, int year, CancellationToken cancellationToken) =>
        EditPart(slug, year, (ws, v, doc) => View("Sections", new PartPage<SectionsForm>(ws, SectionsForm.From(doc, v.Revision))), cancellationToken);

    [HttpPost("sections")]
    public Task<IActionResult> Sections(string slug, int year, SectionsForm form, CancellationToken cancellationToken) =>
        SavePart(slug, year, form, (ws, _) => View("Sections", new PartPage<SectionsForm>(ws, form)), new ReportPart<SectionsForm>(
            _ => new SectionsFormValidator(),
            doc => SectionsForm.From(doc, 0),
            doc =>
            {
                doc.Sections = form.ToSections();
                return doc;
            }), cancellationToken);

    [HttpGet("table/{table:int:range(2,4)}")]
    public Task<IActionResult> Table(string slug, int year, int table, CancellationToken cancellationToken) =>
        EditPart(slug, year, (ws, v, doc) =>
            View("Table", new TablePage(ws, TableForm.From(doc.Table((ReportTableId)table), v.Revision), (ReportTableId)table, doc)), cancellationToken);

    [HttpPost("table/{table:int:range(2,4)}")]
    public Task<IActionResult> Table(string slug, int year, int table, TableForm form, CancellationToken cancellationToken)
    {
        var id = (ReportTableId)table;
        return SavePart(slug, year, form, (ws, doc) => View("Table", new TablePage(ws, form, id, doc)), new ReportPart<TableForm>(
            doc => new TableFormValidator(doc.Table(id).Layout),
            doc => TableForm.From(doc.Table(id), 0),
            doc =>
            {
                form.ApplyTo(doc, id);
                return doc;
            },
            $"table/{table}"), cancellationToken);
    }

    /// <summary>Shows a part's form, or sends the user back to the workspace when there is no editable draft.</summary>
    private async Task<IActionResult> EditPart(string slug, int year, Func<ReportWorkspace, ReportVersion, AnnualReport, IActionResult> view, CancellationToken cancellationToken)
    {
        var (workspace, denied) = await access.OpenAsync(this, slug, year, AgencyOperation.Edit, cancellationToken);
        if (workspace is null)
        {
            return denied!;
        }

        return workspace.Open is { IsEditable: true } version ? view(workspace, version, workspace.WorkingDocument!) : ReportAccess.NotEditable(this, workspace);
    }

    /// <summary>
    /// Validates a part's form (nothing saved and everything typed shown again on a bad value), then saves it through
    /// <see cref="ReportPartSave"/>; a conflict shows the form again with the fields to decide.
    /// </summary>
    private async Task<IActionResult> SavePart<TForm>(
        string slug, int year, TForm form, Func<ReportWorkspace, AnnualReport, IActionResult> view, ReportPart<TForm> part, CancellationToken cancellationToken)
        where TForm : ReportForm
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

        if (!this.Validate(part.Validator(workspace.WorkingDocument!), form))
        {
            return view(workspace, workspace.WorkingDocument!);
        }

        var outcome = await saving.SaveAsync(workspace, version, form, part, User, cancellationToken);
        if (outcome.Conflict is { } conflict)
        {
            ViewData["Conflict"] = conflict;
            ModelState.Clear();
            return view(workspace, workspace.WorkingDocument!);
        }

        TempData["Message"] = outcome.Message;
        TempData["SavedPath"] = Request.Path.Value; // the page's local copy is now on the server (form-keeper.js)
        return Redirect(ReportAccess.Url(workspace, part.SavedPage));
    }
}
