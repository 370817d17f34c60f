using Disclosure.Domain.Reports.Layouts;
using Disclosure.Domain.Rules;

namespace Disclosure.Domain.Tests;

/// <summary>The consistency rules on real published reports, finding by finding.</summary>
public sealed class SampleRuleTests
{
    [Fact]
    public void Check_Zhongwei2023_HasNoFindingsAtAll()
    {
        Assert.Empty(ConsistencyRules.Check(Samples.Report(Samples.Zhongwei2023)));
    }

    [Fact]
    public void Check_Pingtan2021_HasNoFindingsAtAll()
    {
        Assert.Empty(ConsistencyRules.Check(Samples.Report(Samples.Pingtan2021)));
    }

    [Fact]
    public void Check_HongzeDistrict2023_FailsR4Twice_AndNothingElse()
    {
        var findings = ConsistencyRules.Check(Samples.Report(Samples.Hongze2023));

        Assert.Equal(
        [
            // 复议 10 维持 + 1 纠正, 总计 printed as 0.
            new RuleViolation("R4", RuleSeverity.Error, ReportTableId.Reviews, "administrative_review", "total", 11, 0),

            // 复议后起诉 5 维持, 总计 printed as 0.
            new RuleViolation("R4", RuleSeverity.Error, ReportTableId.Reviews, "litigation_after_review", "total", 5, 0),
        ], findings);
    }

    [Fact]
    public void Check_Shanghai2019_FailsR3InElevenRows_ButNotR2OverTheBlankColumn_NorR1()
    {
        var hard = ConsistencyRules.Check(Samples.Report(Samples.Shanghai2019))
            .Where(f => f.Severity == RuleSeverity.Error);

        static RuleViolation R3(string row, long expected) =>
            new("R3", RuleSeverity.Error, ReportTableId.Applications, row, "total", expected, null);

        Assert.Equal(
        [
            // No R2 in the 总计 column: （七）总计's 总计 is 805, but every result row left its 总计 blank — nothing to
            // compare with (a blank is not 0; S1 reports each blank). The R3 findings below say what the blanks hold.

            // 总计 left blank in the result rows whose applicant cells are not all blank.
            R3("granted", 272),
            R3("partial", 3),
            R3("deny_1", 14),
            R3("deny_5", 5),
            R3("deny_6", 4),
            R3("deny_8", 12),
            R3("unable_1", 265),
            R3("unable_2", 47),
            R3("unable_3", 25),
            R3("noproc_1", 149),
            R3("noproc_2", 9),
        ], hard);
    }

    [Fact]
    public void Check_Shanghai2019_BalancesEveryColumn_SoR1HasNothing()
    {
        Assert.Empty(ConsistencyRules.ApplicationsBalance(Samples.Report(Samples.Shanghai2019)));
    }

    [Fact]
    public void Check_Shanghai2019_WarnsOfEachOfIts135BlankCells()
    {
        var warnings = ConsistencyRules.Check(Samples.Report(Samples.Shanghai2019))
            .Where(f => f.Severity == RuleSeverity.Warning)
            .ToList();

        // 126 blank cells in table 三, 9 in table 四, none in table 二.
        Assert.Equal(135, warnings.Count);
        Assert.All(warnings, w => Assert.Equal(("S1", (long?)null, (long?)null), (w.RuleId, w.Expected, w.Actual)));
        Assert.Equal(126, warnings.Count(w => w.Table == ReportTableId.Applications));
        Assert.Equal(
        [
            ("administrative_review", "corrected"), ("administrative_review", "other"),
            ("litigation_direct", "corrected"), ("litigation_direct", "other"),
            ("litigation_after_review", "upheld"), ("litigation_after_review", "corrected"), ("litigation_after_review", "other"),
            ("litigation_after_review", "pending"), ("litigation_after_review", "total"),
        ], warnings.Where(w => w.Table == ReportTableId.Reviews).Select(w => (w.RowKey, w.ColumnKey)));
        Assert.DoesNotContain(warnings, w => w.Table == ReportTableId.Proactive);
        Assert.Contains(new RuleViolation("S1", RuleSeverity.Warning, ReportTableId.Applications, "granted", "total", null, null), warnings);
        Assert.DoesNotContain(warnings, w => w is { RowKey: "new", ColumnKey: "natural_person" });
    }

    [Theory]
    [InlineData(Samples.Zhongwei2023)]
    [InlineData(Samples.Pingtan2021)]
    [InlineData(Samples.Hongze2023)]
    public void BlankCells_SamplesThatFillEveryCell_HaveNone(string sample)
    {
        Assert.Empty(ConsistencyRules.BlankCells(Samples.Report(sample)));
    }
}
