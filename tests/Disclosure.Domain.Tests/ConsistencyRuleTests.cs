using System.Text.Json.Nodes;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using Disclosure.Domain.Rules;

namespace Disclosure.Domain.Tests;

/// <summary>Each rule on reports built from a sample with one cell changed: a passing and a failing example apiece.</summary>
public sealed class ConsistencyRuleTests
{
    private const string Applications = "applications";

    public static TheoryData<string> Leaves2021 => [.. ApplicationsLayout.ResultLeafRows(ApplicationsLayout.Format2021)];

    public static TheoryData<string> LeavesSingleOtherRow => [.. ApplicationsLayout.ResultLeafRows(ApplicationsLayout.SingleOtherRow)];

    public static TheoryData<string> Rows2021 => [.. ApplicationsLayout.Format2021.Rows.Select(r => r.Key)];

    // ---- R0 ----------------------------------------------------------------------------------------------------

    [Fact]
    public void R0_NoNegativeCell_HasNothing()
    {
        Assert.Empty(ConsistencyRules.NonNegativeCounts(Samples.Report(Samples.Pingtan2021)));
    }

    [Fact]
    public void R0_NegativeCountInTable3_IsAnError()
    {
        var report = Samples.Report(Samples.Pingtan2021);
        report.Applications["unable_2", "legal_services"] = CellValue.Of(-2);

        Assert.Equal(
            [new RuleViolation("R0", RuleSeverity.Error, ReportTableId.Applications, "unable_2", "legal_services", null, -2)],
            ConsistencyRules.NonNegativeCounts(report));
    }

    [Fact]
    public void R0_NegativeCountInTable4_IsAnError()
    {
        var report = Samples.Report(Samples.Pingtan2021);
        report.Reviews["litigation_direct", "pending"] = CellValue.Of(-1);

        Assert.Equal(
            [new RuleViolation("R0", RuleSeverity.Error, ReportTableId.Reviews, "litigation_direct", "pending", null, -1)],
            ConsistencyRules.NonNegativeCounts(report));
    }

    [Fact]
    public void R0_NegativeCountInTable2_IsAnError()
    {
        var report = Samples.Report(Samples.Pingtan2021);
        report.Proactive["normative_documents", "repealed"] = CellValue.Of(-3);

        Assert.Equal(
            [new RuleViolation("R0", RuleSeverity.Error, ReportTableId.Proactive, "normative_documents", "repealed", null, -3)],
            ConsistencyRules.NonNegativeCounts(report));
    }

    [Fact]
    public void R0_NegativeFee_IsAnError()
    {
        var report = Samples.Report(Samples.Hongze2023);
        report.Proactive["fees", "amount_wan_yuan"] = CellValue.Of(-1);

        Assert.Equal(
            [new RuleViolation("R0", RuleSeverity.Error, ReportTableId.Proactive, "fees", "amount_wan_yuan", null, -1)],
            ConsistencyRules.NonNegativeCounts(report));
    }

    [Fact]
    public void R0_Negative2019ChangeFromThePreviousYear_IsAllowed()
    {
        var report = Samples.Modified(Samples.Shanghai2019, json =>
        {
            json["proactive"]!["fees"]!["change"] = -15;
            json["proactive"]!["licensing"]!["change"] = -2;
        });

        Assert.Equal(-15, report.Proactive.Number("fees", "change"));
        Assert.Empty(ConsistencyRules.NonNegativeCounts(report));
    }

    [Fact]
    public void R0_Negative2019PreviousItems_IsAnError()
    {
        var report = Samples.Report(Samples.Shanghai2019);
        report.Proactive["fees", "previous_items"] = CellValue.Of(-15);

        Assert.Equal(
            [new RuleViolation("R0", RuleSeverity.Error, ReportTableId.Proactive, "fees", "previous_items", null, -15)],
            ConsistencyRules.NonNegativeCounts(report));
    }

    // ---- R1 ----------------------------------------------------------------------------------------------------

    [Fact]
    public void R1_WhenEveryColumnBalances_HasNothing()
    {
        Assert.Empty(ConsistencyRules.ApplicationsBalance(Samples.Report(Samples.Pingtan2021)));
    }

