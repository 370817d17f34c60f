using Disclosure.Domain.Agencies;

namespace Disclosure.Domain.Tests;

public sealed class AgencyTests
{
    private static readonly DateTimeOffset At = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("hongze-district")]
    [InlineData("zhongwei-commerce")]
    [InlineData("shanghai-govoffice")]
    [InlineData("pingtan")]
    [InlineData("a")]
    [InlineData("suqian-2024")]
    [InlineData("1")]
    public void IsValidSlug_AcceptsLowerCaseAsciiDigitsAndSingleHyphens(string slug)
    {
        Assert.True(Agency.IsValidSlug(slug));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Hongze-District")]
    [InlineData("hongze district")]
    [InlineData("hongze_district")]
    [InlineData("hongze--district")]
    [InlineData("-hongze")]
    [InlineData("hongze-")]
    [InlineData("洪泽区")]
    [InlineData("hongzé")]
    [InlineData("hongze/district")]
    [InlineData("hongze\n")]
    public void IsValidSlug_RefusesAnythingElse(string? slug)
    {
        Assert.False(Agency.IsValidSlug(slug));
    }

    [Fact]
    public void IsValidSlug_AllowsAtMost64Characters()
    {
        Assert.True(Agency.IsValidSlug(new string('a', Agency.SlugMaxLength)));
        Assert.False(Agency.IsValidSlug(new string('a', Agency.SlugMaxLength + 1)));
    }

    [Fact]
    public void Constructor_WithAnInvalidSlug_IsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Agency("Hongze District", "淮安市洪泽区人民政府", AgencyLevel.CountyGovernment));

        Assert.Equal("slug", ex.ParamName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Constructor_WithoutAName_IsRefused(string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => new Agency("hongze-district", name, AgencyLevel.CountyGovernment));

        Assert.Equal("name", ex.ParamName);
    }

    [Fact]
    public void Constructor_TrimsTextAndTurnsEmptyContactsIntoNull()
    {
        var agency = new Agency("zhongwei-commerce", " 中卫市商务局 ", AgencyLevel.CityDepartment, address: " 中卫市行政中心534室 ", phone: "  ");

        Assert.Equal("中卫市商务局", agency.Name);
        Assert.Equal("中卫市行政中心534室", agency.Address);
        Assert.Null(agency.Phone);
    }

    [Fact]
    public void Update_ReturnsTheFieldsThatChanged()
    {
        var city = new Agency("zhongwei", "中卫市人民政府", AgencyLevel.CityGovernment);
        var agency = new Agency("zhongwei-commerce", "中卫市商务局", AgencyLevel.CityDepartment, city, "中卫市行政中心534室", "0955-7061234");

        var changed = agency.Update("zhongwei-commerce", "中卫市商务局", AgencyLevel.CityDepartment, city, "中卫市行政中心535室", " ", At);

        Assert.Equal(["Address", "Phone"], changed);
        Assert.Equal("中卫市行政中心535室", agency.Address);
        Assert.Null(agency.Phone);
    }

    [Fact]
    public void Update_UnderItsOwnSubordinate_IsRefusedAndChangesNothing()
    {
        var city = new Agency("zhongwei", "中卫市人民政府", AgencyLevel.CityGovernment);
        var department = new Agency("zhongwei-commerce", "中卫市商务局", AgencyLevel.CityDepartment, city);
        var office = new Agency("zhongwei-commerce-office", "中卫市商务局办公室", AgencyLevel.CityDepartment, department);

        Assert.Throws<ArgumentException>(() => city.Update("zhongwei", "中卫市人民政府", AgencyLevel.CityGovernment, office, null, null, At));
        Assert.Throws<ArgumentException>(() => city.Update("zhongwei", "中卫市人民政府", AgencyLevel.CityGovernment, city, null, null, At));
        Assert.Null(city.Parent);
        Assert.True(city.IsSelfOrAncestorOf(office));
        Assert.False(office.IsSelfOrAncestorOf(city));
    }

    [Fact]
    public void Update_WithAnInvalidSlug_IsRefusedAndChangesNothing()
    {
        var agency = new Agency("pingtan", "平潭综合实验区管理委员会", AgencyLevel.CityGovernment);

        var ex = Assert.Throws<ArgumentException>(() => agency.Update("Ping Tan", "平潭", AgencyLevel.CityGovernment, null, null, null, At));

        Assert.Equal("slug", ex.ParamName);
        Assert.Equal("平潭综合实验区管理委员会", agency.Name);
    }

    [Fact]
    public void ChangingTheSlug_KeepsTheOldOneAsFormer_AndTakingAFormerOneBackMakesItCurrentAgain()
    {
        var agency = new Agency("zhongwei-commerce", "中卫市商务局", AgencyLevel.CityDepartment);
        Assert.False(agency.ChangeSlug("zhongwei-commerce", At));
        Assert.Empty(agency.FormerSlugs);

        Assert.True(agency.ChangeSlug("zhongwei-investment", At));
        Assert.Equal("zhongwei-investment", agency.Slug);
        var former = Assert.Single(agency.FormerSlugs);
        Assert.Equal(("zhongwei-commerce", At), (former.Slug, former.RetiredAt));

        // Through the form's Update as well; and back to the first address: it is current again, not former.
        var changed = agency.Update("zhongwei-commerce", agency.Name, agency.Level, null, null, null, At.AddDays(1));
        Assert.Contains(nameof(Agency.Slug), changed);
        Assert.Equal(["zhongwei-investment"], agency.FormerSlugs.Select(f => f.Slug).ToArray());
        Assert.Throws<ArgumentException>(() => agency.ChangeSlug("Not A Slug", At));
    }
}
