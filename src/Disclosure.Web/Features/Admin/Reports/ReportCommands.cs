using System.Security.Claims;
using Disclosure.Data;
using Disclosure.Domain.Audit;
using Disclosure.Domain.Reports;
using Disclosure.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Disclosure.Web.Features.Admin.Reports;

/// <summary>
/// A save that lost a race: who saved in between and what they changed; the fields they changed in this part, and
/// those this user changed too (to decide); whether every save in between was this user's own (another tab).
/// </summary>
public sealed record SaveConflict(int CurrentRevision, IReadOnlyList<ConflictingSave> Saves)
{
    public IReadOnlyList<FieldChange> ChangedElsewhere { get; init; } = [];

    public IReadOnlyList<FieldChange> Clashes { get; init; } = [];

    public bool OnlyMine { get; init; }
}

public sealed record ConflictingSave(string UserName, DateTimeOffset At, string? Details);

/// <summary>
/// The writes staff make to a report: each loads the workspace, calls the domain, records an audit entry and saves
/// once. The application log gets ids and outcomes, never what was typed.
/// </summary>
public sealed class ReportCommands(DisclosureDbContext db, TimeProvider clock, IOptions<WorkflowOptions> workflow, ILogger<ReportCommands> logger)
{
    public const int MaxChangesInAudit = 60;

