using Disclosure.Domain.Agencies;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Rules;
using A = Disclosure.Domain.Reports.Layouts.ApplicationsLayout;

namespace Disclosure.Domain.Tests;

public sealed class ReportWorkflowTests
{
    private static readonly DateTimeOffset _at = new(2024, 1, 10, 9, 0, 0, TimeSpan.FromHours(8));

    private static (Report Report, ReportVersion Draft) Draft2023()
    {
        var agency = new Agency("zhongwei-commerce", "中卫市商务局", AgencyLevel.CityDepartment);
        var report = new Report(agency, 2023);
        return (report, report.StartDraft(Samples.Report(Samples.Zhongwei2023), _at));
    }

    private static AnnualReport Content(ReportVersion version) => version.ToDocument("zhongwei-commerce");

    /// <summary>A reviewer who is not the submitter, approving the revision they saw.</summary>
    private static Approval ByReviewer(ReportVersion version) => new("reviewer", version.Revision, "editor");

    private static AnnualReport PreviousYear(long carriedForwardNaturalPerson)
    {
        var previous = Samples.Modified(Samples.Zhongwei2023, json => json["year"] = 2022);
        previous.Applications[A.Rows.CarriedForward, A.Columns.NaturalPerson] = CellValue.Of(carriedForwardNaturalPerson);
        previous.Applications[A.Rows.CarriedForward, A.Columns.Total] = CellValue.Of(carriedForwardNaturalPerson);
        return previous;
    }

    [Fact]
    public void StartDraft_IsADraftAtRevision1_NotCurrent()
    {
        var (report, draft) = Draft2023();
        Assert.Equal(ReportStatus.Draft, draft.Status);
        Assert.Equal(1, draft.Revision);
        Assert.Same(draft, report.OpenVersion);
        Assert.Null(report.CurrentVersion);
        Assert.Throws<ReportWorkflowException>(() => report.StartDraft(Samples.Report(Samples.Zhongwei2023), _at));
    }

    [Fact]
    public void UpdateContent_ReturnsWhatChanged_AndRaisesTheRevision()
    {
        var (_, draft) = Draft2023();
        var content = Content(draft);
        content.Applications[A.Rows.Granted, A.Columns.NaturalPerson] = CellValue.Of(1);
        var changes = draft.UpdateContent(content, _at.AddHours(1));
        var change = Assert.Single(changes);
        Assert.Equal(new ReportChange(ReportPart.Applications, "granted.natural_person", "0", "1"), change);
        Assert.Equal(2, draft.Revision);
        Assert.Equal("1", Content(draft).Applications[A.Rows.Granted, A.Columns.NaturalPerson].Format(CellKind.Count));

        Assert.Empty(draft.UpdateContent(Content(draft), _at.AddHours(2)));
        Assert.Equal(2, draft.Revision);
    }

    [Fact]
    public void UpdateContent_BlankingACell_RemovesItFromStorage()
    {
        var (_, draft) = Draft2023();
        var content = Content(draft);
        content.Applications[A.Rows.Granted, A.Columns.NaturalPerson] = CellValue.Blank;
        draft.UpdateContent(content, _at);
        Assert.DoesNotContain(draft.Cells, c => c.Row == A.Rows.Granted && c.Column == A.Columns.NaturalPerson);
        Assert.True(Content(draft).Applications[A.Rows.Granted, A.Columns.NaturalPerson].IsBlank);
    }

