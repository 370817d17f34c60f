using System.Globalization;
using Disclosure.Domain.Register;
using FluentValidation;

namespace Disclosure.Web.Features.Admin.Register;

/// <summary>One event an application's page offers (its URL segment, its title, the date's label).</summary>
public enum RegisterStep
{
    CorrectionRequested,
    CorrectionReceived,
    ConsultationStarted,
    ConsultationReplied,
    Extension,
    FeeNotice,
    FeePaid,
    Answer,
    Void,
}

public static class RegisterSteps
{
    private static readonly (RegisterStep Step, string Segment, string Title, string DateLabel, string DateField)[] All =
    [
        (RegisterStep.CorrectionRequested, "correction-request", "告知补正", "补正告知日期", RegisterColumns.CorrectionRequestedOn),
        (RegisterStep.CorrectionReceived, "correction-receipt", "收到补正", "补正收到日期", RegisterColumns.CorrectionReceivedOn),
        (RegisterStep.ConsultationStarted, "consultation", "征求第三方或其他机关意见", "征求意见日期", RegisterColumns.ConsultationStartedOn),
        (RegisterStep.ConsultationReplied, "consultation-reply", "收到意见", "意见收到日期", RegisterColumns.ConsultationRepliedOn),
        (RegisterStep.Extension, "extension", "延长答复期限", "延期日期", "延期日期"),
        (RegisterStep.FeeNotice, "fee-notice", "发出收费通知", "收费通知日期", "收费通知日期"),
        (RegisterStep.FeePaid, "fee-paid", "登记缴费", "缴费日期", "缴费日期"),
        (RegisterStep.Answer, "answer", "答复", "答复日期", RegisterColumns.AnsweredOn),
        (RegisterStep.Void, "void", "作废", "作废日期", "作废日期"),
    ];

    public static RegisterStep? Parse(string? segment) =>
        All.FirstOrDefault(s => s.Segment == segment) is { Segment: not null } found ? found.Step : null;

    public static string Segment(this RegisterStep step) => All.First(s => s.Step == step).Segment;

    public static string Title(this RegisterStep step) => All.First(s => s.Step == step).Title;

    public static string DateLabel(this RegisterStep step) => All.First(s => s.Step == step).DateLabel;

    /// <summary>The steps an application in <paramref name="application"/>'s state can take now.</summary>
    public static IReadOnlyList<RegisterStep> Available(DisclosureApplication application)
    {
        if (application.VoidedOn is not null)
        {
            return [];
        }

        if (application.AnsweredOn is not null)
        {
            return [RegisterStep.Void];
        }

        var steps = new List<RegisterStep>();
        if (application.CorrectionRequestedOn is null)
        {
            steps.Add(RegisterStep.CorrectionRequested);
        }
        else if (application.CorrectionReceivedOn is null)
        {
            steps.Add(RegisterStep.CorrectionReceived);
        }

        if (application.ConsultationStartedOn is null)
        {
            steps.Add(RegisterStep.ConsultationStarted);
        }
        else if (application.ConsultationRepliedOn is null)
        {
            steps.Add(RegisterStep.ConsultationReplied);
        }

        if (application.ExtensionDays == 0)
        {
            steps.Add(RegisterStep.Extension);
        }

        if (application.FeeNoticeOn is null)
        {
            steps.Add(RegisterStep.FeeNotice);
        }
        else if (application.FeePaidOn is null)
        {
            steps.Add(RegisterStep.FeePaid);
        }

        steps.Add(RegisterStep.Answer);
        steps.Add(RegisterStep.Void);
        return steps;
    }

    /// <summary>
    /// The form field a domain problem belongs at: the step's date, the outcome, the days, who consented, the reason;
    /// anything else is shown above the form.
    /// </summary>
    public static string FieldOf(RegisterStep step, string problemField) => problemField switch
    {
        RegisterColumns.Outcome => nameof(StepForm.Outcome),
        RegisterColumns.ExtensionDays => nameof(StepForm.Days),
        "延期批准人" => nameof(StepForm.GrantedBy),
        "作废原因" when step == RegisterStep.Void => nameof(StepForm.Reason),
        _ when problemField == All.First(s => s.Step == step).DateField => nameof(StepForm.Date),
        _ => "",
    };

    public static DateOnly? ParseDate(string? text)
    {
        var t = text?.Trim();
        return DateOnly.TryParseExact(t, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy年M月d日"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
    }
}

/// <summary>What a clerk types to register a received application (the template's columns up to 备注).</summary>
public sealed class ApplicationForm
{
    public string? Number { get; set; }

    public string? ReceivedOn { get; set; }

    public string? ApplicantType { get; set; }

    public string? Channel { get; set; }

    public string? Content { get; set; }

    public string? ApplicantName { get; set; }

    public string? ApplicantContact { get; set; }

    public string? Remarks { get; set; }

    public ApplicationRecord ToRecord() => new(
        Number!.Trim(),
        RegisterSteps.ParseDate(ReceivedOn)!.Value,
        Enum.Parse<ApplicantType>(ApplicantType!),
        Content!.Trim(),
        string.IsNullOrEmpty(Channel) ? null : Enum.Parse<ApplicationChannel>(Channel),
        ApplicantName,
        ApplicantContact,
        Remarks: Remarks);

