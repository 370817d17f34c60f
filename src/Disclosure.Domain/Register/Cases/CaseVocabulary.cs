using F = Disclosure.Domain.Reports.Layouts.ReviewsLayout.Fields;
using G = Disclosure.Domain.Reports.Layouts.ReviewsLayout.Groups;

namespace Disclosure.Domain.Register.Cases;

/// <summary>Which of table 四's three groups a case belongs to.</summary>
public enum CaseKind
{
    /// <summary>行政复议: the applicant asked for an administrative review of the office's handling.</summary>
    AdministrativeReview = 1,

    /// <summary>行政诉讼·未经复议直接起诉.</summary>
    LitigationDirect = 2,

    /// <summary>行政诉讼·复议后起诉: a suit brought after a review decision.</summary>
    LitigationAfterReview = 3,
}

/// <summary>
/// How a case ended, in the words of the decision (复议决定书 / 判决书 / 裁定书), and the column of table 四 each
/// counts in (ADR 0020): 维持 or a rejected claim on the merits → 结果维持; 撤销 / 变更 / 确认违法 / 责令履行 → 结果纠正;
/// ended without a ruling on the merits (撤回, 终止, 驳回起诉, 调解) → 其他结果.
/// </summary>
public enum CaseResult
{
    /// <summary>维持原行政行为 (复议维持).</summary>
    Upheld = 1,

    /// <summary>驳回复议请求 / 判决驳回诉讼请求: the claim failed on its merits.</summary>
    ClaimRejected = 2,

    /// <summary>撤销 (including 撤销并责令重作).</summary>
    Revoked = 3,

    /// <summary>变更.</summary>
    Altered = 4,

    /// <summary>确认违法.</summary>
    ConfirmedUnlawful = 5,

    /// <summary>责令履行 / 判决履行: the office must answer or disclose.</summary>
    OrderedToAct = 6,

    /// <summary>申请人撤回复议申请 / 原告撤诉.</summary>
    Withdrawn = 7,

    /// <summary>复议终止.</summary>
    Terminated = 8,

    /// <summary>驳回复议申请 / 裁定驳回起诉: refused without a ruling on the merits.</summary>
    Dismissed = 9,

    /// <summary>调解 / 和解.</summary>
    Settled = 10,

    /// <summary>其他.</summary>
    Other = 11,
}

public static class CaseVocabulary
{
    public static string Label(this CaseKind kind) => kind switch
    {
        CaseKind.AdministrativeReview => "行政复议",
        CaseKind.LitigationDirect => "行政诉讼·未经复议直接起诉",
        CaseKind.LitigationAfterReview => "行政诉讼·复议后起诉",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The table 四 group key (<see cref="Reports.Layouts.ReviewsLayout.Groups"/>).</summary>
    public static string GroupKey(this CaseKind kind) => kind switch
    {
        CaseKind.AdministrativeReview => G.AdministrativeReview,
        CaseKind.LitigationDirect => G.LitigationDirect,
        CaseKind.LitigationAfterReview => G.LitigationAfterReview,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Label(this CaseResult result) => result switch
    {
        CaseResult.Upheld => "维持",
        CaseResult.ClaimRejected => "驳回复议请求或诉讼请求",
        CaseResult.Revoked => "撤销（含责令重作）",
        CaseResult.Altered => "变更",
        CaseResult.ConfirmedUnlawful => "确认违法",
        CaseResult.OrderedToAct => "责令履行",
        CaseResult.Withdrawn => "撤回申请或撤诉",
        CaseResult.Terminated => "终止",
        CaseResult.Dismissed => "驳回复议申请或驳回起诉",
        CaseResult.Settled => "调解或和解",
        CaseResult.Other => "其他",
        _ => throw new ArgumentOutOfRangeException(nameof(result)),
    };

    /// <summary>The table 四 field a concluded case counts in (结果维持 / 结果纠正 / 其他结果).</summary>
    public static string FieldKey(this CaseResult result) => result switch
    {
        CaseResult.Upheld or CaseResult.ClaimRejected => F.Upheld,
        CaseResult.Revoked or CaseResult.Altered or CaseResult.ConfirmedUnlawful or CaseResult.OrderedToAct => F.Corrected,
        CaseResult.Withdrawn or CaseResult.Terminated or CaseResult.Dismissed or CaseResult.Settled or CaseResult.Other => F.Other,
        _ => throw new ArgumentOutOfRangeException(nameof(result)),
    };

    /// <summary>「撤销（含责令重作）→ 结果纠正」: what a clerk reads beside each choice.</summary>
    public static string LabelWithColumn(this CaseResult result) =>
        $"{result.Label()} → {Reports.Layouts.ReviewsLayout.GroupFields.Single(f => f.Key == result.FieldKey()).Label}";

    public static bool IsDefinedKind(string? text, out CaseKind kind) =>
        Enum.TryParse(text, out kind) && Enum.IsDefined(kind) && !int.TryParse(text, out _);

    public static bool IsDefinedResult(string? text, out CaseResult result) =>
        Enum.TryParse(text, out result) && Enum.IsDefined(result) && !int.TryParse(text, out _);
}
