using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;

namespace Disclosure.Domain.Tests;

/// <summary>
/// The figure aggregates use for a published total (ADR 0016), on the two samples whose printed totals cannot be
/// used as they stand. Every expected number is added up by hand from the fixture JSON, as the comments show.
/// </summary>
public sealed class EffectiveTotalsTests
{
    [Fact]
    public void Shanghai2019_BlankTotalOfGranted_IsTheSumOfItsApplicantCells()
    {
        var t3 = Samples.Report(Samples.Shanghai2019).Applications;

        // applications.rows.granted = [258, 12, null, null, 1, 1, null]: 258 + 12 + 1 + 1 = 272.
        Assert.Equal(new EffectiveFigure(272, null, TotalIssue.TotalBlank), EffectiveTotals.Of(t3, "granted", "total"));
        Assert.Equal("总计未填写", EffectiveTotals.Of(t3, "granted", "total").Reason);
    }

    [Fact]
    public void Shanghai2019_PrintedTotalsThatAgree_AreUsedAsPrinted()
    {
        var t3 = Samples.Report(Samples.Shanghai2019).Applications;

        // new = [821, 35, null, null, 2, 1, 859]: 821 + 35 + 2 + 1 = 859, as printed.
        Assert.Equal(new EffectiveFigure(859, 859, TotalIssue.None), EffectiveTotals.Of(t3, "new", "total"));

        // （七）总计 of the 总计 column is printed 805; its parts are the result rows' 总计, all blank, so each is worked
        // out from its applicant cells (272 + 3 + 14 + 5 + 4 + 12 + 265 + 47 + 25 + 149 + 9 = 805): it agrees.
        Assert.Equal(new EffectiveFigure(805, 805, TotalIssue.None), EffectiveTotals.Of(t3, "total_processed", "total"));
    }

    [Fact]
    public void Shanghai2019_ARowWithNothingFilled_StaysUnknown_NotZero()
    {
        var t3 = Samples.Report(Samples.Shanghai2019).Applications;

        // deny_2 is blank in all seven columns.
        Assert.Equal(new EffectiveFigure(null, null, TotalIssue.None), EffectiveTotals.Of(t3, "deny_2", "total"));
    }

    [Fact]
    public void Shanghai2019_DerivesElevenTotals_TheRowsR3Reports()
    {
        var t3 = Samples.Report(Samples.Shanghai2019).Applications;

        Assert.Equal(
            ["granted", "partial", "deny_1", "deny_5", "deny_6", "deny_8", "unable_1", "unable_2", "unable_3", "noproc_1", "noproc_2"],
            EffectiveTotals.Derived(t3).Select(d => d.Cell.Row));
        Assert.All(EffectiveTotals.Derived(t3), d => Assert.Equal("total", d.Cell.Column));
    }

    [Fact]
    public void Hongze2023_TotalsPrintedAsZero_AreTheSumOfTheirParts()
    {
        var t4 = Samples.Report(Samples.Hongze2023).Reviews;

        // reviews.administrative_review = 10 upheld + 1 corrected + 0 + 0, 总计 printed 0 → 11.
        Assert.Equal(new EffectiveFigure(11, 0, TotalIssue.TotalDisagrees), EffectiveTotals.Of(t4, "administrative_review", "total"));

        // litigation_after_review = 5 upheld, 总计 printed 0 → 5; litigation_direct is all 0 and agrees.
        Assert.Equal(new EffectiveFigure(5, 0, TotalIssue.TotalDisagrees), EffectiveTotals.Of(t4, "litigation_after_review", "total"));
        Assert.Equal(new EffectiveFigure(0, 0, TotalIssue.None), EffectiveTotals.Of(t4, "litigation_direct", "total"));
        Assert.Equal("原表总计为 0，与分项之和不符", EffectiveTotals.Of(t4, "administrative_review", "total").Reason);
    }

    [Theory]
    [InlineData(Samples.Zhongwei2023)]
    [InlineData(Samples.Pingtan2021)]
    public void AReportWhoseTotalsAddUp_HasNoDerivedFigure(string sample)
    {
        var report = Samples.Report(sample);

        Assert.All(report.Tables, t => Assert.Empty(EffectiveTotals.Derived(t)));
    }

    [Fact]
    public void AnEnteredReport_HasNoDerivedFigure_BecauseThePortalComputesItsTotals()
    {
        var report = Samples.Report(Samples.Hongze2023);
        ReportTotals.Apply(report);

        Assert.All(report.Tables, t => Assert.Empty(EffectiveTotals.Derived(t)));
    }
}
