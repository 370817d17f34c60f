using Disclosure.Domain.Agencies;
using Disclosure.Domain.Import;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Rules;
using Disclosure.Web.Features.Admin.Reports;
using Disclosure.Web.Features.Reports;
using Disclosure.Web.Infrastructure;
using Disclosure.Web.Infrastructure.Caching;
using Disclosure.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Disclosure.Web.Features.Admin.Import;

/// <summary>The text a browser copies from a published report page (or the canonical JSON), with how to file it.</summary>
public sealed class ImportForm
{
    /// <summary>Characters of pasted text accepted (a year's report is usually under 100 000).</summary>
    public const int TextMaxLength = 1_000_000;

    /// <summary>
    /// The largest request the import accepts: a browser sends the form URL-encoded, where one Chinese character
    /// (three bytes of UTF-8) becomes nine (<c>%E4%B8%AD</c>); the rest leaves room for the other fields. A larger
    /// request is answered with a page saying so (<see cref="ImportLimits"/>), not an empty 400.
    /// </summary>
    public const int MaxRequestBytes = (TextMaxLength * 9) + (256 * 1024);

    public string? Text { get; set; }

    public string? AgencySlug { get; set; }

    /// <summary>"", "agency" or "jurisdiction" ("" = decided from the agency name).</summary>
    public string? Scope { get; set; }

    public string? Correction { get; set; }
}

public sealed class ImportFormValidator : AbstractValidator<ImportForm>
{
    public ImportFormValidator()
    {
        RuleFor(f => f.Text).NotEmpty().WithMessage("请粘贴报告页面的全部文字。")
            .MaximumLength(ImportForm.TextMaxLength).WithMessage($"内容过长（最多 {ImportForm.TextMaxLength:N0} 个字符）。");
        RuleFor(f => f.AgencySlug).Must(s => string.IsNullOrWhiteSpace(s) || Agency.IsValidSlug(s.Trim()))
            .WithMessage("网址标识只能由小写字母、数字和连字符组成，如 zhongwei-commerce。");
        RuleFor(f => f.Scope).Must(s => string.IsNullOrEmpty(s) || ReportFormatCodes.TryParseScope(s, out _)).WithMessage("请选择统计口径。");
        RuleFor(f => f.Correction).MaximumLength(ReportVersion.NoteMaxLength).WithMessage($"更正说明最多 {ReportVersion.NoteMaxLength} 字。")
            .NoControlCharacters(multiline: true);
    }
}

/// <summary>The preview page: what was parsed, and — when it cannot be saved — why, with the form to correct it.</summary>
public sealed record ImportPreview(ImportForm Form, ImportResult Result, ReportViewModel? Report, ImportRefusal? Refusal, string? AgencyNote)
{
    public bool CanSave => Refusal is null && Result.Succeeded;
}

