namespace Disclosure.Domain.Audit;

public enum AuditAction
{
    ReportCreated = 1,
    ReportSaved = 2,
    ReportSubmitted = 3,
    ReportReturned = 4,
    ReportApproved = 5,
    ReportPublished = 6,
    CorrectionStarted = 7,
    CarryOverOverridden = 8,
    AgencyCreated = 20,
    AgencyUpdated = 21,
    UserCreated = 30,
    UserUpdated = 31,
    UserDisabled = 32,
    UserEnabled = 33,
    ApplicationRegistered = 40,
    ApplicationChanged = 41,
    ApplicationViewed = 42,
    RegisterTableApplied = 43,
    CalendarNoticeEntered = 44,
    RegisterImported = 45,
    RegisterExported = 46,
    CaseFiled = 47,
    CaseChanged = 48,
    CaseTableApplied = 49,
    SignedIn = 50,
    SignInFailed = 51,
    SignedOut = 52,
    PasswordChanged = 53,
}

/// <summary>
/// Who did what to which report (or agency, or account) and when. Kept in the database for Administrators; the
/// application log gets ids and outcomes only.
/// </summary>
public sealed class AuditEntry
{
    public const int UserMaxLength = 256;
    public const int DetailsMaxLength = 4000;

    private AuditEntry()
    {
        UserName = "";
    }

    public AuditEntry(DateTimeOffset at, string? userId, string userName, AuditAction action, string? details = null)
    {
        At = at;
        UserId = userId;
        UserName = userName.Length > UserMaxLength ? userName[..UserMaxLength] : userName;
        Action = action;
        Details = details is { Length: > DetailsMaxLength } ? details[..DetailsMaxLength] : details;
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string? UserId { get; private set; }

    public string UserName { get; private set; }

    public AuditAction Action { get; private set; }

    public int? AgencyId { get; private set; }

    public int? ReportId { get; private set; }

    public int? ReportVersionId { get; private set; }

    /// <summary>The version's revision after this action (for saves: which save this was).</summary>
    public int? Revision { get; private set; }

    /// <summary>What changed (parts and fields), a comment or a note; never a password.</summary>
    public string? Details { get; private set; }

    public AuditEntry ForReport(int agencyId, int reportId, int? versionId, int? revision)
    {
        AgencyId = agencyId;
        ReportId = reportId;
        ReportVersionId = versionId;
        Revision = revision;
        return this;
    }

    public AuditEntry ForAgency(int agencyId)
    {
        AgencyId = agencyId;
        return this;
    }

    public static string DisplayName(AuditAction action) => action switch
    {
        AuditAction.ReportCreated => "新建报告",
        AuditAction.ReportSaved => "保存",
        AuditAction.ReportSubmitted => "提交审核",
        AuditAction.ReportReturned => "退回修改",
        AuditAction.ReportApproved => "审核通过",
        AuditAction.ReportPublished => "发布",
        AuditAction.CorrectionStarted => "发起更正",
        AuditAction.CarryOverOverridden => "说明上年结转差异",
        AuditAction.AgencyCreated => "新建机关",
        AuditAction.AgencyUpdated => "修改机关",
        AuditAction.UserCreated => "新建账号",
        AuditAction.UserUpdated => "修改账号",
        AuditAction.UserDisabled => "停用账号",
        AuditAction.UserEnabled => "启用账号",
        AuditAction.ApplicationRegistered => "登记依申请公开申请",
        AuditAction.ApplicationChanged => "办理依申请公开申请",
        AuditAction.ApplicationViewed => "查看申请详情",
        AuditAction.RegisterTableApplied => "从台账生成表三",
        AuditAction.CalendarNoticeEntered => "录入节假日安排",
        AuditAction.RegisterImported => "导入登记台账",
        AuditAction.RegisterExported => "导出登记台账",
        AuditAction.CaseFiled => "登记复议诉讼案件",
        AuditAction.CaseChanged => "修改复议诉讼案件",
        AuditAction.CaseTableApplied => "从案件台账生成表四",
        AuditAction.SignedIn => "登录",
        AuditAction.SignInFailed => "登录失败",
        AuditAction.SignedOut => "退出登录",
        AuditAction.PasswordChanged => "修改密码",
        _ => action.ToString(),
    };
}
