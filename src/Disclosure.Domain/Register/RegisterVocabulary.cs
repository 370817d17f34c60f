using Disclosure.Domain.Reports.Layouts;
using A = Disclosure.Domain.Reports.Layouts.ApplicationsLayout;

namespace Disclosure.Domain.Register;

/// <summary>申请人类型: the six applicant columns of table 三.</summary>
public enum ApplicantType
{
    NaturalPerson = 1,
    Commercial = 2,
    Research = 3,
    SocialWelfare = 4,
    LegalServices = 5,
    Other = 6,
}

/// <summary>申请方式 (第三十一条 fixes the receipt date by it).</summary>
public enum ApplicationChannel
{
    InPerson = 1,
    Post = 2,
    Online = 3,
    Fax = 4,
    Other = 5,
}

/// <summary>One 办理结果: a leaf result row of table 三 (format 2021), by its row key.</summary>
public sealed record ApplicationOutcome(string Key, string Label, string Group)
{
    /// <summary>The label with its group where the label alone is ambiguous (e.g. 「（六）其他处理 · 3.其他」).</summary>
    public string FullLabel => Group.Length == 0 ? Label : $"{Group} · {Label}";
}

/// <summary>The words of the exchange template (register.md) and their table 三 keys.</summary>
public static class RegisterVocabulary
{
    private static readonly (ApplicantType Type, string Label, string Column)[] ApplicantTypes =
    [
        (ApplicantType.NaturalPerson, "自然人", A.Columns.NaturalPerson),
        (ApplicantType.Commercial, "商业企业", A.Columns.Commercial),
        (ApplicantType.Research, "科研机构", A.Columns.Research),
        (ApplicantType.SocialWelfare, "社会公益组织", A.Columns.SocialWelfare),
        (ApplicantType.LegalServices, "法律服务机构", A.Columns.LegalServices),
        (ApplicantType.Other, "其他", A.Columns.OtherOrg),
    ];

    private static readonly (ApplicationChannel Channel, string Label)[] Channels =
    [
        (ApplicationChannel.InPerson, "当面"),
        (ApplicationChannel.Post, "邮寄"),
        (ApplicationChannel.Online, "网络"),
        (ApplicationChannel.Fax, "传真"),
        (ApplicationChannel.Other, "其他"),
    ];

    /// <summary>The 21 outcomes, in the printed order of table 三's result rows (format 2021).</summary>
    public static readonly IReadOnlyList<ApplicationOutcome> Outcomes =
        A.ResultLeafRows(A.Format2021)
            .Select(key => A.Format2021.Row(key)!)
            .Select(row => new ApplicationOutcome(row.Key, StripNumber(row.Label), row.Subgroup ?? ""))
            .ToArray();

    private static readonly Dictionary<string, ApplicationOutcome> OutcomesByKey =
        Outcomes.ToDictionary(o => o.Key, StringComparer.Ordinal);

    public static IReadOnlyList<string> ApplicantTypeLabels { get; } = ApplicantTypes.Select(t => t.Label).ToArray();

    public static IReadOnlyList<string> ChannelLabels { get; } = Channels.Select(c => c.Label).ToArray();

    /// <summary>The wording a person picks from (the template's drop-down): each outcome's label, unambiguous.</summary>
    public static IReadOnlyList<string> OutcomeLabels { get; } = Outcomes.Select(TemplateLabel).ToArray();

    public static string Label(this ApplicantType type) => ApplicantTypes.First(t => t.Type == type).Label;

    /// <summary>The table 三 column key (data-schema.md) of an applicant type.</summary>
    public static string ColumnKey(this ApplicantType type) => ApplicantTypes.First(t => t.Type == type).Column;

    public static string Label(this ApplicationChannel channel) => Channels.First(c => c.Channel == channel).Label;

    public static ApplicationOutcome Outcome(string key) =>
        OutcomesByKey.GetValueOrDefault(key) ?? throw new KeyNotFoundException($"No outcome '{key}'.");

    public static bool IsOutcome(string? key) => key is not null && OutcomesByKey.ContainsKey(key);

    /// <summary>The outcome as the template writes it: its label, except 「其他」 of （六） which is 「其他处理」.</summary>
    public static string TemplateLabel(ApplicationOutcome outcome) => outcome.Key == "other_3" ? "其他处理" : outcome.Label;

    public static ApplicantType? ParseApplicantType(string text)
    {
        var t = text.Trim();
        foreach (var entry in ApplicantTypes)
        {
            if (entry.Label == t || entry.Column == t)
            {
                return entry.Type;
            }
        }

        return t is "法人或其他组织-其他" or "其他组织" ? ApplicantType.Other : null;
    }

    public static ApplicationChannel? ParseChannel(string text)
    {
        var t = text.Trim();
        foreach (var entry in Channels)
        {
            if (entry.Label == t)
            {
                return entry.Channel;
            }
        }

        return t switch
        {
            "信函" or "邮件" => ApplicationChannel.Post,
            "网上" or "在线" or "电子邮件" or "互联网" => ApplicationChannel.Online,
            _ => null,
        };
    }

    /// <summary>
    /// An outcome from the template's wording: the row key (<c>deny_4</c>), the label with or without its number
    /// (「4.保护第三方合法权益」, 「保护第三方合法权益」), 「其他」/「其他处理」 for （六）3, or 「予以公开」.
    /// </summary>
    public static ApplicationOutcome? ParseOutcome(string text)
    {
        var t = text.Trim();
        if (OutcomesByKey.TryGetValue(t, out var byKey))
        {
            return byKey;
        }

        var label = Normalise(StripNumber(t));
        if (label is "其他" or "其他处理")
        {
            return OutcomesByKey["other_3"];
        }

        return Outcomes.FirstOrDefault(o => Normalise(o.Label) == label || Normalise(o.Label).StartsWith(label + "（", StringComparison.Ordinal)
            || (label.Length >= 6 && Normalise(o.Label).StartsWith(label, StringComparison.Ordinal)));
    }

    /// <summary>（一）予以公开 → 予以公开; 4.保护… → 保护….</summary>
    private static string StripNumber(string label)
    {
        var s = label.Trim();
        if (s.StartsWith('（') && s.IndexOf('）') is > 0 and var close)
        {
            s = s[(close + 1)..];
        }

        var dot = s.IndexOfAny(['.', '．', '、']);
        if (dot is > 0 and <= 2 && s[..dot].All(char.IsDigit))
        {
            s = s[(dot + 1)..];
        }

        return s.Trim();
    }

    private static string Normalise(string label) => label.Replace("“", "\"").Replace("”", "\"").Replace(" ", "");

    internal static TableLayout LayoutFor(int year) => year >= 2021 ? A.Format2021 : A.SingleOtherRow;
}

/// <summary>The Chinese words for an application's state.</summary>
public static class ApplicationStateLabels
{
    public static string Label(this ApplicationState state) => state switch
    {
        ApplicationState.InProgress => "办理中",
        ApplicationState.AwaitingCorrection => "待补正",
        ApplicationState.InConsultation => "征求意见中",
        ApplicationState.AwaitingFee => "待缴费",
        ApplicationState.Answered => "已办结",
        ApplicationState.Voided => "已作废",
        _ => state.ToString(),
    };

    /// <summary>The export's 状态 column: 办理中 or 已办结 (a voided application is not exported).</summary>
    public static string ExportLabel(this ApplicationState state) => state == ApplicationState.Answered ? "已办结" : "办理中";
}
