using Disclosure.Domain.Register;
using Disclosure.Domain.Register.Cases;
using FluentValidation;

namespace Disclosure.Web.Features.Admin.Register.Cases;

/// <summary>What a clerk types about a case: its facts when it is filed, and its conclusion when it ends.</summary>
public sealed class CaseForm
{
    /// <summary>The case's revision the form was read at (optimistic concurrency); 0 for a new case.</summary>
    public int Revision { get; set; }

    public string? Number { get; set; }

    public string? Kind { get; set; }

    public string? FiledOn { get; set; }

    public string? Subject { get; set; }

    public string? ApplicationNumber { get; set; }

    public bool ReviewOrganOnly { get; set; }

    public string? ConcludedOn { get; set; }

    public string? Result { get; set; }

    /// <summary>修改原因: required when the change alters a published year's table 四.</summary>
    public string? ChangeReason { get; set; }

    public const int ChangeReasonMaxLength = 500;

    public static CaseForm Of(ReviewCase @case) => new()
    {
        Revision = @case.Revision,
        Number = @case.Number,
        Kind = @case.Kind.ToString(),
        FiledOn = WorkingCalendar.Format(@case.FiledOn),
        Subject = @case.Subject,
        ApplicationNumber = @case.ApplicationNumber,
        ReviewOrganOnly = @case.ReviewOrganOnly,
        ConcludedOn = @case.ConcludedOn is { } d ? WorkingCalendar.Format(d) : null,
        Result = @case.Result?.ToString(),
    };

    /// <summary>The record the form describes (call after the validator passed).</summary>
    public CaseRecord ToRecord()
    {
        CaseVocabulary.IsDefinedKind(Kind, out var kind);
        CaseResult? result = CaseVocabulary.IsDefinedResult(Result, out var r) ? r : null;
        return new CaseRecord(Number!.Trim(), kind, RegisterSteps.ParseDate(FiledOn)!.Value, Subject, ApplicationNumber,
            ReviewOrganOnly, RegisterSteps.ParseDate(ConcludedOn), result);
    }

    /// <summary>The form field a domain problem (named by <see cref="CaseFields"/>) belongs at.</summary>
    public static string FieldOf(string problemField) => problemField switch
    {
        CaseFields.Number => nameof(Number),
        CaseFields.Kind => nameof(Kind),
        CaseFields.FiledOn => nameof(FiledOn),
        CaseFields.Subject => nameof(Subject),
        CaseFields.ApplicationNumber => nameof(ApplicationNumber),
        CaseFields.ReviewOrganOnly => nameof(ReviewOrganOnly),
        CaseFields.ConcludedOn => nameof(ConcludedOn),
        CaseFields.Result => nameof(Result),
        _ => "",
    };
}

/// <summary>
/// The form's own checks, then the domain's rules between fields (<see cref="ReviewCase.Check"/>: a conclusion needs
/// its result, dates in order, the 201号 flag only on a suit after review), so one submission names every problem.
/// </summary>
public sealed class CaseFormValidator : AbstractValidator<CaseForm>
{
    public CaseFormValidator(DateOnly today)
    {
        RuleFor(f => f.Number).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("请填写案件编号。")
            .Must(n => n is null || n.Trim().Length <= ReviewCase.NumberMaxLength).WithMessage($"案件编号最多 {ReviewCase.NumberMaxLength} 个字符。");
        RuleFor(f => f.Kind).Must(k => CaseVocabulary.IsDefinedKind(k, out _)).WithMessage("请选择案件类型。");
        RuleFor(f => f.FiledOn).Must(d => !string.IsNullOrWhiteSpace(d)).WithMessage("请填写受理日期。")
            .Must(d => string.IsNullOrWhiteSpace(d) || RegisterSteps.ParseDate(d) is not null).WithMessage("受理日期的格式应为 2024-09-27。");
        RuleFor(f => f.Subject).Must(s => s is null || s.Trim().Length <= ReviewCase.SubjectMaxLength)
            .WithMessage($"案由最多 {ReviewCase.SubjectMaxLength} 个字。");
        RuleFor(f => f.ApplicationNumber).Must(n => n is null || n.Trim().Length <= ApplicationRecord.NumberMaxLength)
            .WithMessage($"申请编号最多 {ApplicationRecord.NumberMaxLength} 个字符。");
        RuleFor(f => f.ConcludedOn).Must(d => string.IsNullOrWhiteSpace(d) || RegisterSteps.ParseDate(d) is not null)
            .WithMessage("审结日期的格式应为 2024-09-27。");
        RuleFor(f => f.Result).Must(r => string.IsNullOrEmpty(r) || CaseVocabulary.IsDefinedResult(r, out _))
            .WithMessage("请选择审结结果。");
        RuleFor(f => f.ChangeReason).Must(r => r is null || r.Trim().Length <= CaseForm.ChangeReasonMaxLength)
            .WithMessage($"修改原因最多 {CaseForm.ChangeReasonMaxLength} 个字。");
        RuleFor(f => f).Custom((form, context) =>
        {
            // Only what the fields above let through: an unreadable date or choice already has its message.
            var concluded = RegisterSteps.ParseDate(form.ConcludedOn);
            CaseResult? result = CaseVocabulary.IsDefinedResult(form.Result, out var r) ? r : null;
            if (!CaseVocabulary.IsDefinedKind(form.Kind, out var kind) || RegisterSteps.ParseDate(form.FiledOn) is not { } filed
                || (concluded is null && !string.IsNullOrWhiteSpace(form.ConcludedOn)) || (result is null && !string.IsNullOrEmpty(form.Result)))
            {
                return;
            }

            var record = new CaseRecord(form.Number?.Trim() ?? "", kind, filed, null, null, form.ReviewOrganOnly, concluded, result);
            foreach (var problem in ReviewCase.Check(record, today).Where(p => p.Field is not (CaseFields.Number or CaseFields.Subject or CaseFields.ApplicationNumber)))
            {
                context.AddFailure(CaseForm.FieldOf(problem.Field), problem.Message + "。");
            }
        });
    }
}

/// <summary>Voiding a case entered by mistake.</summary>
public sealed class CaseVoidForm
{
    public int Revision { get; set; }

    /// <summary>作废原因; for a case counted in a published year it is also the reason for the change.</summary>
    public string? Reason { get; set; }
}

public sealed class CaseVoidFormValidator : AbstractValidator<CaseVoidForm>
{
    public CaseVoidFormValidator()
    {
        RuleFor(f => f.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("请说明作废原因。")
            .Must(r => r is null || r.Trim().Length <= ReviewCase.VoidReasonMaxLength).WithMessage($"作废原因最多 {ReviewCase.VoidReasonMaxLength} 个字。");
    }
}