    [Theory]
    [InlineData("natural_person", 62, 63)]
    [InlineData("commercial", -1, 0)]
    [InlineData("research", -1, 0)]
    [InlineData("social_welfare", 1, 2)]
    [InlineData("legal_services", -1, 0)]
    [InlineData("other_org", 3, 4)]
    [InlineData("total", 68, 69)]
    public void R1_WhenOneColumnDoesNotBalance_ReportsThatColumnAt总计(string column, long expected, long actual)
    {
        // 平潭 2021: one more 结转下年度 in this column than 一 + 二 − （七） leaves room for.
        var report = Samples.Report(Samples.Pingtan2021);
        report.Applications["carried_forward", column] = CellValue.Of(report.Applications.Number("carried_forward", column)!.Value + 1);

        Assert.Equal(
            [new RuleViolation("R1", RuleSeverity.Error, ReportTableId.Applications, "total_processed", column, expected, actual)],
            ConsistencyRules.ApplicationsBalance(report));
    }

    [Fact]
    public void R1_WhenNewApplicationsAreMore_ExpectsALarger总计()
    {
        var report = Samples.Report(Samples.Pingtan2021);
        report.Applications["new", "natural_person"] = CellValue.Of(65);

        Assert.Equal(
            [new RuleViolation("R1", RuleSeverity.Error, ReportTableId.Applications, "total_processed", "natural_person", 64, 63)],
            ConsistencyRules.ApplicationsBalance(report));
    }

    [Fact]
    public void R1_BlankCellsOnBothSides_CountAsZero()
    {
        var report = Samples.Report(Samples.Pingtan2021);
        report.Applications["new", "research"] = CellValue.Blank;
        report.Applications["total_processed", "research"] = CellValue.Blank;

        Assert.Empty(ConsistencyRules.ApplicationsBalance(report));
    }

    // ---- R2 ----------------------------------------------------------------------------------------------------

    [Fact]
    public void R2_LeafRows_Are21In2021And19WithTheSingleOtherRow()
    {
        // official-format.md says "22 leaf rows; 20 in the 2019 layout", but the rows it lists add up to
        // 1 + 1 + 8 + 3 + 5 + 3 = 21 (22 is the rowspan of 三、本年度办理结果, which includes （七）总计 itself).
        Assert.Equal(
            ["granted", "partial", "deny_1", "deny_2", "deny_3", "deny_4", "deny_5", "deny_6", "deny_7", "deny_8",
             "unable_1", "unable_2", "unable_3", "noproc_1", "noproc_2", "noproc_3", "noproc_4", "noproc_5",
             "other_1", "other_2", "other_3"],
            ApplicationsLayout.ResultLeafRows(ApplicationsLayout.Format2021));
        Assert.Equal(
            ["granted", "partial", "deny_1", "deny_2", "deny_3", "deny_4", "deny_5", "deny_6", "deny_7", "deny_8",
             "unable_1", "unable_2", "unable_3", "noproc_1", "noproc_2", "noproc_3", "noproc_4", "noproc_5", "other"],
            ApplicationsLayout.ResultLeafRows(ApplicationsLayout.SingleOtherRow));
    }

    [Fact]
    public void R2_WhenResultsAddUp_HasNothing()
    {
        Assert.Empty(ConsistencyRules.ResultsTotal(Samples.Report(Samples.Pingtan2021)));
        Assert.Empty(ConsistencyRules.ResultsTotal(Samples.Report(Samples.Hongze2023)));
    }

    [Theory]
    [MemberData(nameof(Leaves2021))]
    public void R2_2021Layout_CountsEveryLeafRow(string leaf)
    {
        // 平潭 2021: 自然人 results add up to 63.
        var report = Samples.Report(Samples.Pingtan2021);
        report.Applications[leaf, "natural_person"] = CellValue.Of(report.Applications.Number(leaf, "natural_person")!.Value + 1);

        Assert.Equal(
            [new RuleViolation("R2", RuleSeverity.Error, ReportTableId.Applications, "total_processed", "natural_person", 64, 63)],
            ConsistencyRules.ResultsTotal(report));
    }

    [Theory]
    [MemberData(nameof(LeavesSingleOtherRow))]
    public void R2_SingleOtherRowLayout_CountsEveryLeafRow(string leaf)
    {
        // 洪泽 2023 (hybrid: one （六） row): 总计 column results add up to 21.
        var report = Samples.Report(Samples.Hongze2023);
        report.Applications[leaf, "total"] = CellValue.Of(report.Applications.Number(leaf, "total")!.Value + 1);

        Assert.Equal(
            [new RuleViolation("R2", RuleSeverity.Error, ReportTableId.Applications, "total_processed", "total", 22, 21)],
            ConsistencyRules.ResultsTotal(report));
    }

