namespace Disclosure.Domain.Register;

/// <summary>Where an application stands, derived from its events.</summary>
public enum ApplicationState
{
    /// <summary>办理中: the office's clock runs.</summary>
    InProgress = 1,

    /// <summary>待补正: a 补正 notice went out; the clock restarts when the completed application arrives (第三十条).</summary>
    AwaitingCorrection = 2,

    /// <summary>征求意见中: a third party or another office was consulted (第三十二条); its days do not count.</summary>
    InConsultation = 3,

    /// <summary>待缴费: a fee notice went out and is unpaid (国办函〔2020〕109号).</summary>
    AwaitingFee = 4,

    /// <summary>已办结: answered, with one outcome.</summary>
    Answered = 5,

    /// <summary>已作废: entered by mistake (e.g. twice); counted nowhere.</summary>
    Voided = 6,
}

/// <summary>What happened to an application, for its timeline.</summary>
public enum ApplicationEventKind
{
    Received = 1,
    CorrectionRequested = 2,
    CorrectionReceived = 3,
    ConsultationStarted = 4,
    ConsultationReplied = 5,
    ExtensionGranted = 6,
    FeeNoticeSent = 7,
    FeePaid = 8,
    Answered = 9,
    Voided = 10,
}

/// <summary>One dated step of an application, in Chinese (the application page's timeline).</summary>
public sealed record ApplicationEvent(ApplicationEventKind Kind, DateOnly Date, string Description);

/// <summary>Thrown when an event is not allowed in the application's state, or would leave its facts inconsistent.</summary>
public sealed class RegisterException(IReadOnlyList<RecordProblem> problems)
    : InvalidOperationException(string.Join("；", problems.Select(p => p.Message)))
{
    public RegisterException(string field, string message)
        : this([new RecordProblem(field, message)])
    {
    }

    public IReadOnlyList<RecordProblem> Problems { get; } = problems;
}

/// <summary>
/// One disclosure application (政府信息公开申请) in an office's register. Its events are dated facts — received,
/// 补正 requested / received, consultation started / replied, extension granted (by whom), fee notice / paid,
/// answered with exactly one outcome, voided — each changed only through a method that guards it; its state and
/// its <see cref="Due"/> date follow from them. <see cref="Due"/> is stored (so lists can filter 逾期 in SQL) and
/// recomputed on every change and whenever the calendar changes (<see cref="RecomputeDue"/>).
/// </summary>
public sealed class DisclosureApplication
{
    public const int ExtensionGrantedByMaxLength = 100;
    public const int VoidReasonMaxLength = 500;

    private DisclosureApplication()
    {
        Number = "";
        Content = "";
    }

    private DisclosureApplication(int agencyId, ApplicationRecord record)
        : this()
    {
        AgencyId = agencyId;
        Set(record);
    }

    public int Id { get; private set; }

    public int AgencyId { get; private set; }

    /// <summary>申请编号, unique within the office.</summary>
    public string Number { get; private set; }

    public DateOnly ReceivedOn { get; private set; }

    public ApplicantType ApplicantType { get; private set; }

    public string Content { get; private set; }

    public ApplicationChannel? Channel { get; private set; }

    /// <summary>Personal information: that office's staff only; blanked by the retention command.</summary>
    public string? ApplicantName { get; private set; }

    /// <summary>Personal information, as <see cref="ApplicantName"/>.</summary>
    public string? ApplicantContact { get; private set; }

    public DateOnly? CorrectionRequestedOn { get; private set; }

    public DateOnly? CorrectionReceivedOn { get; private set; }

    public DateOnly? ConsultationStartedOn { get; private set; }

    public DateOnly? ConsultationRepliedOn { get; private set; }

    /// <summary>0–20 working days (第三十三条).</summary>
    public int ExtensionDays { get; private set; }

    /// <summary>Who consented to the extension (the head of the disclosure office).</summary>
    public string? ExtensionGrantedBy { get; private set; }

    public DateOnly? ExtensionGrantedOn { get; private set; }

    public DateOnly? FeeNoticeOn { get; private set; }

    public DateOnly? FeePaidOn { get; private set; }

    public DateOnly? AnsweredOn { get; private set; }

    /// <summary>The table 三 row key of the outcome (<see cref="RegisterVocabulary.Outcomes"/>); set exactly when answered.</summary>
    public string? Outcome { get; private set; }

    public string? Remarks { get; private set; }

    public DateOnly? VoidedOn { get; private set; }

    public string? VoidReason { get; private set; }

    /// <summary>答复期限; null while waiting for the 补正 (the clock starts again when it arrives).</summary>
    public DateOnly? Due { get; private set; }

    /// <summary>The deadline reaches into a year whose holiday notice has not been entered.</summary>
    public bool DueIsProvisional { get; private set; }

