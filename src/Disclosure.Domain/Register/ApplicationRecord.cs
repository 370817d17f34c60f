namespace Disclosure.Domain.Register;

/// <summary>The headers of the exchange template (register.md), which also name the fields in every message.</summary>
public static class RegisterColumns
{
    public const string Number = "申请编号";
    public const string ReceivedOn = "收到申请日期";
    public const string ApplicantType = "申请人类型";
    public const string Content = "申请内容";
    public const string Channel = "申请方式";
    public const string ApplicantName = "申请人";
    public const string ApplicantContact = "联系方式";
    public const string CorrectionRequestedOn = "补正告知日期";
    public const string CorrectionReceivedOn = "补正收到日期";
    public const string ConsultationStartedOn = "征求意见日期";
    public const string ConsultationRepliedOn = "意见收到日期";
    public const string ExtensionDays = "延期工作日";
    public const string AnsweredOn = "答复日期";
    public const string Outcome = "办理结果";
    public const string Remarks = "备注";

    /// <summary>Computed on export.</summary>
    public const string Due = "答复期限";
    public const string State = "状态";
    public const string Overdue = "是否逾期";

    /// <summary>The template's columns in order.</summary>
    public static readonly IReadOnlyList<string> Template =
    [
        Number, ReceivedOn, ApplicantType, Content, Channel, ApplicantName, ApplicantContact, CorrectionRequestedOn,
        CorrectionReceivedOn, ConsultationStartedOn, ConsultationRepliedOn, ExtensionDays, AnsweredOn, Outcome, Remarks,
    ];

    /// <summary>The columns a file must have.</summary>
    public static readonly IReadOnlyList<string> Required = [Number, ReceivedOn, ApplicantType, Content];

    /// <summary>Personal information (《个人信息保护法》): never in a log, an error message or a public page.</summary>
    public static readonly IReadOnlyList<string> Personal = [ApplicantName, ApplicantContact];
}

/// <summary>A problem with one field of an application, named by its template header.</summary>
public sealed record RecordProblem(string Field, string Message);