    [Theory]
    [InlineData("new")]
    [InlineData("carried_over")]
    [InlineData("carried_forward")]
    public void R2_RowsOutside本年度办理结果_AreNotParts(string row)
    {
        var report = Samples.Report(Samples.Pingtan2021);
        report.Applications[row, "commercial"] = CellValue.Of(5);

        Assert.Empty(ConsistencyRules.ResultsTotal(report));
    }

    [Fact]
    public void R2_WhenTheTotalIsBlankButPartsAreNot_ExpectsTheSumAndShowsTheBlank()
    {
        var report = Samples.Report(Samples.Pingtan2021);
        report.Applications["total_processed", "other_org"] = CellValue.Blank;

        Assert.Equal(
            [new RuleViolation("R2", RuleSeverity.Error, ReportTableId.Applications, "total_processed", "other_org", 4, null)],
            ConsistencyRules.ResultsTotal(report));
    }

    [Fact]
    public void R2_WhenEveryPartOfAColumnIsBlank_DoesNotCompareTheTotalWithZero()
    {
        // 上海 2019 left the whole 总计 column of the result rows blank: there is nothing to compare 805 with.
        var report = Samples.Report(Samples.Pingtan2021);
        foreach (var leaf in ApplicationsLayout.ResultLeafRows(report.Applications.Layout))
        {
            report.Applications[leaf, "natural_person"] = CellValue.Blank;
        }

        Assert.DoesNotContain(ConsistencyRules.ResultsTotal(report), f => f.ColumnKey == "natural_person");
        Assert.Contains(ConsistencyRules.Check(report), f => f.RuleId == "S1" && f.RowKey == "granted" && f.ColumnKey == "natural_person");
    }

    // ---- R3 ----------------------------------------------------------------------------------------------------

    [Fact]
    public void R3_WhenEveryRowAddsUp_HasNothing()
    {
        Assert.Empty(ConsistencyRules.ApplicantTotal(Samples.Report(Samples.Pingtan2021)));
    }

    [Theory]
    [MemberData(nameof(Rows2021))]
    public void R3_ChecksEveryRowOfTable3(string row)
    {
        var report = Samples.Report(Samples.Pingtan2021);
        var total = report.Applications.Number(row, "total")!.Value;
        report.Applications[row, "research"] = CellValue.Of(1);

        Assert.Equal(
            [new RuleViolation("R3", RuleSeverity.Error, ReportTableId.Applications, row, "total", total + 1, total)],
            ConsistencyRules.ApplicantTotal(report));
    }

    [Fact]
    public void R3_BlankTotalWhosePartsAreZeroOrBlank_IsOnlyABlankCell()
    {
        var report = Samples.Report(Samples.Zhongwei2023);
        report.Applications["deny_4", "total"] = CellValue.Blank;

        Assert.Empty(ConsistencyRules.ApplicantTotal(report));
        Assert.Equal(
            [new RuleViolation("S1", RuleSeverity.Warning, ReportTableId.Applications, "deny_4", "total", null, null)],
            ConsistencyRules.Check(report));
    }

    // ---- R4 ----------------------------------------------------------------------------------------------------

    [Fact]
    public void R4_WhenEachGroupAddsUp_HasNothing()
    {
        Assert.Empty(ConsistencyRules.ReviewTotals(Samples.Report(Samples.Pingtan2021)));
        Assert.Empty(ConsistencyRules.ReviewTotals(Samples.Report(Samples.Shanghai2019)));
    }

    [Theory]
    [InlineData("administrative_review", "upheld")]
    [InlineData("administrative_review", "corrected")]
    [InlineData("administrative_review", "other")]
    [InlineData("administrative_review", "pending")]
    [InlineData("litigation_direct", "upheld")]
    [InlineData("litigation_direct", "corrected")]
    [InlineData("litigation_direct", "other")]
    [InlineData("litigation_direct", "pending")]
    [InlineData("litigation_after_review", "upheld")]
    [InlineData("litigation_after_review", "corrected")]
    [InlineData("litigation_after_review", "other")]
    [InlineData("litigation_after_review", "pending")]
    public void R4_EachPartOfEachGroup_CountsTowardsThatGroupsTotalOnly(string group, string field)
    {
        // 中卫 2023: table 四 is all zeros.
        var report = Samples.Report(Samples.Zhongwei2023);
        report.Reviews[group, field] = CellValue.Of(2);

        Assert.Equal(
            [new RuleViolation("R4", RuleSeverity.Error, ReportTableId.Reviews, group, "total", 2, 0)],
            ConsistencyRules.ReviewTotals(report));
    }