    public async Task<ReportVersion> StartAsync(ReportWorkspace workspace, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var report = workspace.Report;
        if (report is null)
        {
            report = new Report(workspace.Agency, workspace.Year);
            db.Reports.Add(report);
        }

        var draft = report.StartDraft(NewReportDocument.Create(workspace.Agency, workspace.Year, workspace.PreviousYear), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await AuditAsync(user, AuditAction.ReportCreated, workspace, draft, workspace.PreviousYear is null ? null : "上年结转按上一年度报告的“结转下年度继续办理”预填（规则 R5）", cancellationToken);
        logger.LogInformation("Report {ReportId} version {VersionId} started", report.Id, draft.Id);
        return draft;
    }

    /// <summary>Saves new content if the form was read at the current revision; otherwise returns the conflict and saves nothing.</summary>
    public Task<SaveConflict?> SaveAsync(
        ReportWorkspace workspace, ReportVersion version, AnnualReport content, int formRevision, ClaimsPrincipal user, CancellationToken cancellationToken)
        => SaveAsync(workspace, version, content, formRevision, user, null, cancellationToken);

    /// <summary>
    /// As <see cref="SaveAsync(ReportWorkspace, ReportVersion, AnnualReport, int, ClaimsPrincipal, CancellationToken)"/>,
    /// with <paramref name="alongside"/> (what the use case did, e.g. 从台账生成) in the same save as the content and its
    /// 保存 entry — also when nothing in the content changed.
    /// </summary>
    public async Task<SaveConflict?> SaveAsync(
        ReportWorkspace workspace, ReportVersion version, AnnualReport content, int formRevision, ClaimsPrincipal user, AuditEntry? alongside, CancellationToken cancellationToken)
    {
        if (formRevision != version.Revision)
        {
            return await SavesSinceAsync(version, formRevision, cancellationToken);
        }

        var changes = version.UpdateContent(content, clock.GetUtcNow());
        if (alongside is not null)
        {
            db.AuditEntries.Add(alongside);
        }

        if (changes.Count == 0)
        {
            if (alongside is not null)
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            return null;
        }

        try
        {
            await AuditAsync(user, AuditAction.ReportSaved, workspace, version, Describe(changes, content), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: the revision in the database moved on.
            db.ChangeTracker.Clear();
            return await SavesSinceAsync(version, formRevision, cancellationToken);
        }

        logger.LogInformation("Report version {VersionId} saved at revision {Revision}: {Count} fields changed", version.Id, version.Revision, changes.Count);
        return null;
    }

    public async Task RecordAsync(ReportWorkspace workspace, ReportVersion version, AuditAction action, string? details, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await AuditAsync(user, action, workspace, version, details, cancellationToken);
        logger.LogInformation("Report version {VersionId}: {Action}", version.Id, action);
    }

    /// <summary>Sends the open version for review (refused while R1, or R5 without a written reason, fails).</summary>
    public Task SubmitAsync(ReportWorkspace workspace, ReportVersion version, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        version.Submit(workspace.PreviousYear, clock.GetUtcNow());
        return RecordAsync(workspace, version, AuditAction.ReportSubmitted, null, user, cancellationToken);
    }

    public Task ReturnAsync(ReportWorkspace workspace, ReportVersion version, string? comment, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        version.Return(comment ?? "", clock.GetUtcNow());
        return RecordAsync(workspace, version, AuditAction.ReportReturned, version.ReturnComment, user, cancellationToken);
    }

    public Task PublishAsync(ReportWorkspace workspace, ReportVersion version, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        workspace.Report!.Publish(version, clock.GetUtcNow());
        return RecordAsync(workspace, version, AuditAction.ReportPublished, version.CorrectionNote is null ? null : "更正：" + version.CorrectionNote, user, cancellationToken);
    }

    /// <summary>Opens a correction of the published version; saved first so that its audit row can name it.</summary>
    public async Task CorrectAsync(ReportWorkspace workspace, Report report, string? note, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var correction = report.StartCorrection(note ?? "", clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await RecordAsync(workspace, correction, AuditAction.CorrectionStarted, correction.CorrectionNote, user, cancellationToken);
    }

    /// <summary>Records (or, with a blank reason, withdraws) why this year's 上年结转 differs from last year's carry-forward.</summary>
    public Task OverrideCarryOverAsync(ReportWorkspace workspace, ReportVersion version, string? reason, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        version.OverrideCarryOver(reason, clock.GetUtcNow());
        return RecordAsync(workspace, version, AuditAction.CarryOverOverridden, version.CarryOverOverride ?? "撤销说明", user, cancellationToken);
    }

    /// <summary>
    /// Approves the submitted version at the revision the reviewer saw, unless they submitted it themselves (allowed
    /// only where <see cref="WorkflowOptions.SinglePersonOffice"/> says so, and then the audit row says it too).
    /// The approval's audit row carries that revision.
    /// </summary>
    public async Task ApproveAsync(ReportWorkspace workspace, ReportVersion version, int revisionSeen, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var submittedBy = await db.AuditEntries.AsNoTracking()
            .Where(e => e.ReportVersionId == version.Id && e.Action == AuditAction.ReportSubmitted)
            .OrderByDescending(e => e.Id)
            .Select(e => e.UserId)
            .FirstOrDefaultAsync(cancellationToken);
        var kind = version.Approve(new Approval(ActingStaff.Id(user) ?? "", revisionSeen, submittedBy, workflow.Value.SinglePersonOffice), clock.GetUtcNow());
        var details = kind == ApprovalKind.BySubmitterInSinglePersonOffice
            ? $"审核第 {revisionSeen} 次修订；单人办公（Workflow:SinglePersonOffice）：由提交人本人审核通过"
            : $"审核第 {revisionSeen} 次修订";
        await RecordAsync(workspace, version, AuditAction.ReportApproved, details, user, cancellationToken);
    }

    /// <summary>The saves of this version after <paramref name="formRevision"/>, and its revision now.</summary>
    public async Task<SaveConflict> SavesSinceAsync(ReportVersion version, int formRevision, CancellationToken cancellationToken)
    {
        var current = await db.ReportVersions.AsNoTracking().Where(v => v.Id == version.Id).Select(v => v.Revision).SingleAsync(cancellationToken);
        var saves = await db.AuditEntries.AsNoTracking()
            .Where(e => e.ReportVersionId == version.Id && e.Revision > formRevision)
            .OrderBy(e => e.Id)
            .Select(e => new ConflictingSave(e.UserName, e.At, e.Details))
            .ToListAsync(cancellationToken);
        logger.LogInformation("Save conflict on report version {VersionId}: form at revision {FormRevision}, stored {Revision}", version.Id, formRevision, current);
        return new SaveConflict(current, saves);
    }

    private async Task AuditAsync(ClaimsPrincipal user, AuditAction action, ReportWorkspace workspace, ReportVersion version, string? details, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(ActingStaff.Audit(user, clock, action, details)
            .ForReport(workspace.Agency.Id, version.ReportId == 0 ? workspace.Report?.Id ?? 0 : version.ReportId, version.Id == 0 ? null : version.Id, version.Revision));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Which parts and fields changed, for the audit trail and conflict notices, by printed labels (cells with their
    /// values: 「表二 行政许可·本年处理决定数量 15→16」; narrative sections by name only).
    /// </summary>
    public static string Describe(IReadOnlyList<ReportChange> changes, AnnualReport report)
    {
        var labels = report.Tables
            .SelectMany(t => t.Layout.Printed.DataCells.Select(c => (Key: (Part: ReportChanges.PartOf(t.Id), Field: $"{c.Ref.Row}.{c.Ref.Column}"), c.Label)))
            .DistinctBy(c => c.Key)
            .ToDictionary(c => c.Key, c => c.Label);
        var parts = changes.GroupBy(c => c.Part).Select(g => g.Key switch
        {
            ReportPart.Metadata => "基本信息：" + string.Join("、", g.Select(c => MetadataName(c.Field))),
            ReportPart.Sections => "正文：" + string.Join("、", g.Select(c => SectionName(c.Field))),
            _ => string.Join("；", g.Take(MaxChangesInAudit).Select(c => $"{labels.GetValueOrDefault((g.Key, c.Field), $"{TableName(g.Key)} {c.Field}")} {Show(c.Before)}→{Show(c.After)}"))
                + (g.Count() > MaxChangesInAudit ? $"；等 {g.Count()} 处" : ""),
        });
        return string.Join("。", parts);
    }

    private static string MetadataName(string field) => field switch
    {
        "title" => "报告标题",
        "scope" => "统计口径",
        "original_url" => "原文链接",
        "published_on" => "发布日期",
        _ => field,
    };

    private static string Show(string value) => value.Length == 0 ? "空白" : value;

    private static string SectionName(string field) => field switch
    {
        "preamble" => "前言",
        "overview" => "一、总体情况",
        "problems" => "五、存在的主要问题及改进情况",
        "other" => "六、其他需要报告的事项",
        _ => field,
    };

    private static string TableName(ReportPart part) => part switch
    {
        ReportPart.Proactive => "表二",
        ReportPart.Applications => "表三",
        _ => "表四",
    };
}
