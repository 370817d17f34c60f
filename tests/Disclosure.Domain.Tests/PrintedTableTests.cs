using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using Disclosure.Domain.Rules;

namespace Disclosure.Domain.Tests;

/// <summary>The printed description of each table: one grid per table and format, from which page, form and PDF are drawn.</summary>
public sealed class PrintedTableTests
{
    public static TheoryData<string, ReportTableId> EveryTable
    {
        get
        {
            var data = new TheoryData<string, ReportTableId>();
            foreach (var format in new[] { ReportFormat.Format2021, ReportFormat.Format2019, ReportFormat.Hybrid })
            {
                foreach (var table in ReportLayout.For(format).Tables)
                {
                    data.Add(format.ToCode(), table.Id);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(EveryTable))]
    public void EveryRow_FillsTheGridAndEveryCellIsPrintedOnce(string format, ReportTableId id)
    {
        Assert.True(ReportFormatCodes.TryParseFormat(format, out var f));
        var layout = ReportLayout.For(f).Table(id);
        var printed = layout.Printed;

        Assert.Equal(layout.CellCount, printed.DataCells.Count());
        Assert.Equal(layout.CellCount, printed.DataCells.Select(c => c.Ref).Distinct().Count());
        Assert.All(printed.DataCells, c => Assert.Equal(layout.Row(c.Ref.Row)!.Column(c.Ref.Column)!.Kind, c.Kind));
        Assert.All(printed.DataCells, c => Assert.StartsWith(printed.Number + " ", c.Label, StringComparison.Ordinal));
        var headingKeys = printed.Headings.Select(h => h.Key).ToList();
        Assert.Equal(headingKeys.Count, headingKeys.Distinct().Count());
        Assert.All(printed.DataCells, c => Assert.All(c.Headings, h => Assert.Contains(h, headingKeys)));
    }

    [Fact]
    public void Table3_ItemCell_IsHeadedByItsGroupSubgroupRowAndBothColumnLevels()
    {
        var cell = ApplicationsLayout.Format2021.Printed.Find(new CellRef("deny_1", "commercial"))!;

        Assert.Equal(["results", "sg-deny", "r-deny_1", "applicant", "org", "c-commercial"], cell.Headings);
        Assert.Equal("表三 （三）不予公开1.属于国家秘密·商业企业", cell.Label);
    }

    [Fact]
    public void Table3_MergedCells_HaveThePrintedSpans()
    {
        var headings = ApplicationsLayout.Format2021.Printed.Headings.ToDictionary(h => h.Key);

        Assert.Equal(22, headings["results"].RowSpan);
        Assert.Equal((8, 3, 5, 3), (headings["sg-deny"].RowSpan, headings["sg-unable"].RowSpan, headings["sg-noproc"].RowSpan, headings["sg-other"].RowSpan));
        Assert.Equal(5, headings["org"].ColSpan);
        Assert.Equal(3, headings["r-new"].ColSpan);
        Assert.Equal(20, ApplicationsLayout.SingleOtherRow.Printed.Headings.Single(h => h.Key == "results").RowSpan);
        Assert.DoesNotContain(ApplicationsLayout.SingleOtherRow.Printed.Headings, h => h.Key == "sg-other");
    }

    [Fact]
    public void Table2_Cell_IsNamedByTableRowAndColumn_AndAShortBlockWidensItsLastColumn()
    {
        var licensing = ProactiveLayout.Format2021.Printed.Find(new CellRef("licensing", "decisions"))!;

        Assert.Equal("表二 行政许可·本年处理决定数量", licensing.Label);
        Assert.Equal(3, licensing.ColSpan);
        Assert.Equal(["r-licensing", "b2", "b2-decisions"], licensing.Headings);
        Assert.Equal(4, ProactiveLayout.Format2021.Printed.Sections.Count);
    }

    [Fact]
    public void Table4_Cell_IsHeadedByLitigationItsGroupAndItsField()
    {
        var cell = ReviewsLayout.Layout.Printed.Find(new CellRef("litigation_direct", "pending"))!;

        Assert.Equal(["litigation", "litigation_direct", "litigation_direct-pending"], cell.Headings);
        Assert.Equal("表四 未经复议直接起诉·尚未审结", cell.Label);
    }

    [Fact]
    public void Totals_AreTheComputedCells_AndNameTheirRules()
    {
        var applications = ApplicationsLayout.Format2021;

        Assert.True(applications.IsComputed("total_processed", "natural_person"));
        Assert.True(applications.IsComputed("new", "total"));
        Assert.False(applications.IsComputed("new", "natural_person"));
        Assert.Equal(ConsistencyRules.R2, applications.ComputedBy(new CellRef("total_processed", "total"))!.RuleId);
        Assert.Equal(21, applications.ComputedBy(new CellRef("total_processed", "research"))!.Parts.Count);
        Assert.Equal(19, ApplicationsLayout.SingleOtherRow.ComputedBy(new CellRef("total_processed", "research"))!.Parts.Count);
        Assert.Equal(4, ReviewsLayout.Layout.ComputedBy(new CellRef("administrative_review", "total"))!.Parts.Count);
        Assert.Empty(ProactiveLayout.Format2021.Totals);
        Assert.Equal(7, applications.Balances.Count);
    }

    [Fact]
    public void ReportTotals_AddsUpATotalOfTotals_FromTheTypedCells()
    {
        var report = new AnnualReport(new AgencyRef("测试机关", "test"), 2023, ReportFormat.Format2021, ReportScope.Agency, "测试");
        report.Applications["granted", "natural_person"] = CellValue.Of(2);
        report.Applications["deny_3", "commercial"] = CellValue.Of(5);
        report.Reviews["litigation_after_review", "upheld"] = CellValue.Of(1);

        ReportTotals.Apply(report);

        Assert.Equal(2, report.Applications.Number("granted", "total"));
        Assert.Equal(5, report.Applications.Number("total_processed", "commercial"));
        Assert.Equal(7, report.Applications.Number("total_processed", "total"));
        Assert.Null(report.Applications.Number("new", "total"));
        Assert.Equal(1, report.Reviews.Number("litigation_after_review", "total"));
        Assert.Null(report.Reviews.Number("administrative_review", "total"));
        Assert.Empty(ConsistencyRules.ResultsTotal(report).Concat(ConsistencyRules.ApplicantTotal(report)).Concat(ConsistencyRules.ReviewTotals(report)));
    }
}
