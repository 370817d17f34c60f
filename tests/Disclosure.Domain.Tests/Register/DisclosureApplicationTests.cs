using Disclosure.Domain.Register;

namespace Disclosure.Domain.Tests.Register;

public sealed class DisclosureApplicationTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Seed;
    private static readonly DateOnly Today = D("2026-11-30");

    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static DisclosureApplication Received(string on, string number = "2024-001", DateOnly? today = null) =>
        DisclosureApplication.Register(1, new ApplicationRecord(number, D(on), ApplicantType.NaturalPerson, "某路段改造的立项批复"), Calendar, today ?? Today);

    [Fact]
    public void ReceivedFridayBeforeNationalDay_IsDueWednesday30October()
    {
        // By hand: 9-29 (Sunday) and 10-12 (Saturday) are worked; 10-01…10-07 are off.
        var application = Received("2024-09-27");
        Assert.Equal(D("2024-10-30"), application.Due);
        Assert.False(application.DueIsProvisional);
        var deadline = application.Deadline(Calendar)!;
        Assert.Equal(D("2024-09-27"), deadline.ClockStart);
        Assert.Equal(20, deadline.TotalWorkingDays);
        Assert.Equal(5, deadline.DaysOffSkipped.Count());   // 10-01, 02, 03, 04, 07 fall on weekdays
        Assert.Equal([D("2024-09-29"), D("2024-10-12")], deadline.WeekendDaysWorked.Select(e => e.Date));
        var explanation = deadline.Explanation();
        Assert.Contains(explanation, l => l.StartsWith("起算日：2024-09-27", StringComparison.Ordinal));
        Assert.Contains(explanation, l => l.Contains("国庆节", StringComparison.Ordinal));
        Assert.Equal("答复期限：2024-10-30（星期三）", explanation[^1]);
    }

    [Fact]
    public void Correction_StopsTheClockThenRestartsItFromTheCompletedApplication()
    {
        var application = Received("2024-03-11");
        application.RequestCorrection(D("2024-03-12"), Calendar, Today);
        Assert.Equal(ApplicationState.AwaitingCorrection, application.State);
        Assert.Null(application.Due);

        application.ReceiveCorrection(D("2024-03-15"), Calendar, Today);
        // 20 working days after Friday 15 March, past 清明 (4–6 April off, Sunday 7 April worked).
        Assert.Equal(D("2024-04-15"), application.Due);
        Assert.True(application.Deadline(Calendar)!.StartsAtCorrection);
        Assert.Equal(ApplicationState.InProgress, application.State);
    }

    [Fact]
    public void Correction_CanBeRequestedOnlyOnce()
    {
        var application = Received("2024-03-11");
        application.RequestCorrection(D("2024-03-12"), Calendar, Today);
        var refused = Assert.Throws<RegisterException>(() => application.RequestCorrection(D("2024-03-13"), Calendar, Today));
        Assert.Equal(RegisterColumns.CorrectionRequestedOn, refused.Problems.Single().Field);
    }

    [Fact]
    public void Correction_RequestedAfterSevenWorkingDays_IsFlaggedLate()
    {
        var onTime = Received("2024-03-11");
        onTime.RequestCorrection(D("2024-03-20"), Calendar, Today);
        Assert.False(onTime.CorrectionRequestedLate(Calendar));
        var late = Received("2024-03-11");
        late.RequestCorrection(D("2024-03-21"), Calendar, Today);
        Assert.True(late.CorrectionRequestedLate(Calendar));
    }

    [Fact]
    public void Extension_AddsItsWorkingDaysOnceAndNamesWhoGrantedIt()
    {
        var application = Received("2023-09-25");
        Assert.Equal(D("2023-10-27"), application.Due);
        application.GrantExtension(15, "办公室主任王某", D("2023-10-20"), Calendar, Today);
        Assert.Equal(D("2023-11-17"), application.Due);
        Assert.Equal("办公室主任王某", application.ExtensionGrantedBy);
        Assert.Throws<RegisterException>(() => application.GrantExtension(5, "王某", D("2023-10-21"), Calendar, Today));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public void Extension_OutsideOneToTwentyDays_IsRefused(int days)
    {
        var application = Received("2023-09-25");
        var refused = Assert.Throws<RegisterException>(() => application.GrantExtension(days, "王某", D("2023-10-20"), Calendar, Today));
        Assert.Equal(RegisterColumns.ExtensionDays, refused.Problems.Single().Field);
    }

    [Fact]
    public void Consultation_ItsWorkingDaysDoNotCount()
    {
        var application = Received("2025-01-10");
        Assert.Equal(D("2025-02-13"), application.Due);
        application.StartConsultation(D("2025-01-20"), Calendar, Today);
        Assert.Equal(ApplicationState.InConsultation, application.State);
        Assert.True(application.Deadline(Calendar)!.ConsultationOpen);
        Assert.Equal(15, application.Deadline(Calendar)!.ConsultationDays);

        application.ReceiveConsultationReply(D("2025-02-10"), Calendar, Today);
        // 1-21…1-24, 1-26 (worked Sunday), 1-27, 2-05…2-07, 2-08 (worked Saturday), 2-10: 11 working days.
        Assert.Equal(11, application.Deadline(Calendar)!.ConsultationDays);
        Assert.Equal(D("2025-02-28"), application.Due);
    }

    [Fact]
    public void ADeadlineInAnUnannouncedYear_IsProvisionalAndSaysSo()
    {
        var application = Received("2026-12-10", today: D("2026-12-10"));
        Assert.Equal(D("2027-01-07"), application.Due);
        Assert.True(application.DueIsProvisional);
        Assert.Contains("2027 年的节假日安排尚未录入", application.Deadline(Calendar)!.Explanation()[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_ClosesWithOneOutcome_AndOverdueIsJudgedAgainstTheDeadline()
    {
        var application = Received("2024-09-27");
        Assert.True(application.IsOverdue(D("2024-10-31")));
        Assert.False(application.IsOverdue(D("2024-10-30")));
        application.Answer(D("2024-10-31"), "partial", Calendar, Today);
        Assert.Equal(ApplicationState.Answered, application.State);
        Assert.True(application.IsOverdue(Today));
        Assert.Throws<RegisterException>(() => application.StartConsultation(D("2024-11-01"), Calendar, Today));
        Assert.Throws<RegisterException>(() => application.Answer(D("2024-11-01"), "granted", Calendar, Today));
    }

    [Fact]
    public void Answer_BeforeReceipt_OrWithAnUnknownOutcome_IsRefusedAtItsField()
    {
        var application = Received("2024-09-27");
        var early = Assert.Throws<RegisterException>(() => application.Answer(D("2024-09-26"), "granted", Calendar, Today));
        Assert.Equal(RegisterColumns.AnsweredOn, early.Problems.Single().Field);
        var unknown = Assert.Throws<RegisterException>(() => application.Answer(D("2024-10-08"), "maybe", Calendar, Today));
        Assert.Equal(RegisterColumns.Outcome, unknown.Problems.Single().Field);
        Assert.True(application.IsOpen);
    }

    [Fact]
    public void Fee_NoticeThenPayment_AndThePaymentDeadlineIsTwentyWorkingDays()
    {
        var application = Received("2024-09-02");
        application.SendFeeNotice(D("2024-09-27"), Today);
        Assert.Equal(ApplicationState.AwaitingFee, application.State);
        Assert.Equal(D("2024-10-30"), application.FeePaymentDeadline(Calendar));
        application.RecordFeePaid(D("2024-10-09"), Today);
        Assert.Equal(ApplicationState.InProgress, application.State);
    }

    [Fact]
    public void Void_NeedsAReasonAndEndsEveryChange()
    {
        var application = Received("2024-09-27");
        Assert.Throws<RegisterException>(() => application.Void(" ", Today));
        application.Void("重复登记", D("2024-09-28"));
        Assert.Equal(ApplicationState.Voided, application.State);
        Assert.False(application.IsOverdue(Today));
        Assert.Throws<RegisterException>(() => application.Answer(D("2024-10-08"), "granted", Calendar, Today));
        Assert.Throws<RegisterException>(() => application.Restate(application.ToRecord(), Calendar, Today));
    }

    [Fact]
    public void Restate_ReplacesTheFactsAndRecomputesTheDeadline()
    {
        var application = Received("2024-09-27");
        application.Restate(application.ToRecord() with { ReceivedOn = D("2024-09-30"), ApplicantName = "张三" }, Calendar, Today);
        // 10-08…10-11, Saturday 10-12 (worked), 10-14…10-31 = 19 working days; the 20th is Friday 11-01.
        Assert.Equal(D("2024-11-01"), application.Due);
        Assert.Equal("张三", application.ApplicantName);
        Assert.Throws<RegisterException>(() => application.Restate(application.ToRecord() with { Number = "other" }, Calendar, Today));
    }

    [Fact]
    public void ErasePersonalData_BlanksOnlyNameAndContact()
    {
        var application = DisclosureApplication.Register(1,
            new ApplicationRecord("A-1", D("2020-03-02"), ApplicantType.NaturalPerson, "内容", ApplicantName: "张三", ApplicantContact: "13800000000"),
            Calendar, Today);
        Assert.True(application.ErasePersonalData(DateTimeOffset.UnixEpoch));
        Assert.Null(application.ApplicantName);
        Assert.Null(application.ApplicantContact);
        Assert.Equal("内容", application.Content);
        Assert.False(application.ErasePersonalData(DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void Timeline_ListsTheEventsInDateOrder()
    {
        var application = Received("2025-01-10");
        application.StartConsultation(D("2025-01-20"), Calendar, Today);
        application.ReceiveConsultationReply(D("2025-02-10"), Calendar, Today);
        application.Answer(D("2025-02-20"), "deny_4", Calendar, Today);
        Assert.Equal(
            [ApplicationEventKind.Received, ApplicationEventKind.ConsultationStarted, ApplicationEventKind.ConsultationReplied, ApplicationEventKind.Answered],
            application.Timeline().Select(e => e.Kind));
        Assert.Equal("答复：（三）不予公开 · 保护第三方合法权益", application.Timeline()[^1].Description);
    }

    [Fact]
    public void AReceiptDateInTheFuture_IsRefused()
    {
        var refused = Assert.Throws<RegisterException>(() => Received("2026-12-01"));
        Assert.Equal(RegisterColumns.ReceivedOn, refused.Problems.Single().Field);
    }

    [Fact]
    public void Problems_NameEveryWrongFieldWithoutQuotingPersonalData()
    {
        var record = new ApplicationRecord("", D("2024-05-06"), ApplicantType.NaturalPerson, "内容",
            ApplicantName: "张三\u0007", CorrectionReceivedOn: D("2024-05-07"), ExtensionDays: 25, AnsweredOn: D("2024-05-01"));
        var problems = record.Problems(Today);
        Assert.Equal(
            new[] { RegisterColumns.Number, RegisterColumns.ApplicantName, RegisterColumns.CorrectionReceivedOn, RegisterColumns.ExtensionDays, RegisterColumns.AnsweredOn, RegisterColumns.AnsweredOn, RegisterColumns.Outcome }.Order(),
            problems.Select(p => p.Field).Order());
        Assert.DoesNotContain(problems, p => p.Message.Contains("张三", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("予以公开", "granted")]
    [InlineData("部分公开", "partial")]
    [InlineData("4.保护第三方合法权益", "deny_4")]
    [InlineData("危及“三安全一稳定”", "deny_3")]
    [InlineData("本机关不掌握相关政府信息", "unable_1")]
    [InlineData("要求行政机关确认或重新出具已获取信息", "noproc_5")]
    [InlineData("申请人无正当理由逾期不补正", "other_1")]
    [InlineData("申请人逾期未按收费通知要求缴纳费用", "other_2")]
    [InlineData("其他处理", "other_3")]
    [InlineData("noproc_2", "noproc_2")]
    public void ParseOutcome_TakesTheTemplateWording(string text, string key)
    {
        Assert.Equal(key, RegisterVocabulary.ParseOutcome(text)?.Key);
    }

    [Fact]
    public void ParseOutcome_EveryDropDownLabelParsesBack()
    {
        Assert.Equal(21, RegisterVocabulary.OutcomeLabels.Count);
        Assert.Equal(RegisterVocabulary.Outcomes.Select(o => o.Key), RegisterVocabulary.OutcomeLabels.Select(l => RegisterVocabulary.ParseOutcome(l)!.Key));
        Assert.Null(RegisterVocabulary.ParseOutcome("同意"));
    }
}