/// <summary>
/// Everything the register knows of one application, as one row of the exchange template holds it. The same
/// checks guard an import row, a form and each event method of <see cref="DisclosureApplication"/>.
/// </summary>
public sealed record ApplicationRecord(
    string Number,
    DateOnly ReceivedOn,
    ApplicantType ApplicantType,
    string Content,
    ApplicationChannel? Channel = null,
    string? ApplicantName = null,
    string? ApplicantContact = null,
    DateOnly? CorrectionRequestedOn = null,
    DateOnly? CorrectionReceivedOn = null,
    DateOnly? ConsultationStartedOn = null,
    DateOnly? ConsultationRepliedOn = null,
    int ExtensionDays = 0,
    DateOnly? AnsweredOn = null,
    string? Outcome = null,
    string? Remarks = null)
{
    public const int NumberMaxLength = 64;
    public const int ContentMaxLength = 2000;
    public const int ApplicantNameMaxLength = 100;
    public const int ApplicantContactMaxLength = 200;
    public const int RemarksMaxLength = 2000;

    /// <summary>The earliest receipt date the register accepts (the 条例 of 2019 applies from 2019-05-15; older registers reach back).</summary>
    public static readonly DateOnly EarliestDate = new(2008, 5, 1);

    /// <summary>When the answer period runs from: the completed application's arrival (第三十条), else the receipt.</summary>
    public DateOnly ClockStart => CorrectionReceivedOn ?? ReceivedOn;

    /// <summary>
    /// What is wrong with this record, field by field, in Chinese. <paramref name="today"/> refuses dates in the future.
    /// Personal fields are named, never quoted.
    /// </summary>
    public IReadOnlyList<RecordProblem> Problems(DateOnly today)
    {
        var problems = new List<RecordProblem>();
        void Add(string field, string message) => problems.Add(new RecordProblem(field, message));

        Text(Number, RegisterColumns.Number, NumberMaxLength, required: true, problems);
        Text(Content, RegisterColumns.Content, ContentMaxLength, required: true, problems);
        Text(ApplicantName, RegisterColumns.ApplicantName, ApplicantNameMaxLength, required: false, problems);
        Text(ApplicantContact, RegisterColumns.ApplicantContact, ApplicantContactMaxLength, required: false, problems);
        Text(Remarks, RegisterColumns.Remarks, RemarksMaxLength, required: false, problems);
        if (!Enum.IsDefined(ApplicantType))
        {
            Add(RegisterColumns.ApplicantType, "申请人类型须为：" + string.Join(" · ", RegisterVocabulary.ApplicantTypeLabels));
        }

        if (Channel is { } channel && !Enum.IsDefined(channel))
        {
            Add(RegisterColumns.Channel, "申请方式须为：" + string.Join(" · ", RegisterVocabulary.ChannelLabels));
        }

        if (ReceivedOn < EarliestDate)
        {
            Add(RegisterColumns.ReceivedOn, $"收到申请日期不能早于 {WorkingCalendar.Format(EarliestDate)}");
        }

        void NotFuture(DateOnly? date, string field)
        {
            if (date > today)
            {
                Add(field, $"{field}（{WorkingCalendar.Format(date.Value)}）晚于今天");
            }
        }

        void NotBefore(DateOnly? date, string field, DateOnly? earlier, string earlierField)
        {
            if (date is { } d && earlier is { } e && d < e)
            {
                Add(field, $"{field}（{WorkingCalendar.Format(d)}）早于{earlierField}（{WorkingCalendar.Format(e)}）");
            }
        }

        NotFuture(ReceivedOn, RegisterColumns.ReceivedOn);
        NotFuture(CorrectionRequestedOn, RegisterColumns.CorrectionRequestedOn);
        NotFuture(CorrectionReceivedOn, RegisterColumns.CorrectionReceivedOn);
        NotFuture(ConsultationStartedOn, RegisterColumns.ConsultationStartedOn);
        NotFuture(ConsultationRepliedOn, RegisterColumns.ConsultationRepliedOn);
        NotFuture(AnsweredOn, RegisterColumns.AnsweredOn);

        NotBefore(CorrectionRequestedOn, RegisterColumns.CorrectionRequestedOn, ReceivedOn, RegisterColumns.ReceivedOn);
        if (CorrectionReceivedOn is not null && CorrectionRequestedOn is null)
        {
            Add(RegisterColumns.CorrectionReceivedOn, "有补正收到日期，须先填写补正告知日期");
        }

        NotBefore(CorrectionReceivedOn, RegisterColumns.CorrectionReceivedOn, CorrectionRequestedOn, RegisterColumns.CorrectionRequestedOn);
        NotBefore(ConsultationStartedOn, RegisterColumns.ConsultationStartedOn, ClockStart,
            CorrectionReceivedOn is null ? RegisterColumns.ReceivedOn : RegisterColumns.CorrectionReceivedOn);
        if (ConsultationRepliedOn is not null && ConsultationStartedOn is null)
        {
            Add(RegisterColumns.ConsultationRepliedOn, "有意见收到日期，须先填写征求意见日期");
        }

        NotBefore(ConsultationRepliedOn, RegisterColumns.ConsultationRepliedOn, ConsultationStartedOn, RegisterColumns.ConsultationStartedOn);
        if (ExtensionDays is < 0 or > AnswerDeadline.MaxExtensionDays)
        {
            Add(RegisterColumns.ExtensionDays, $"延期工作日须为 0–{AnswerDeadline.MaxExtensionDays} 的整数（第三十三条：延长期限最长不得超过 20 个工作日）");
        }

        NotBefore(AnsweredOn, RegisterColumns.AnsweredOn, ReceivedOn, RegisterColumns.ReceivedOn);
        NotBefore(AnsweredOn, RegisterColumns.AnsweredOn, CorrectionReceivedOn, RegisterColumns.CorrectionReceivedOn);
        NotBefore(AnsweredOn, RegisterColumns.AnsweredOn, ConsultationStartedOn, RegisterColumns.ConsultationStartedOn);
        if (AnsweredOn is not null && Outcome is null)
        {
            Add(RegisterColumns.Outcome, "已填写答复日期，须选择办理结果");
        }
        else if (Outcome is not null && AnsweredOn is null)
        {
            Add(RegisterColumns.AnsweredOn, "已选择办理结果，须填写答复日期");
        }

        if (Outcome is not null && !RegisterVocabulary.IsOutcome(Outcome))
        {
            Add(RegisterColumns.Outcome, "办理结果须为表三的一种情形（如 予以公开、部分公开、本机关不掌握相关政府信息）");
        }

        return problems;
    }

    private static void Text(string? value, string field, int maxLength, bool required, List<RecordProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                problems.Add(new RecordProblem(field, $"{field}不能为空"));
            }

            return;
        }

        if (value.Length > maxLength)
        {
            problems.Add(new RecordProblem(field, $"{field}不能超过 {maxLength} 个字（现为 {value.Length} 个字）"));
        }

        if (value.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            problems.Add(new RecordProblem(field, $"{field}含有不可见的控制字符"));
        }
    }
}