    /// <summary>When the personal fields were blanked under the retention rule (null: never).</summary>
    public DateTimeOffset? PersonalDataErasedAt { get; private set; }

    /// <summary>Optimistic concurrency: every change adds one (a form posts back the revision it showed).</summary>
    public int Revision { get; private set; }

    public ApplicationState State => StateOf(VoidedOn, AnsweredOn, CorrectionRequestedOn, CorrectionReceivedOn,
        ConsultationStartedOn, ConsultationRepliedOn, FeeNoticeOn, FeePaidOn);

    public bool IsOpen => AnsweredOn is null && VoidedOn is null;

    /// <summary>The state from the event dates (for a query that reads only those columns).</summary>
    public static ApplicationState StateOf(
        DateOnly? voidedOn, DateOnly? answeredOn, DateOnly? correctionRequestedOn, DateOnly? correctionReceivedOn,
        DateOnly? consultationStartedOn, DateOnly? consultationRepliedOn, DateOnly? feeNoticeOn, DateOnly? feePaidOn) =>
        voidedOn is not null ? ApplicationState.Voided
        : answeredOn is not null ? ApplicationState.Answered
        : correctionRequestedOn is not null && correctionReceivedOn is null ? ApplicationState.AwaitingCorrection
        : consultationStartedOn is not null && consultationRepliedOn is null ? ApplicationState.InConsultation
        : feeNoticeOn is not null && feePaidOn is null ? ApplicationState.AwaitingFee
        : ApplicationState.InProgress;

    /// <summary>Answered after the deadline, or still open after it on <paramref name="today"/>.</summary>
    public bool IsOverdue(DateOnly today) => VoidedOn is null && Due is { } due && (AnsweredOn ?? today) > due;

    public ApplicationRecord ToRecord() => new(
        Number, ReceivedOn, ApplicantType, Content, Channel, ApplicantName, ApplicantContact, CorrectionRequestedOn,
        CorrectionReceivedOn, ConsultationStartedOn, ConsultationRepliedOn, ExtensionDays, AnsweredOn, Outcome, Remarks);

    /// <summary>Registers a received application (收到申请).</summary>
    public static DisclosureApplication Register(int agencyId, ApplicationRecord record, WorkingCalendar calendar, DateOnly today)
    {
        Check(record, today);
        var application = new DisclosureApplication(agencyId, record);
        application.RecomputeDue(calendar);
        return application;
    }

    /// <summary>
    /// Replaces every fact with <paramref name="record"/> (a re-imported row, or the edit form): the spreadsheet is
    /// the clerk's record. A voided application cannot be restated. The number never changes here.
    /// </summary>
    public void Restate(ApplicationRecord record, WorkingCalendar calendar, DateOnly today)
    {
        EnsureNotVoided();
        if (record.Number != Number)
        {
            throw new RegisterException(RegisterColumns.Number, "申请编号不能修改");
        }

        Check(record, today);
        if (record.ExtensionDays == 0)
        {
            ExtensionGrantedBy = null;
            ExtensionGrantedOn = null;
        }

        Set(record);
        RecomputeDue(calendar);
    }

    /// <summary>补正告知 (第三十条: once, within 7 working days of receipt — a later notice is recorded but flagged, <see cref="CorrectionRequestedLate"/>).</summary>
    public void RequestCorrection(DateOnly on, WorkingCalendar calendar, DateOnly today)
    {
        EnsureOpen();
        if (CorrectionRequestedOn is not null)
        {
            throw new RegisterException(RegisterColumns.CorrectionRequestedOn, "补正只能告知一次（第三十条）");
        }

        Change(ToRecord() with { CorrectionRequestedOn = on }, calendar, today);
    }

    /// <summary>Whether the 补正 notice went out later than 7 working days after receipt (第三十条).</summary>
    public bool CorrectionRequestedLate(WorkingCalendar calendar) =>
        CorrectionRequestedOn is { } on && on > calendar.AddWorkingDays(ReceivedOn, 7).Date;

    /// <summary>补正收到: the answer period starts again from this day (第三十条).</summary>
    public void ReceiveCorrection(DateOnly on, WorkingCalendar calendar, DateOnly today)
    {
        EnsureOpen();
        if (CorrectionRequestedOn is null)
        {
            throw new RegisterException(RegisterColumns.CorrectionReceivedOn, "尚未告知补正");
        }

        if (CorrectionReceivedOn is not null)
        {
            throw new RegisterException(RegisterColumns.CorrectionReceivedOn, "补正已收到");
        }

        Change(ToRecord() with { CorrectionReceivedOn = on }, calendar, today);
    }

