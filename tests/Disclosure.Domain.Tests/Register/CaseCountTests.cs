using Disclosure.Domain.Register;
using Disclosure.Domain.Register.Cases;
using Disclosure.Domain.Reports.Layouts;
using F = Disclosure.Domain.Reports.Layouts.ReviewsLayout.Fields;
using G = Disclosure.Domain.Reports.Layouts.ReviewsLayout.Groups;

namespace Disclosure.Domain.Tests.Register;

/// <summary>Table 四 from the case register (ADR 0020), checked against cases worked by hand.</summary>
public sealed class CaseCountTests
{
    private static readonly DateOnly Today = new(2025, 3, 1);

    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static CountedCase Case(CaseKind kind, string filed, string? concluded = null, CaseResult? result = null, bool counts = true) =>
        new(kind, D(filed), concluded is null ? null : D(concluded), result, counts);

    [Theory]
    [InlineData(CaseResult.Upheld, F.Upheld)]
    [InlineData(CaseResult.ClaimRejected, F.Upheld)]
    [InlineData(CaseResult.Revoked, F.Corrected)]
    [InlineData(CaseResult.Altered, F.Corrected)]
    [InlineData(CaseResult.ConfirmedUnlawful, F.Corrected)]
    [InlineData(CaseResult.OrderedToAct, F.Corrected)]
    [InlineData(CaseResult.Withdrawn, F.Other)]
    [InlineData(CaseResult.Terminated, F.Other)]
    [InlineData(CaseResult.Dismissed, F.Other)]
    [InlineData(CaseResult.Settled, F.Other)]
    [InlineData(CaseResult.Other, F.Other)]
    public void EachResult_CountsInItsColumn(CaseResult result, string field)
    {
        Assert.Equal(field, result.FieldKey());
        Assert.Equal(field, CaseCount.FieldOf(Case(CaseKind.AdministrativeReview, "2024-03-01", "2024-05-10", result), 2024));
    }