    /// <summary>The form field a domain problem (named by its template header) belongs at.</summary>
    public static string FieldOf(string problemField) => problemField switch
    {
        RegisterColumns.Number => nameof(Number),
        RegisterColumns.ReceivedOn => nameof(ReceivedOn),
        RegisterColumns.ApplicantType => nameof(ApplicantType),
        RegisterColumns.Channel => nameof(Channel),
        RegisterColumns.Content => nameof(Content),
        RegisterColumns.ApplicantName => nameof(ApplicantName),
        RegisterColumns.ApplicantContact => nameof(ApplicantContact),
        RegisterColumns.Remarks => nameof(Remarks),
        _ => "",
    };
}

public sealed class ApplicationFormValidator : AbstractValidator<ApplicationForm>
{
    public ApplicationFormValidator()
    {
        RuleFor(f => f.Number).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("请填写申请编号。")
            .Must(n => n is null || n.Trim().Length <= ApplicationRecord.NumberMaxLength).WithMessage($"申请编号最多 {ApplicationRecord.NumberMaxLength} 个字符。");
        RuleFor(f => f.ReceivedOn).Must(d => !string.IsNullOrWhiteSpace(d)).WithMessage("请填写收到申请日期。")
            .Must(d => string.IsNullOrWhiteSpace(d) || RegisterSteps.ParseDate(d) is not null).WithMessage("收到申请日期的格式应为 2024-09-27。");
        RuleFor(f => f.ApplicantType).Must(t => Enum.TryParse<ApplicantType>(t, out var v) && Enum.IsDefined(v) && !int.TryParse(t, out _))
            .WithMessage("请选择申请人类型。");
        RuleFor(f => f.Channel).Must(c => string.IsNullOrEmpty(c) || (Enum.TryParse<ApplicationChannel>(c, out var v) && Enum.IsDefined(v) && !int.TryParse(c, out _)))
            .WithMessage("请选择申请方式。");
        RuleFor(f => f.Content).Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage("请填写申请内容。")
            .Must(c => c is null || c.Trim().Length <= ApplicationRecord.ContentMaxLength).WithMessage($"申请内容最多 {ApplicationRecord.ContentMaxLength} 个字。");
        RuleFor(f => f.ApplicantName).Must(n => n is null || n.Trim().Length <= ApplicationRecord.ApplicantNameMaxLength)
            .WithMessage($"申请人最多 {ApplicationRecord.ApplicantNameMaxLength} 个字。");
        RuleFor(f => f.ApplicantContact).Must(n => n is null || n.Trim().Length <= ApplicationRecord.ApplicantContactMaxLength)
            .WithMessage($"联系方式最多 {ApplicationRecord.ApplicantContactMaxLength} 个字。");
        RuleFor(f => f.Remarks).Must(n => n is null || n.Trim().Length <= ApplicationRecord.RemarksMaxLength)
            .WithMessage($"备注最多 {ApplicationRecord.RemarksMaxLength} 个字。");
    }
}

/// <summary>One event on an application: its date and what the event needs (outcome, days and who consented, reason).</summary>
public sealed class StepForm
{
    /// <summary>The application's revision the form was read at (optimistic concurrency).</summary>
    public int Revision { get; set; }

    public string? Date { get; set; }

    public string? Outcome { get; set; }

    public string? Days { get; set; }

    public string? GrantedBy { get; set; }

    /// <summary>作废原因.</summary>
    public string? Reason { get; set; }

    /// <summary>修改原因: required when the change alters a published year's table 三.</summary>
    public string? ChangeReason { get; set; }

    public const int ChangeReasonMaxLength = 500;
}

public sealed class StepFormValidator : AbstractValidator<StepForm>
{
    public StepFormValidator(RegisterStep step)
    {
        var label = step.DateLabel();
        RuleFor(f => f.Date).Must(d => !string.IsNullOrWhiteSpace(d)).WithMessage($"请填写{label}。")
            .Must(d => string.IsNullOrWhiteSpace(d) || RegisterSteps.ParseDate(d) is not null).WithMessage($"{label}的格式应为 2024-09-27。");
        if (step == RegisterStep.Answer)
        {
            RuleFor(f => f.Outcome).Must(RegisterVocabulary.IsOutcome).WithMessage("请选择办理结果（只选一种）。");
        }

        if (step == RegisterStep.Extension)
        {
            RuleFor(f => f.Days).Must(d => int.TryParse(d?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= AnswerDeadline.MaxExtensionDays)
                .WithMessage($"延期工作日须为 1–{AnswerDeadline.MaxExtensionDays} 的整数（第三十三条）。");
            RuleFor(f => f.GrantedBy).Must(g => !string.IsNullOrWhiteSpace(g)).WithMessage("请填写同意延期的负责人。")
                .Must(g => g is null || g.Trim().Length <= DisclosureApplication.ExtensionGrantedByMaxLength)
                .WithMessage($"同意延期的负责人最多 {DisclosureApplication.ExtensionGrantedByMaxLength} 个字。");
        }

        if (step == RegisterStep.Void)
        {
            RuleFor(f => f.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("请说明作废原因。")
                .Must(r => r is null || r.Trim().Length <= DisclosureApplication.VoidReasonMaxLength)
                .WithMessage($"作废原因最多 {DisclosureApplication.VoidReasonMaxLength} 个字。");
        }

        RuleFor(f => f.ChangeReason).Must(r => r is null || r.Trim().Length <= StepForm.ChangeReasonMaxLength)
            .WithMessage($"修改原因最多 {StepForm.ChangeReasonMaxLength} 个字。");
    }
}