    /// <summary>征求意见 (第三十二条 third party, 第三十四条 other office). The register keeps one consultation.</summary>
    public void StartConsultation(DateOnly on, WorkingCalendar calendar, DateOnly today)
    {
        EnsureOpen();
        if (ConsultationStartedOn is not null)
        {
            throw new RegisterException(RegisterColumns.ConsultationStartedOn, "已登记征求意见");
        }

        Change(ToRecord() with { ConsultationStartedOn = on }, calendar, today);
    }

    /// <summary>意见收到 (or its 15 working days ran out): the consultation's working days no longer count.</summary>
    public void ReceiveConsultationReply(DateOnly on, WorkingCalendar calendar, DateOnly today)
    {
        EnsureOpen();
        if (ConsultationStartedOn is null)
        {
            throw new RegisterException(RegisterColumns.ConsultationRepliedOn, "尚未登记征求意见");
        }

        if (ConsultationRepliedOn is not null)
        {
            throw new RegisterException(RegisterColumns.ConsultationRepliedOn, "意见已收到");
        }

        Change(ToRecord() with { ConsultationRepliedOn = on }, calendar, today);
    }

    /// <summary>延期 (第三十三条第二款): once, 1–20 working days, with the consent of <paramref name="grantedBy"/>.</summary>
    public void GrantExtension(int days, string grantedBy, DateOnly on, WorkingCalendar calendar, DateOnly today)
    {
        EnsureOpen();
        if (ExtensionDays > 0)
        {
            throw new RegisterException(RegisterColumns.ExtensionDays, "延期只能一次（第三十三条）");
        }

        if (days is < 1 or > AnswerDeadline.MaxExtensionDays)
        {
            throw new RegisterException(RegisterColumns.ExtensionDays, $"延期工作日须为 1–{AnswerDeadline.MaxExtensionDays}");
        }

        var by = grantedBy?.Trim();
        if (string.IsNullOrEmpty(by) || by.Length > ExtensionGrantedByMaxLength)
        {
            throw new RegisterException("延期批准人", $"请填写同意延期的负责人（不超过 {ExtensionGrantedByMaxLength} 个字）");
        }

        if (on < ReceivedOn || on > today)
        {
            throw new RegisterException("延期日期", "延期日期须在收到申请之日与今天之间");
        }

        Change(ToRecord() with { ExtensionDays = days }, calendar, today);
        ExtensionGrantedBy = by;
        ExtensionGrantedOn = on;
    }

    /// <summary>收费通知 (国办函〔2020〕109号).</summary>
    public void SendFeeNotice(DateOnly on, DateOnly today)
    {
        EnsureOpen();
        if (FeeNoticeOn is not null)
        {
            throw new RegisterException("收费通知日期", "已发出收费通知");
        }

        if (on < ReceivedOn || on > today)
        {
            throw new RegisterException("收费通知日期", "收费通知日期须在收到申请之日与今天之间");
        }

        FeeNoticeOn = on;
        Revision++;
    }

    /// <summary>The last day to pay: 20 working days from the day after the notice (taken as its date; unpaid → row （六）2).</summary>
    public DateOnly? FeePaymentDeadline(WorkingCalendar calendar) =>
        FeeNoticeOn is { } on ? calendar.AddWorkingDays(on, 20).Date : null;

    public void RecordFeePaid(DateOnly on, DateOnly today)
    {
        EnsureOpen();
        if (FeeNoticeOn is not { } notice)
        {
            throw new RegisterException("缴费日期", "尚未发出收费通知");
        }

        if (FeePaidOn is not null)
        {
            throw new RegisterException("缴费日期", "已登记缴费");
        }

        if (on < notice || on > today)
        {
            throw new RegisterException("缴费日期", "缴费日期须在收费通知日期与今天之间");
        }

        FeePaidOn = on;
        Revision++;
    }

    /// <summary>答复, with exactly one outcome (a table 三 result row key).</summary>
    public void Answer(DateOnly on, string outcome, WorkingCalendar calendar, DateOnly today)
    {
        EnsureOpen();
        if (!RegisterVocabulary.IsOutcome(outcome))
        {
            throw new RegisterException(RegisterColumns.Outcome, "请选择一种办理结果");
        }

        Change(ToRecord() with { AnsweredOn = on, Outcome = outcome }, calendar, today);
    }

