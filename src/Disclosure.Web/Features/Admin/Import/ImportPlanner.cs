using System.Security.Claims;
using Disclosure.Data;
using Disclosure.Domain.Agencies;
using Disclosure.Domain.Audit;
using Disclosure.Domain.Import;
using Disclosure.Domain.Reports;
using Disclosure.Web.Features.Agencies;
using Disclosure.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Features.Admin.Import;

/// <summary>An import ready to be saved: the agency (perhaps new), the report and the new published version, all tracked.</summary>
public sealed record ImportPlan(Agency Agency, bool IsNewAgency, Report Report, ReportVersion Version, AnnualReport Content);

/// <summary>
/// Why an import cannot be saved, and which input it concerns: <see cref="Field"/> is the import form's field
/// (<c>Text</c>, <c>AgencySlug</c>, <c>Correction</c>; null when none, e.g. a version being edited by staff),
/// <see cref="Option"/> the command line's option that fixes it.
/// </summary>
public sealed record ImportRefusal(string Message, string? Field, string? Option = null)
{
    /// <summary>The message as the <c>import</c> command prints it, naming its option.</summary>
    public string ForCommandLine => Option is null ? Message : $"{Message.TrimEnd('。')}（{Option}）。";
}

/// <summary>
/// Turns a parsed report into a published version, shared by the import form and the CLI. The agency: the slug given
/// (created if new, named as the report names it), else the one agency whose name is the report's. A published report
/// is never replaced silently: a second import needs a correction note and becomes a new version. Nothing is saved here.
/// </summary>
public sealed class ImportPlanner(DisclosureDbContext db, TimeProvider clock)
{
    /// <summary>Forgets a plan that was only previewed (nothing of it is saved).</summary>
    public void Discard() => db.ChangeTracker.Clear();

    /// <summary>
    /// Saves a planned import with the staff member's audit entry, committed together: one transaction inside the
    /// provider's execution strategy (the entry names the version, whose id the first save assigns).
    /// </summary>
    public Task PublishAsync(ImportPlan plan, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            db.AuditEntries.Add(ActingStaff.Audit(user, clock, AuditAction.ReportPublished,
                    "导入已公开的报告" + (plan.Version.CorrectionNote is { } note ? "（更正：" + note + "）" : ""))
                .ForReport(plan.Agency.Id, plan.Report.Id, plan.Version.Id, plan.Version.Revision));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });

    public async Task<(ImportPlan? Plan, ImportRefusal? Refusal)> PlanAsync(ImportResult result, string? agencySlug, string? correction, string source, CancellationToken cancellationToken)
    {
        if (!result.Succeeded)
        {
            return (null, new ImportRefusal(result.Errors.Count > 0 ? result.Errors[0].ToString() : "没有找到年度报告的内容。", "Text"));
        }

        var agencyName = result.AgencyName!;
        Agency? agency;
        var isNew = false;
        if (agencySlug is not null)
        {
            agency = await db.Agencies.SingleOrDefaultAsync(a => a.Slug == agencySlug, cancellationToken);
            if (agency is null && await new FormerSlugLookup(db).FindOwnerAsync(agencySlug, cancellationToken) is { } renamed)
            {
                return (null, new ImportRefusal($"网址标识“{agencySlug}”是“{renamed.Name}”以前使用的，现在的网址标识是“{renamed.Slug}”。", "AgencySlug", "--agency SLUG"));
            }

            if (agency is null)
            {
                if (agencyName.Length > Agency.NameMaxLength)
                {
                    return (null, new ImportRefusal($"报告中的机关名称超过 {Agency.NameMaxLength} 个字。", "Text"));
                }

                agency = new Agency(agencySlug, agencyName, GuessLevel(agencyName));
                db.Agencies.Add(agency);
                isNew = true;
            }
        }
        else
        {
            var matches = await db.Agencies.Where(a => a.Name == agencyName).Take(2).ToListAsync(cancellationToken);
            if (matches.Count != 1)
            {
                return (null, new ImportRefusal($"{(matches.Count == 0 ? "没有" : "有多个")}名为“{agencyName}”的机关；请指定网址标识。", "AgencySlug", "--agency SLUG"));
            }

            agency = matches[0];
        }

        var content = result.ReportFor(agency.Slug)!;
        var report = agency.Id == 0
            ? null
            : await db.Reports.Include(r => r.Versions).SingleOrDefaultAsync(r => r.AgencyId == agency.Id && r.Year == content.Year, cancellationToken);
        if (report?.CurrentVersion is { } current && string.IsNullOrWhiteSpace(correction))
        {
            return (null, new ImportRefusal($"/reports/{agency.Slug}/{content.Year} 已经发布（第 {current.Number} 版）；导入将作为更正，须写明更正说明。", "Correction", "--correction"));
        }

        if (report is null)
        {
            report = new Report(agency, content.Year);
            db.Reports.Add(report);
        }

        // 原文链接 is not in the copied text or the canonical JSON: a correction by import keeps the link the report had.
        content.OriginalUrl ??= report.CurrentVersion?.OriginalUrl;
        try
        {
            var version = report.PublishAsPrinted(content, ReportOrigin.Imported, Truncate(source, ReportVersion.SourceMaxLength), clock.GetUtcNow(), correction);
            return (new ImportPlan(agency, isNew, report, version, content), null);
        }
        catch (ReportWorkflowException refused)
        {
            return (null, new ImportRefusal(refused.Message, null));
        }
    }

    /// <summary>
    /// The level of a new agency, guessed from its name (without bracketed notes): a 人民政府 or 管委会 is a government,
    /// anything else (局, 委, 办, 厅 …) a department; 县 or 区 makes it county level, else 市 city level, else 省 or
    /// 自治区 provincial; city level when nothing says. An administrator corrects it later if needed.
    /// </summary>
    public static AgencyLevel GuessLevel(string agencyName)
    {
        var bare = ScopeRule.WithoutBrackets(agencyName);
        var government = (bare.EndsWith("人民政府", StringComparison.Ordinal) || agencyName.Contains("管委会", StringComparison.Ordinal)
            || agencyName.Contains("管理委员会", StringComparison.Ordinal))
            && !bare.EndsWith('局') && !bare.EndsWith('厅') && !bare.EndsWith('办') && !bare.EndsWith("办公室", StringComparison.Ordinal);
        var place = bare.Replace("自治区", "省", StringComparison.Ordinal);
        var county = place.Contains('县', StringComparison.Ordinal) || place.Contains('区', StringComparison.Ordinal);
        var city = place.Contains('市', StringComparison.Ordinal);
        var province = !county && !city && place.Contains('省', StringComparison.Ordinal);
        return (government, county, province) switch
        {
            (true, true, _) => AgencyLevel.CountyGovernment,
            (true, false, true) => AgencyLevel.ProvincialGovernment,
            (true, _, _) => AgencyLevel.CityGovernment,
            (false, true, _) => AgencyLevel.CountyDepartment,
            (false, false, true) => AgencyLevel.ProvincialDepartment,
            _ => AgencyLevel.CityDepartment,
        };
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
