using Disclosure.Domain.Register;
using A = Disclosure.Domain.Reports.Layouts.ApplicationsLayout;

namespace Disclosure.Domain.Tests.Register;

public sealed class RegisterCountTests
{
    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static CountedApplication App(string received, string? answered = null, string? outcome = null, ApplicantType type = ApplicantType.NaturalPerson, bool voided = false) =>
        new(type, D(received), answered is null ? null : D(answered), answered is null ? null : outcome ?? "granted", voided);

    [Fact]
    public void AnsweredOn31December_IsProcessedThatYear_AnsweredOn1January_IsCarriedForward()
    {
        var onNewYearsEve = App("2024-12-02", "2024-12-31");
        var onNewYearsDay = App("2024-12-02", "2025-01-01");

        var y2024 = RegisterCount.Table(2024, [onNewYearsEve, onNewYearsDay]);
        Assert.Equal(2, y2024.Number(A.Rows.New, A.Columns.Total));
        Assert.Equal(1, y2024.Number(A.Rows.Granted, A.Columns.NaturalPerson));
        Assert.Equal(1, y2024.Number(A.Rows.TotalProcessed, A.Columns.Total));
        Assert.Equal(1, y2024.Number(A.Rows.CarriedForward, A.Columns.Total));

        var y2025 = RegisterCount.Table(2025, [onNewYearsEve, onNewYearsDay]);
        Assert.Equal(0, y2025.Number(A.Rows.New, A.Columns.Total));
        Assert.Equal(1, y2025.Number(A.Rows.CarriedOver, A.Columns.Total));
        Assert.Equal(1, y2025.Number(A.Rows.Granted, A.Columns.Total));
        Assert.Equal(0, y2025.Number(A.Rows.CarriedForward, A.Columns.Total));
    }

    [Fact]
    public void ReceivedLastYearAnsweredThisYear_IsCarriedOverAndProcessed()
    {
        var table = RegisterCount.Table(2024, [App("2023-12-20", "2024-01-15", "unable_1", ApplicantType.Commercial)]);
        Assert.Equal(1, table.Number(A.Rows.CarriedOver, A.Columns.Commercial));
        Assert.Equal(1, table.Number("unable_1", A.Columns.Commercial));
        Assert.Equal(1, table.Number("unable_1", A.Columns.Total));
        Assert.Equal(0, table.Number(A.Rows.New, A.Columns.Total));
    }

    [Fact]
    public void VoidedApplications_CountNowhere()
    {
        var table = RegisterCount.Table(2024, [App("2024-03-01", voided: true), App("2024-03-01", "2024-03-20", voided: true)]);
        Assert.All(table.Cells, c => Assert.Equal(0, c.Value.Number));
    }

    [Fact]
    public void ApplicationsOutsideTheYear_CountNowhere()
    {
        var table = RegisterCount.Table(2024, [App("2025-01-02"), App("2022-05-05", "2023-12-29")]);
        Assert.All(table.Cells, c => Assert.Equal(0, c.Value.Number));
    }

    [Fact]
    public void StillOpenFromYearsAgo_IsCarriedOverAndForward()
    {
        var table = RegisterCount.Table(2024, [App("2022-11-01")]);
        Assert.Equal(1, table.Number(A.Rows.CarriedOver, A.Columns.Total));
        Assert.Equal(1, table.Number(A.Rows.CarriedForward, A.Columns.Total));
    }

    [Fact]
    public void Before2021_TheOtherOutcomesShareTheSingleOtherRow()
    {
        var table = RegisterCount.Table(2020, [App("2020-03-02", "2020-03-30", "other_1"), App("2020-03-02", "2020-03-30", "other_3", ApplicantType.Research)]);
        Assert.Same(A.SingleOtherRow, table.Layout);
        Assert.Equal(2, table.Number(A.Rows.Other, A.Columns.Total));
        Assert.Equal(1, table.Number(A.Rows.Other, A.Columns.Research));
    }

    [Fact]
    public void AGeneratedRegister_BalancesInEveryColumnAndCarriesOverYearToYear()
    {
        var random = new Random(20241027);
        var outcomes = RegisterVocabulary.Outcomes.Select(o => o.Key).ToArray();
        var applications = Enumerable.Range(0, 3000).Select(_ =>
        {
            var received = new DateOnly(2019, 1, 1).AddDays(random.Next(0, 365 * 6));
            var answered = random.Next(10) == 0 ? (DateOnly?)null : received.AddDays(random.Next(0, 60));
            return new CountedApplication((ApplicantType)random.Next(1, 7), received, answered,
                answered is null ? null : outcomes[random.Next(outcomes.Length)], random.Next(50) == 0);
        }).ToList();

        Reports.ReportTable? previous = null;
        for (var year = 2019; year <= 2025; year++)
        {
            var table = RegisterCount.Table(year, applications);
            foreach (var column in A.DataColumns.Select(c => c.Key))
            {
                Assert.Equal(
                    table.Number(A.Rows.New, column) + table.Number(A.Rows.CarriedOver, column),
                    table.Number(A.Rows.TotalProcessed, column) + table.Number(A.Rows.CarriedForward, column));
                Assert.Equal(table.Number(A.Rows.TotalProcessed, column), A.ResultLeafRows(table.Layout).Sum(r => table.Number(r, column)));
                if (previous is not null)
                {
                    Assert.Equal(previous.Number(A.Rows.CarriedForward, column), table.Number(A.Rows.CarriedOver, column));
                }
            }

            Assert.Equal(table.Number(A.Rows.New, A.Columns.Total), applications.Count(a => !a.Voided && a.ReceivedOn.Year == year));
            previous = table;
        }
    }

    [Fact]
    public void IsCountedIn_MatchesTheCellsTheTableCounts()
    {
        var application = App("2023-12-20", "2024-01-15", "noproc_2", ApplicantType.LegalServices);
        Assert.True(RegisterCount.IsCountedIn(application, 2024, A.Rows.CarriedOver, A.Columns.LegalServices));
        Assert.True(RegisterCount.IsCountedIn(application, 2024, "noproc_2", A.Columns.Total));
        Assert.False(RegisterCount.IsCountedIn(application, 2024, "noproc_2", A.Columns.NaturalPerson));
        Assert.False(RegisterCount.IsCountedIn(application, 2024, A.Rows.New, A.Columns.Total));
        Assert.True(RegisterCount.IsCountedIn(application, 2023, A.Rows.CarriedForward, A.Columns.Total));
    }
}