    /// <summary>作废: an entry made by mistake (a duplicate, another office's application). Counted nowhere afterwards.</summary>
    public void Void(string reason, DateOnly on)
    {
        EnsureNotVoided();
        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why) || why.Length > VoidReasonMaxLength)
        {
            throw new RegisterException("作废原因", $"请说明作废原因（不超过 {VoidReasonMaxLength} 个字）");
        }

        VoidedOn = on;
        VoidReason = why;
        Revision++;
    }

    /// <summary>Blanks 申请人 and 联系方式 (the retention rule); the rest of the record stays for the statistics.</summary>
    public bool ErasePersonalData(DateTimeOffset at)
    {
        if (ApplicantName is null && ApplicantContact is null)
        {
            return false;
        }

        ApplicantName = null;
        ApplicantContact = null;
        PersonalDataErasedAt = at;
        Revision++;
        return true;
    }

    /// <summary>The deadline with its explanation; null while the 补正 has not arrived (the clock has not started again).</summary>
    public AnswerDeadline? Deadline(WorkingCalendar calendar) =>
        CorrectionRequestedOn is not null && CorrectionReceivedOn is null
            ? null
            : AnswerDeadline.Compute(calendar, CorrectionReceivedOn ?? ReceivedOn, CorrectionReceivedOn is not null,
                ExtensionDays, ConsultationStartedOn, ConsultationRepliedOn);

    /// <summary>Works <see cref="Due"/> out again (after any change, or when an Administrator enters a holiday notice).</summary>
    public bool RecomputeDue(WorkingCalendar calendar)
    {
        var deadline = Deadline(calendar);
        var changed = deadline?.Due != Due || (deadline?.IsProvisional ?? false) != DueIsProvisional;
        if (changed)
        {
            Due = deadline?.Due;
            DueIsProvisional = deadline?.IsProvisional ?? false;
            Revision++;
        }

        return changed;
    }

    /// <summary>The events so far, in date order (same-day events in the order the law sets them).</summary>
    public IReadOnlyList<ApplicationEvent> Timeline()
    {
        var events = new List<ApplicationEvent> { new(ApplicationEventKind.Received, ReceivedOn, "收到申请" + (Channel is { } c ? $"（{c.Label()}）" : "")) };
        void Add(ApplicationEventKind kind, DateOnly? date, string text)
        {
            if (date is { } d)
            {
                events.Add(new ApplicationEvent(kind, d, text));
            }
        }

        Add(ApplicationEventKind.CorrectionRequested, CorrectionRequestedOn, "告知补正");
        Add(ApplicationEventKind.CorrectionReceived, CorrectionReceivedOn, "收到补正，答复期限重新计算");
        Add(ApplicationEventKind.ConsultationStarted, ConsultationStartedOn, "征求第三方或其他机关意见");
        Add(ApplicationEventKind.ConsultationReplied, ConsultationRepliedOn, "收到意见（或征求意见期满）");
        if (ExtensionDays > 0)
        {
            Add(ApplicationEventKind.ExtensionGranted, ExtensionGrantedOn ?? ClockStartForTimeline(),
                $"延期 {ExtensionDays} 个工作日" + (ExtensionGrantedBy is null ? "" : $"（经{ExtensionGrantedBy}同意）"));
        }

        Add(ApplicationEventKind.FeeNoticeSent, FeeNoticeOn, "发出收费通知");
        Add(ApplicationEventKind.FeePaid, FeePaidOn, "申请人缴费");
        Add(ApplicationEventKind.Answered, AnsweredOn, Outcome is null ? "答复" : $"答复：{RegisterVocabulary.Outcome(Outcome).FullLabel}");
        Add(ApplicationEventKind.Voided, VoidedOn, $"作废：{VoidReason}");
        return events.OrderBy(e => e.Date).ThenBy(e => e.Kind).ToList();
    }

    private DateOnly ClockStartForTimeline() => CorrectionReceivedOn ?? ReceivedOn;

    private static void Check(ApplicationRecord record, DateOnly today)
    {
        var problems = record.Problems(today);
        if (problems.Count > 0)
        {
            throw new RegisterException(problems);
        }
    }

    private void Change(ApplicationRecord record, WorkingCalendar calendar, DateOnly today)
    {
        Check(record, today);
        Set(record);
        RecomputeDue(calendar);
    }

    private void EnsureOpen()
    {
        EnsureNotVoided();
        if (AnsweredOn is not null)
        {
            throw new RegisterException(RegisterColumns.AnsweredOn, "该申请已办结");
        }
    }

    private void EnsureNotVoided()
    {
        if (VoidedOn is not null)
        {
            throw new RegisterException("作废原因", "该申请已作废");
        }
    }

    private void Set(ApplicationRecord r)
    {
        Revision++;
        Number = r.Number.Trim();
        ReceivedOn = r.ReceivedOn;
        ApplicantType = r.ApplicantType;
        Content = r.Content.Trim();
        Channel = r.Channel;
        ApplicantName = Blank(r.ApplicantName);
        ApplicantContact = Blank(r.ApplicantContact);
        CorrectionRequestedOn = r.CorrectionRequestedOn;
        CorrectionReceivedOn = r.CorrectionReceivedOn;
        ConsultationStartedOn = r.ConsultationStartedOn;
        ConsultationRepliedOn = r.ConsultationRepliedOn;
        ExtensionDays = r.ExtensionDays;
        AnsweredOn = r.AnsweredOn;
        Outcome = r.Outcome;
        Remarks = Blank(r.Remarks);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
