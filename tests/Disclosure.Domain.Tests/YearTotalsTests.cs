using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using A = Disclosure.Domain.Reports.Layouts.ApplicationsLayout;
using P = Disclosure.Domain.Reports.Layouts.ProactiveLayout;

namespace Disclosure.Domain.Tests;

/// <summary>Reports of different formats added up: which cells of which format add up to which figure.</summary>
public sealed class YearTotalsTests
{
    private static FormatCellSum Sum(ReportFormat format, ReportTableId table, string row, string column, long sum, int derived = 0) =>
        new(format, table, row, column, sum, derived);

    [Fact]
    public void Add_Only2021Reports_KeepsTheThreeOtherItems()
    {
        var totals = YearTotals.Add(2023, new Dictionary<ReportFormat, int> { [ReportFormat.Format2021] = 2 },
        [
            Sum(ReportFormat.Format2021, ReportTableId.Applications, "other_1", A.Columns.NaturalPerson, 3),
            Sum(ReportFormat.Format2021, ReportTableId.Applications, "other_2", A.Columns.NaturalPerson, 4),
        ]);

        Assert.Equal(ReportFormat.Format2021, totals.Totals.Format);
        Assert.Equal(3, totals.Totals.Applications.Number("other_1", A.Columns.NaturalPerson));
        Assert.Equal(4, totals.Totals.Applications.Number("other_2", A.Columns.NaturalPerson));
        Assert.Null(totals.Totals2019);
    }

    [Fact]
    public void Add_2021AndHybridReports_AddThe2021ItemsIntoTheSingleOtherRow()
    {
        var totals = YearTotals.Add(2023, new Dictionary<ReportFormat, int> { [ReportFormat.Format2021] = 1, [ReportFormat.Hybrid] = 1 },
        [
            Sum(ReportFormat.Format2021, ReportTableId.Applications, "other_1", A.Columns.NaturalPerson, 3),
            Sum(ReportFormat.Format2021, ReportTableId.Applications, "other_3", A.Columns.NaturalPerson, 4),
            Sum(ReportFormat.Hybrid, ReportTableId.Applications, A.Rows.Other, A.Columns.NaturalPerson, 5),
            Sum(ReportFormat.Format2021, ReportTableId.Applications, A.Rows.New, A.Columns.Total, 10),
            Sum(ReportFormat.Hybrid, ReportTableId.Applications, A.Rows.New, A.Columns.Total, 20),
        ]);

        Assert.Equal(ReportFormat.Hybrid, totals.Totals.Format);
        Assert.Equal(12, totals.Totals.Applications.Number(A.Rows.Other, A.Columns.NaturalPerson));
        Assert.Equal(30, totals.Totals.Applications.Number(A.Rows.New, A.Columns.Total));
        Assert.Equal(2, totals.ProactiveReports);
    }

    [Fact]
    public void Add_2019Reports_AddTheirTable2Apart_AndTheirTables3And4WithTheOthers()
    {
        var totals = YearTotals.Add(2019, new Dictionary<ReportFormat, int> { [ReportFormat.Format2019] = 2, [ReportFormat.Format2021] = 1 },
        [
            Sum(ReportFormat.Format2019, ReportTableId.Proactive, P.Rows.Licensing, P.Columns.PreviousItems, 7),
            Sum(ReportFormat.Format2019, ReportTableId.Proactive, P.Rows.Regulations, P.Columns.Produced, 2),
            Sum(ReportFormat.Format2021, ReportTableId.Proactive, P.Rows.Licensing, P.Columns.Decisions, 9),
            Sum(ReportFormat.Format2019, ReportTableId.Applications, A.Rows.Granted, A.Columns.Total, 6),
            Sum(ReportFormat.Format2021, ReportTableId.Applications, A.Rows.Granted, A.Columns.Total, 1),
            Sum(ReportFormat.Format2019, ReportTableId.Reviews, ReviewsLayout.Groups.AdministrativeReview, ReviewsLayout.Fields.Upheld, 2),
            Sum(ReportFormat.Format2021, ReportTableId.Reviews, ReviewsLayout.Groups.AdministrativeReview, ReviewsLayout.Fields.Upheld, 3),
        ]);

        Assert.Equal(7, totals.Totals2019!.Proactive.Number(P.Rows.Licensing, P.Columns.PreviousItems));
        Assert.Equal(2, totals.Totals2019.Proactive.Number(P.Rows.Regulations, P.Columns.Produced));
        Assert.Equal(9, totals.Totals.Proactive.Number(P.Rows.Licensing, P.Columns.Decisions));
        Assert.Null(totals.Totals2019.Proactive.Number(P.Rows.Licensing, P.Columns.Decisions)); // nothing crosses between the two tables 二
        Assert.Equal(7, totals.Totals.Applications.Number(A.Rows.Granted, A.Columns.Total));
        Assert.Equal(5, totals.Totals.Reviews.Number(ReviewsLayout.Groups.AdministrativeReview, ReviewsLayout.Fields.Upheld));
        Assert.Equal((1, 2), (totals.ProactiveReports, totals.Proactive2019Reports));
    }

    [Fact]
    public void Add_ACellTheTotalsDoNotHave_IsNotAdded()
    {
        var totals = YearTotals.Add(2023, new Dictionary<ReportFormat, int> { [ReportFormat.Format2021] = 1 },
            [Sum(ReportFormat.Format2021, ReportTableId.Applications, "no_such_row", A.Columns.Total, 5)]);

        Assert.All(totals.Totals.Cells, c => Assert.True(c.Value.IsBlank));
    }

    [Fact]
    public void Add_DerivedFigures_AreCountedPerSummedCell_AcrossFormats()
    {
        var totals = YearTotals.Add(2023, new Dictionary<ReportFormat, int> { [ReportFormat.Format2021] = 3, [ReportFormat.Hybrid] = 1 },
        [
            Sum(ReportFormat.Format2021, ReportTableId.Applications, A.Rows.TotalProcessed, A.Columns.Total, 40, derived: 2),
            Sum(ReportFormat.Hybrid, ReportTableId.Applications, A.Rows.TotalProcessed, A.Columns.Total, 10, derived: 1),
            Sum(ReportFormat.Format2021, ReportTableId.Applications, A.Rows.New, A.Columns.Total, 10),
        ]);

        Assert.Equal(3, totals.DerivedIn(ReportTableId.Applications, A.Rows.TotalProcessed, A.Columns.Total));
        Assert.Equal(0, totals.DerivedIn(ReportTableId.Applications, A.Rows.New, A.Columns.Total));
        Assert.Equal(50, totals.Totals.Applications.Number(A.Rows.TotalProcessed, A.Columns.Total));
    }
}