    [Fact]
    public void EveryResultHasAColumnAndALabel()
    {
        foreach (var result in Enum.GetValues<CaseResult>())
        {
            Assert.Contains(result.FieldKey(), new[] { F.Upheld, F.Corrected, F.Other });
            Assert.Contains("→", result.LabelWithColumn(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ACaseOpenAtYearEnd_IsPendingThatYear_AndCountsUnderItsResultTheNext()
    {
        var @case = Case(CaseKind.LitigationDirect, "2023-11-20", "2024-04-02", CaseResult.ConfirmedUnlawful);
        Assert.Null(CaseCount.FieldOf(@case, 2022));
        Assert.Equal(F.Pending, CaseCount.FieldOf(@case, 2023));
        Assert.Equal(F.Corrected, CaseCount.FieldOf(@case, 2024));
        Assert.Null(CaseCount.FieldOf(@case, 2025));

        var open = Case(CaseKind.LitigationDirect, "2023-11-20");
        Assert.Equal(F.Pending, CaseCount.FieldOf(open, 2023));
        Assert.Equal(F.Pending, CaseCount.FieldOf(open, 2024));
    }

    [Fact]
    public void VoidedAndReviewOrganOnlyCases_CountNowhere()
    {
        Assert.Null(CaseCount.FieldOf(Case(CaseKind.LitigationAfterReview, "2024-02-01", counts: false), 2024));
        var table = CaseCount.Table(2024, [Case(CaseKind.LitigationAfterReview, "2024-02-01", counts: false)]);
        Assert.All(ReviewsLayout.Layout.Rows, row => Assert.All(row.Columns, c => Assert.Equal(0, table.Number(row.Key, c.Key))));
    }

    [Fact]
    public void Table_HandWorkedYear()
    {
        // 2024: three reviews (one upheld, one corrected, one still open), one direct suit withdrawn, one suit after
        // review concluded in 2023 (not counted in 2024) and one filed in 2025 (not yet).
        var cases = new[]
        {
            Case(CaseKind.AdministrativeReview, "2024-01-15", "2024-03-20", CaseResult.Upheld),
            Case(CaseKind.AdministrativeReview, "2023-12-28", "2024-02-26", CaseResult.OrderedToAct),
            Case(CaseKind.AdministrativeReview, "2024-12-02"),
            Case(CaseKind.LitigationDirect, "2024-06-03", "2024-07-01", CaseResult.Withdrawn),
            Case(CaseKind.LitigationAfterReview, "2023-05-01", "2023-12-30", CaseResult.ClaimRejected),
            Case(CaseKind.LitigationAfterReview, "2025-01-06"),
        };
        var table = CaseCount.Table(2024, cases);
        Assert.Equal([1, 1, 0, 1, 3], ReviewsLayout.GroupFields.Select(f => table.Number(G.AdministrativeReview, f.Key)!.Value));
        Assert.Equal([0, 0, 1, 0, 1], ReviewsLayout.GroupFields.Select(f => table.Number(G.LitigationDirect, f.Key)!.Value));
        Assert.Equal([0, 0, 0, 0, 0], ReviewsLayout.GroupFields.Select(f => table.Number(G.LitigationAfterReview, f.Key)!.Value));

        // The computed table satisfies R4 (总计 = the four parts) by construction.
        Assert.All(ReviewsLayout.Layout.Rows, group =>
            Assert.Equal(table.Number(group.Key, F.Total), ReviewsLayout.PartFields.Sum(f => table.Number(group.Key, f))));

        var year2023 = CaseCount.Table(2023, cases);
        Assert.Equal(1, year2023.Number(G.AdministrativeReview, F.Pending));
        Assert.Equal(1, year2023.Number(G.LitigationAfterReview, F.Upheld));
    }

    [Fact]
    public void DrillDown_TotalHoldsEveryCaseOfItsGroup()
    {
        var upheld = Case(CaseKind.AdministrativeReview, "2024-01-15", "2024-03-20", CaseResult.Upheld);
        Assert.True(CaseCount.IsCountedIn(upheld, 2024, G.AdministrativeReview, F.Upheld));
        Assert.True(CaseCount.IsCountedIn(upheld, 2024, G.AdministrativeReview, F.Total));
        Assert.False(CaseCount.IsCountedIn(upheld, 2024, G.AdministrativeReview, F.Pending));
        Assert.False(CaseCount.IsCountedIn(upheld, 2024, G.LitigationDirect, F.Total));
    }

    [Fact]
    public void Record_ProblemsAreAtTheirFields()
    {
        var problems = ReviewCase.Check(new CaseRecord(" ", CaseKind.LitigationDirect, D("2025-03-02"), ReviewOrganOnly: true, ConcludedOn: D("2025-03-01")), Today);
        Assert.Equal(
            [CaseFields.Number, CaseFields.FiledOn, CaseFields.ReviewOrganOnly, CaseFields.Result],
            problems.Select(p => p.Field).ToArray());

        problems = ReviewCase.Check(new CaseRecord("复决字〔2024〕3号", CaseKind.AdministrativeReview, D("2024-05-02"), ConcludedOn: D("2024-05-01"), Result: CaseResult.Upheld), Today);
        Assert.Equal(CaseFields.ConcludedOn, Assert.Single(problems).Field);

        problems = ReviewCase.Check(new CaseRecord("X", CaseKind.AdministrativeReview, D("2024-05-02"), Result: CaseResult.Upheld), Today);
        Assert.Equal(CaseFields.ConcludedOn, Assert.Single(problems).Field);
    }

    [Fact]
    public void Case_UpdateRaisesTheRevision_VoidNeedsAReason_AndAVoidedCaseIsFrozen()
    {
        var @case = ReviewCase.File(1, new CaseRecord(" 复决字〔2024〕3号 ", CaseKind.AdministrativeReview, D("2024-05-02")), Today);
        Assert.Equal("复决字〔2024〕3号", @case.Number);
        Assert.True(@case.Counted.Counts);
        @case.Update(new CaseRecord("复决字〔2024〕3号", CaseKind.AdministrativeReview, D("2024-05-02"), ConcludedOn: D("2024-07-01"), Result: CaseResult.Revoked), Today);
        Assert.Equal(1, @case.Revision);
        Assert.Equal(F.Corrected, CaseCount.FieldOf(@case.Counted, 2024));

        var refused = Assert.Throws<RegisterException>(() => @case.Void("  ", Today));
        Assert.Equal(CaseFields.VoidReason, Assert.Single(refused.Problems).Field);
        @case.Void("重复登记", Today);
        Assert.False(@case.Counted.Counts);
        Assert.Throws<RegisterException>(() => @case.Update(new CaseRecord("X", CaseKind.AdministrativeReview, D("2024-05-02")), Today));
    }
}