/// <summary>
/// Import of published reports by the disclosure office: paste, preview (nothing written), confirm. An import never
/// replaces a published report silently — it becomes a correction only with a stated reason.
/// </summary>
[Authorize(Policy = StaffPolicies.Administer)]
[Route("admin/import")]
public sealed class ImportController(ImportPlanner planner, ILogger<ImportController> logger) : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View(new ImportForm());

    [HttpPost("preview")]
    [RequestSizeLimit(ImportForm.MaxRequestBytes)]
    [RequestFormLimits(ValueLengthLimit = ImportForm.MaxRequestBytes)]
    public async Task<IActionResult> Preview(ImportForm form, CancellationToken cancellationToken)
    {
        if (!this.Validate(new ImportFormValidator(), form))
        {
            return View(nameof(Index), form);
        }

        var (result, plan, refusal) = await PlanAsync(form, cancellationToken);
        planner.Discard();
        ReportViewModel? model = null;
        if (result.Report is not null)
        {
            var slug = plan?.Agency.Slug ?? form.AgencySlug?.Trim() ?? "preview";
            var document = result.ReportFor(slug)!;
            model = new ReportViewModel(slug, document.Agency.Name, plan?.Agency.Level ?? AgencyLevel.CityDepartment, document,
                ConsistencyRules.Check(document), plan?.Version.Number ?? 1, null, ReportOrigin.Imported, "导入预览", form.Correction);
        }

        RefuseAtField(result, refusal);
        var agencyNote = plan is null ? null : plan.IsNewAgency
            ? $"将新建机关“{plan.Agency.Name}”（代码 {plan.Agency.Slug}，层级按名称推断为“{plan.Agency.Level.DisplayName()}”，可在机关管理中修改）。"
            : $"归入已有机关“{plan.Agency.Name}”（代码 {plan.Agency.Slug}）。";
        return View(new ImportPreview(form, result, model, refusal, agencyNote));
    }

    [HttpPost("confirm")]
    [RequestSizeLimit(ImportForm.MaxRequestBytes)]
    [RequestFormLimits(ValueLengthLimit = ImportForm.MaxRequestBytes)]
    public async Task<IActionResult> Confirm(ImportForm form, CancellationToken cancellationToken)
    {
        if (!this.Validate(new ImportFormValidator(), form))
        {
            return View(nameof(Index), form);
        }

        var (result, plan, refusal) = await PlanAsync(form, cancellationToken);
        if (plan is null)
        {
            RefuseAtField(result, refusal);
            return View(nameof(Index), form);
        }

        await planner.PublishAsync(plan, User, cancellationToken);
        logger.LogInformation("Imported report {ReportId} version {VersionId} from pasted text", plan.Report.Id, plan.Version.Id);
        TempData["Message"] = $"已导入并发布：{plan.Content.Title}（第 {plan.Version.Number} 版）。";
        return Redirect($"/admin/reports/{plan.Agency.Slug}/{plan.Content.Year}");
    }

    /// <summary>Back from the preview to the form, with everything entered.</summary>
    [HttpPost("edit")]
    [RequestSizeLimit(ImportForm.MaxRequestBytes)]
    [RequestFormLimits(ValueLengthLimit = ImportForm.MaxRequestBytes)]
    public IActionResult Edit(ImportForm form) => View(nameof(Index), form);

    /// <summary>Puts why the import cannot be saved on the field concerned (the form's summary links to it).</summary>
    private void RefuseAtField(ImportResult result, ImportRefusal? refusal)
    {
        if (result.Errors.Count > 0)
        {
            ModelState.AddModelError(nameof(ImportForm.Text), result.Errors.Count == 1
                ? $"无法导入：{result.Errors[0]}"
                : $"无法导入：共 {result.Errors.Count} 处错误（见页首），第一处：{result.Errors[0]}");
        }
        else if (refusal is not null)
        {
            ModelState.AddModelError(refusal.Field ?? "", refusal.Message);
        }
    }

    private async Task<(ImportResult Result, ImportPlan? Plan, ImportRefusal? Refusal)> PlanAsync(ImportForm form, CancellationToken cancellationToken)
    {
        ReportScope? scope = ReportFormatCodes.TryParseScope(form.Scope, out var s) ? s : null;
        var result = ReportImporter.Import(form.Text, new ImportOptions { Scope = scope });
        var slug = string.IsNullOrWhiteSpace(form.AgencySlug) ? null : form.AgencySlug.Trim();
        var correction = string.IsNullOrWhiteSpace(form.Correction) ? null : form.Correction.Trim();
        var (plan, refusal) = await planner.PlanAsync(result, slug, correction, "粘贴导入", cancellationToken);
        return (result, plan, refusal);
    }
}

/// <summary>
/// An import request larger than <see cref="ImportForm.MaxRequestBytes"/> (by its Content-Length) is answered 413
/// with a page that says what the limit is, before the form is read (reading it would fail with an empty 400).
/// </summary>
public static class ImportLimits
{
    public static string Reason(long bytes) =>
        $"粘贴的内容过大（约 {bytes / 1024 / 1024:N0} MB）：导入最多接受 {ImportForm.TextMaxLength:N0} 个字符。一份年度报告通常不足 10 万字，请确认只粘贴了一份报告。";

    public static IApplicationBuilder UseImportLimits(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method)
                && context.Request.Path.StartsWithSegments("/admin/import", StringComparison.OrdinalIgnoreCase)
                && context.Request.ContentLength is { } length && length > ImportForm.MaxRequestBytes)
            {
                context.Items[StaffHttps.ReasonKey] = Reason(length);
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return Task.CompletedTask;
            }

            return next(context);
        });
}