    [Fact]
    public void R4_CorrectedTotals_MakeHongze2023Clean()
    {
        var report = Samples.Report(Samples.Hongze2023);
        report.Reviews["administrative_review", "total"] = CellValue.Of(11);
        report.Reviews["litigation_after_review", "total"] = CellValue.Of(5);

        Assert.Empty(ConsistencyRules.Check(report));
    }

    // ---- R5 ----------------------------------------------------------------------------------------------------

    [Fact]
    public void R5_WhenThisYearsCarriedOverIsLastYearsCarriedForward_HasNothing()
    {
        var previous = Samples.Report(Samples.Pingtan2021);
        var current = Pingtan(2022, carriedOver: [1, 0, 0, 0, 0, 0, 1]);

        Assert.Empty(ConsistencyRules.CarryOver(current, previous));
        Assert.Empty(ConsistencyRules.Check(current, previous));
    }

    [Fact]
    public void R5_WhenCarriedOverDiffers_ReportsEachColumnThatDiffers()
    {
        var previous = Samples.Report(Samples.Pingtan2021);
        var current = Pingtan(2022, carriedOver: [0, 0, 0, 0, 0, 2, 2]);

        Assert.Equal(
        [
            new RuleViolation("R5", RuleSeverity.Error, ReportTableId.Applications, "carried_over", "natural_person", 1, 0),
            new RuleViolation("R5", RuleSeverity.Error, ReportTableId.Applications, "carried_over", "other_org", 0, 2),
            new RuleViolation("R5", RuleSeverity.Error, ReportTableId.Applications, "carried_over", "total", 1, 2),
        ], ConsistencyRules.CarryOver(current, previous));
    }

    [Theory]
    [InlineData(2021)]
    [InlineData(2023)]
    [InlineData(2024)]
    public void R5_WhenTheYearsAreNotConsecutive_HasNothing(int year)
    {
        var previous = Samples.Report(Samples.Pingtan2021);
        var notNext = Pingtan(year, carriedOver: [0, 0, 0, 0, 0, 2, 2]);

        Assert.Empty(ConsistencyRules.CarryOver(notNext, previous));
        Assert.DoesNotContain(ConsistencyRules.Check(notNext, previous), f => f.RuleId == "R5");
    }

    [Fact]
    public void R5_AcrossFormats_From2019ToHybrid_ComparesTheSameRows()
    {
        var previous = Samples.Report(Samples.Shanghai2019); // 结转下年度 72 自然人, 72 总计
        var current = Samples.Modified(Samples.Hongze2023, json =>
        {
            json["year"] = 2020;
            json["agency"]!["slug"] = "shanghai-govoffice";
        });

        Assert.Equal(
        [
            new RuleViolation("R5", RuleSeverity.Error, ReportTableId.Applications, "carried_over", "natural_person", 72, 0),
            new RuleViolation("R5", RuleSeverity.Error, ReportTableId.Applications, "carried_over", "total", 72, 0),
        ], ConsistencyRules.CarryOver(current, previous));
    }

    [Fact]
    public void R5_WhenLastYearsCarriedForwardIsBlank_DoesNotCompareWithZero()
    {
        // 上海 2019 left 结转下年度 blank for every organisation column; a 2020 report with 3 there is not contradicted.
        var previous = Samples.Report(Samples.Shanghai2019);
        var current = Samples.Modified(Samples.Hongze2023, json =>
        {
            json["year"] = 2020;
            json["applications"]!["rows"]!["carried_over"] = new JsonArray(72, 3, 0, 0, 0, 0, 75);
        });

        Assert.Equal(
            [new RuleViolation("R5", RuleSeverity.Error, ReportTableId.Applications, "carried_over", "total", 72, 75)],
            ConsistencyRules.CarryOver(current, previous));
    }

    // ---- S1 ----------------------------------------------------------------------------------------------------

