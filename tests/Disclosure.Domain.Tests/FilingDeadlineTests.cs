using Disclosure.Domain.Agencies;

namespace Disclosure.Domain.Tests;

/// <summary>《条例》第四十九条: departments by 31 January, governments' own reports by 31 March.</summary>
public sealed class FilingDeadlineTests
{
    [Theory]
    [InlineData(AgencyLevel.ProvincialGovernment, "2025-03-31")]
    [InlineData(AgencyLevel.CityGovernment, "2025-03-31")]
    [InlineData(AgencyLevel.CountyGovernment, "2025-03-31")]
    [InlineData(AgencyLevel.ProvincialDepartment, "2025-01-31")]
    [InlineData(AgencyLevel.CityDepartment, "2025-01-31")]
    [InlineData(AgencyLevel.CountyDepartment, "2025-01-31")]
    [InlineData(AgencyLevel.Township, "2025-01-31")]
    public void TheReportOf2024_IsDue(AgencyLevel level, string due)
    {
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), FilingDeadline.For(level, 2024));
    }

    [Fact]
    public void TheDeadlineDay_IsStillInTime_AndTheNextDayIsLate()
    {
        Assert.False(FilingDeadline.IsPast(AgencyLevel.CountyGovernment, 2024, new DateOnly(2025, 3, 31)));
        Assert.True(FilingDeadline.IsPast(AgencyLevel.CountyGovernment, 2024, new DateOnly(2025, 4, 1)));
        Assert.True(FilingDeadline.IsPast(AgencyLevel.CityDepartment, 2024, new DateOnly(2025, 2, 1)));
        Assert.False(FilingDeadline.IsPast(AgencyLevel.CityGovernment, 2024, new DateOnly(2025, 2, 1)));
    }
}
