namespace Disclosure.Domain.Register.Cases;

/// <summary>The facts of a case as a clerk enters them (new or corrected), checked by <see cref="ReviewCase"/>.</summary>
public sealed record CaseRecord(
    string Number,
    CaseKind Kind,
    DateOnly FiledOn,
    string? Subject = null,
    string? ApplicationNumber = null,
    bool ReviewOrganOnly = false,
    DateOnly? ConcludedOn = null,
    CaseResult? Result = null);

/// <summary>The names the case form and every problem use for the fields.</summary>
public static class CaseFields
{
    public const string Number = "案件编号";
    public const string Kind = "案件类型";
    public const string FiledOn = "受理日期";
    public const string Subject = "案由";
    public const string ApplicationNumber = "涉及的申请编号";
    public const string ReviewOrganOnly = "仅作为复议机关共同被告";
    public const string ConcludedOn = "审结日期";
    public const string Result = "审结结果";
    public const string VoidReason = "作废原因";
}

/// <summary>
/// One administrative review (行政复议) or suit (行政诉讼) about the office's disclosure work, in its case register:
/// what table 四 is counted from (<see cref="CaseCount"/>, ADR 0020). A case is filed on a date, and concludes on a
/// date with one result; a case entered by mistake is voided with a reason and counted nowhere. A suit in which the
/// office is sued only as the review organ, beside the office whose act is contested, is recorded but not counted
/// (国办公开办函〔2016〕201号).
/// </summary>
public sealed class ReviewCase
{
    public const int NumberMaxLength = 60;
    public const int SubjectMaxLength = 500;
    public const int VoidReasonMaxLength = 500;

    private ReviewCase()
    {
        Number = "";
    }

    public int Id { get; private set; }

    public int AgencyId { get; private set; }

    /// <summary>案件编号 (the 复议 or court case number, or the office's own), unique within the office.</summary>
    public string Number { get; private set; }

    public CaseKind Kind { get; private set; }

    /// <summary>受理（立案）日期.</summary>
    public DateOnly FiledOn { get; private set; }

    /// <summary>案由: what the case is about, in the office's words (no personal names needed).</summary>
    public string? Subject { get; private set; }

    /// <summary>The 申请编号 of the application the case arose from, when it is in the register.</summary>
    public string? ApplicationNumber { get; private set; }

    /// <summary>Sued only as the review organ, as co-defendant (201号): recorded, not counted.</summary>
    public bool ReviewOrganOnly { get; private set; }

    public DateOnly? ConcludedOn { get; private set; }

    public CaseResult? Result { get; private set; }

    public DateOnly? VoidedOn { get; private set; }

    public string? VoidReason { get; private set; }

    /// <summary>Raised on every change (optimistic concurrency).</summary>
    public int Revision { get; private set; }

    public bool IsVoided => VoidedOn is not null;

    /// <summary>What counting needs of this case.</summary>
    public CountedCase Counted => new(Kind, FiledOn, ConcludedOn, Result, !IsVoided && !ReviewOrganOnly);

    /// <summary>A new case, or the problems that refuse it (each at its field).</summary>
    public static ReviewCase File(int agencyId, CaseRecord record, DateOnly today)
    {
        var entered = new ReviewCase { AgencyId = agencyId };
        entered.Set(record, today);
        return entered;
    }

    /// <summary>Corrects or completes the facts (e.g. records its conclusion).</summary>
    public void Update(CaseRecord record, DateOnly today)
    {
        if (IsVoided)
        {
            throw new RegisterException(CaseFields.Number, "已作废的案件不能再修改");
        }

        Set(record, today);
        Revision++;
    }

    public void Void(string reason, DateOnly on)
    {
        if (IsVoided)
        {
            throw new RegisterException(CaseFields.VoidReason, "该案件已作废");
        }

        var text = reason?.Trim() ?? "";
        if (text.Length == 0 || text.Length > VoidReasonMaxLength)
        {
            throw new RegisterException(CaseFields.VoidReason, $"请说明作废原因（最多 {VoidReasonMaxLength} 个字）");
        }

        VoidedOn = on;
        VoidReason = text;
        Revision++;
    }

    /// <summary>Every problem with a record, each at its field (empty when it can be saved).</summary>
    public static IReadOnlyList<RecordProblem> Check(CaseRecord record, DateOnly today)
    {
        var problems = new List<RecordProblem>();
        var number = record.Number?.Trim() ?? "";
        if (number.Length == 0)
        {
            problems.Add(new(CaseFields.Number, "请填写案件编号"));
        }
        else if (number.Length > NumberMaxLength)
        {
            problems.Add(new(CaseFields.Number, $"案件编号最多 {NumberMaxLength} 个字符"));
        }

        if (!Enum.IsDefined(record.Kind))
        {
            problems.Add(new(CaseFields.Kind, "请选择案件类型"));
        }

        if (record.FiledOn > today)
        {
            problems.Add(new(CaseFields.FiledOn, "受理日期不能晚于今天"));
        }

        if (record.Subject?.Trim().Length > SubjectMaxLength)
        {
            problems.Add(new(CaseFields.Subject, $"案由最多 {SubjectMaxLength} 个字"));
        }

        if (record.ApplicationNumber?.Trim().Length > ApplicationRecord.NumberMaxLength)
        {
            problems.Add(new(CaseFields.ApplicationNumber, $"申请编号最多 {ApplicationRecord.NumberMaxLength} 个字符"));
        }

        if (record.ReviewOrganOnly && record.Kind != CaseKind.LitigationAfterReview)
        {
            problems.Add(new(CaseFields.ReviewOrganOnly, "只有复议后起诉的案件，本机关才可能作为复议机关共同被告"));
        }

        switch (record.ConcludedOn, record.Result)
        {
            case (null, not null):
                problems.Add(new(CaseFields.ConcludedOn, "选择了审结结果，请填写审结日期"));
                break;
            case (not null, null):
                problems.Add(new(CaseFields.Result, "填写了审结日期，请选择审结结果"));
                break;
            case ({ } concluded, { } result):
                if (concluded < record.FiledOn)
                {
                    problems.Add(new(CaseFields.ConcludedOn, "审结日期不能早于受理日期"));
                }
                else if (concluded > today)
                {
                    problems.Add(new(CaseFields.ConcludedOn, "审结日期不能晚于今天"));
                }

                if (!Enum.IsDefined(result))
                {
                    problems.Add(new(CaseFields.Result, "请选择审结结果"));
                }

                break;
        }

        return problems;
    }

    private void Set(CaseRecord record, DateOnly today)
    {
        var problems = Check(record, today);
        if (problems.Count > 0)
        {
            throw new RegisterException(problems);
        }

        Number = record.Number.Trim();
        Kind = record.Kind;
        FiledOn = record.FiledOn;
        Subject = Blank(record.Subject);
        ApplicationNumber = Blank(record.ApplicationNumber);
        ReviewOrganOnly = record.ReviewOrganOnly;
        ConcludedOn = record.ConcludedOn;
        Result = record.Result;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