    [Fact]
    public void Submit_WhenR1Fails_IsRefused()
    {
        var (_, draft) = Draft2023();
        var content = Content(draft);
        content.Applications[A.Rows.New, A.Columns.NaturalPerson] = CellValue.Of(2);
        draft.UpdateContent(content, _at);
        var refusal = Assert.Throws<ReportWorkflowException>(() => draft.Submit(null, _at));
        Assert.Contains("R1", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(ReportStatus.Draft, draft.Status);
    }

    [Fact]
    public void Submit_WhenR5Fails_IsRefused_UntilAReasonIsWritten()
    {
        var (_, draft) = Draft2023();
        var previous = PreviousYear(carriedForwardNaturalPerson: 3);
        Assert.Contains(draft.SubmissionBlockers(previous), f => f.RuleId == ConsistencyRules.R5);
        Assert.Throws<ReportWorkflowException>(() => draft.Submit(previous, _at));

        draft.OverrideCarryOver("2023年机构改革，原商务和经济技术合作局的申请结转至新机构", _at);
        Assert.Empty(draft.SubmissionBlockers(previous));
        draft.Submit(previous, _at);
        Assert.Equal(ReportStatus.Submitted, draft.Status);
    }

    [Fact]
    public void Submit_Return_Edit_Submit_Approve_Publish()
    {
        var (report, draft) = Draft2023();
        draft.Submit(null, _at);
        Assert.Throws<ReportWorkflowException>(() => draft.UpdateContent(Content(draft), _at));
        Assert.Throws<ReportWorkflowException>(() => draft.Return("  ", _at));
        draft.Return("表四请核对", _at);
        Assert.Equal(ReportStatus.Returned, draft.Status);
        Assert.Equal("表四请核对", draft.ReturnComment);

        var content = Content(draft);
        content.Sections = content.Sections with { Problems = "已核对。" };
        draft.UpdateContent(content, _at);
        Assert.Equal(ReportStatus.Draft, draft.Status);
        draft.Submit(null, _at);
        Assert.Null(draft.ReturnComment);
        Assert.Throws<ReportWorkflowException>(() => report.Publish(draft, _at));
        draft.Approve(ByReviewer(draft), _at);
        report.Publish(draft, _at);
        Assert.Equal(ReportStatus.Published, draft.Status);
        Assert.Same(draft, report.CurrentVersion);
        Assert.Null(report.OpenVersion);
    }

    [Fact]
    public void IllegalTransitions_AreRefused()
    {
        var (report, draft) = Draft2023();
        Assert.Throws<ReportWorkflowException>(() => draft.Approve(ByReviewer(draft), _at));
        Assert.Throws<ReportWorkflowException>(() => draft.Return("x", _at));
        Assert.Throws<ReportWorkflowException>(() => report.Publish(draft, _at));
        Assert.Throws<ReportWorkflowException>(() => report.StartCorrection("更正", _at));
        draft.Submit(null, _at);
        Assert.Throws<ReportWorkflowException>(() => draft.Submit(null, _at));
        draft.Approve(ByReviewer(draft), _at);
        Assert.Throws<ReportWorkflowException>(() => draft.Approve(ByReviewer(draft), _at));
        Assert.Throws<ReportWorkflowException>(() => draft.UpdateContent(Content(draft), _at));
        report.Publish(draft, _at);
        Assert.Throws<ReportWorkflowException>(() => report.Publish(draft, _at));
        Assert.Throws<ReportWorkflowException>(() => draft.UpdateContent(Content(draft), _at));
        Assert.Throws<ReportWorkflowException>(() => report.StartDraft(Samples.Report(Samples.Zhongwei2023), _at));
    }

    [Fact]
    public void Correction_IsANewVersionWithANote_ThatSupersedesThePublishedOneWhenPublished()
    {
        var (report, first) = Draft2023();
        first.Submit(null, _at);
        first.Approve(ByReviewer(first), _at);
        report.Publish(first, _at);

        Assert.Throws<ReportWorkflowException>(() => report.StartCorrection(" ", _at));
        var correction = report.StartCorrection("表三“其他”行数字录入有误", _at.AddDays(10));
        Assert.Equal(2, correction.Number);
        Assert.Equal(1, correction.ReplacesVersionNumber);
        Assert.Equal("表三“其他”行数字录入有误", correction.CorrectionNote);
        Assert.Same(first, report.CurrentVersion);
        Assert.Throws<ReportWorkflowException>(() => report.StartCorrection("again", _at));

        correction.Submit(null, _at);
        correction.Approve(ByReviewer(correction), _at);
        report.Publish(correction, _at.AddDays(11));
        Assert.Same(correction, report.CurrentVersion);
        Assert.Equal(ReportStatus.Superseded, first.Status);
        Assert.False(first.IsCurrent);
    }

    [Fact]
    public void Totals_AreComputedFromTheirParts_AndBlankPartsGiveABlankTotal()
    {
        var report = Samples.Report(Samples.Zhongwei2023);
        report.Applications[A.Rows.Granted, A.Columns.NaturalPerson] = CellValue.Of(4);
        report.Applications[A.Rows.Granted, A.Columns.Commercial] = CellValue.Of(2);
        foreach (var column in A.ApplicantColumns)
        {
            report.Applications[A.Rows.Partial, column] = CellValue.Blank;
        }

        report.Reviews["administrative_review", "upheld"] = CellValue.Of(3);
        ReportTotals.Apply(report);

        Assert.Equal(6, report.Applications.Number(A.Rows.Granted, A.Columns.Total));
        Assert.Null(report.Applications.Number(A.Rows.Partial, A.Columns.Total));
        Assert.Equal(5, report.Applications.Number(A.Rows.TotalProcessed, A.Columns.NaturalPerson));
        Assert.Equal(7, report.Applications.Number(A.Rows.TotalProcessed, A.Columns.Total));
        Assert.Equal(3, report.Reviews.Number("administrative_review", "total"));
        Assert.Empty(ConsistencyRules.ResultsTotal(report));
        Assert.Empty(ConsistencyRules.ApplicantTotal(report));
        Assert.Empty(ConsistencyRules.ReviewTotals(report));
    }

    [Fact]
    public void Approve_ByWhoeverSubmitted_IsRefused()
    {
        var (_, draft) = Draft2023();
        draft.Submit(null, _at);

        var refused = Assert.Throws<ReportWorkflowException>(() => draft.Approve(new Approval("editor", draft.Revision, "editor"), _at));

        Assert.Equal("提交人不能审核通过自己提交的报告，请由另一位审核人审核。", refused.Message);
        Assert.Equal(ReportStatus.Submitted, draft.Status);
    }

    [Fact]
    public void Approve_ByTheSubmitter_InASinglePersonOffice_IsAllowedAndSaysSo()
    {
        var (_, draft) = Draft2023();
        draft.Submit(null, _at);

        var kind = draft.Approve(new Approval("editor", draft.Revision, "editor", SinglePersonOffice: true), _at);

        Assert.Equal(ApprovalKind.BySubmitterInSinglePersonOffice, kind);
        Assert.Equal(ReportStatus.Approved, draft.Status);
    }

    [Fact]
    public void Approve_OfARevisionThatChangedSinceItWasReviewed_IsRefused()
    {
        var (_, draft) = Draft2023();
        draft.Submit(null, _at);
        var seen = draft.Revision;
        draft.Return("请核对表二", _at);
        var content = Content(draft);
        content.Sections = content.Sections with { Problems = "改过了。" };
        draft.UpdateContent(content, _at);
        draft.Submit(null, _at);

        var refused = Assert.Throws<ReportWorkflowException>(() => draft.Approve(new Approval("reviewer", seen, "editor"), _at));

        Assert.Contains($"您审阅的是第 {seen} 次修订", refused.Message, StringComparison.Ordinal);
        Assert.Equal(ReportStatus.Submitted, draft.Status);
        Assert.Equal(ApprovalKind.Independent, draft.Approve(new Approval("reviewer", draft.Revision, "editor"), _at));
    }
}