    [Fact]
    public void S1_ReportsEachBlankCellAsAWarning()
    {
        var report = Samples.Report(Samples.Zhongwei2023);
        report.Applications["granted", "research"] = CellValue.Blank;
        report.Proactive["licensing", "decisions"] = CellValue.Blank;

        // Printed order: table 二 first.
        Assert.Equal(
        [
            new RuleViolation("S1", RuleSeverity.Warning, ReportTableId.Proactive, "licensing", "decisions", null, null),
            new RuleViolation("S1", RuleSeverity.Warning, ReportTableId.Applications, "granted", "research", null, null),
        ], ConsistencyRules.BlankCells(report));
    }

    [Fact]
    public void S1_ZeroIsNotBlank()
    {
        var report = Samples.Report(Samples.Zhongwei2023);
        report.Applications["granted", "research"] = CellValue.Of(0);

        Assert.Empty(ConsistencyRules.BlankCells(report));
    }

    // ---- S3 ----------------------------------------------------------------------------------------------------

    [Fact]
    public void S3_Pingtan2021To2022_Holds()
    {
        // 665 + 88 − 55 = 698.
        var previous = Samples.Report(Samples.Pingtan2021);
        var current = Pingtan(2022, carriedOver: [1, 0, 0, 0, 0, 0, 1], issued: 88, repealed: 55, inForce: 698);

        Assert.Empty(ConsistencyRules.InForceContinuity(current, previous));
        Assert.Empty(ConsistencyRules.Check(current, previous));
    }

    [Fact]
    public void S3_WhenInForceDoesNotFollow_IsOnlyAWarning()
    {
        // A clean-up: 700 printed where 665 + 88 − 55 = 698.
        var previous = Samples.Report(Samples.Pingtan2021);
        var current = Pingtan(2022, carriedOver: [1, 0, 0, 0, 0, 0, 1], issued: 88, repealed: 55, inForce: 700);

        Assert.Equal(
            [new RuleViolation("S3", RuleSeverity.Warning, ReportTableId.Proactive, "normative_documents", "in_force", 698, 700)],
            ConsistencyRules.Check(current, previous));
    }

    [Fact]
    public void S3_WhenTheYearsAreNotConsecutive_HasNothing()
    {
        var previous = Samples.Report(Samples.Pingtan2021);
        var current = Pingtan(2023, carriedOver: [1, 0, 0, 0, 0, 0, 1], issued: 88, repealed: 55, inForce: 700);

        Assert.Empty(ConsistencyRules.InForceContinuity(current, previous));
    }

    [Fact]
    public void S3_WhenLastYearUsedThe2019Table2_HasNothing()
    {
        // 2019 table 二 has no 现行有效件数: there is nothing to continue from.
        var previous = Samples.Report(Samples.Shanghai2019);
        var current = Samples.Modified(Samples.Hongze2023, json =>
        {
            json["year"] = 2020;
            json["agency"]!["slug"] = "shanghai-govoffice";
        });

        Assert.Empty(ConsistencyRules.InForceContinuity(current, previous));
    }

    [Fact]
    public void S3_WhenInForceIsBlank_HasNothing()
    {
        var previous = Samples.Report(Samples.Pingtan2021);
        var current = Pingtan(2022, carriedOver: [1, 0, 0, 0, 0, 0, 1], issued: 88, repealed: 55, inForce: 700);
        current.Proactive["normative_documents", "in_force"] = CellValue.Blank;

        Assert.Empty(ConsistencyRules.InForceContinuity(current, previous));
    }

    /// <summary>
    /// 平潭's 2021 report relabelled as another year, with the given 上年结转 (一、本年新收 lowered by as much, so that
    /// R1 still balances) and 行政规范性文件 figures (by default the real 2022 ones: 88 制发, 55 废止, 698 现行有效).
    /// </summary>
    private static AnnualReport Pingtan(int year, long[] carriedOver, long issued = 88, long repealed = 55, long inForce = 698) =>
        Samples.Modified(Samples.Pingtan2021, json =>
        {
            json["year"] = year;
            var rows = json[Applications]!["rows"]!;
            var fresh = rows["new"]!.AsArray().Select((n, i) => n!.GetValue<long>() - carriedOver[i]).ToArray();
            rows["new"] = new JsonArray(fresh.Select(n => (JsonNode?)n).ToArray());
            rows["carried_over"] = new JsonArray(carriedOver.Select(n => (JsonNode?)n).ToArray());
            var documents = json["proactive"]!["normative_documents"]!;
            documents["issued"] = issued;
            documents["repealed"] = repealed;
            documents["in_force"] = inForce;
        });
}
