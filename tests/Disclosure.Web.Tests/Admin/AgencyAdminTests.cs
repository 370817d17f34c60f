using System.Net;
using Disclosure.Domain.Agencies;
using Disclosure.Domain.Audit;
using Disclosure.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Tests.Admin;

public sealed class AgencyAdminTests(AdminPortalFixture portal) : IClassFixture<AdminPortalFixture>
{
    private static KeyValuePair<string, string>[] Form(string name, string slug, string level = "CountyDepartment", string parent = "", string address = "", string phone = "") =>
        [new("Name", name), new("Slug", slug), new("Level", level), new("ParentId", parent), new("Address", address), new("Phone", phone)];

    private async Task<int> AgencyCountAsync()
    {
        var count = 0;
        await portal.Factory.WithDbAsync(async db => count = await db.Agencies.CountAsync());
        return count;
    }

    [Fact]
    public async Task CreateAgency_IsListedAndAudited()
    {
        using var client = portal.AdminClient();
        int zhongwei = 0;
        await portal.Factory.WithDbAsync(async db => zhongwei = (await db.Agencies.SingleAsync(a => a.Slug == "zhongwei")).Id);

        using var response = await client.PostFormAsync("/admin/agencies/new",
            Form(" 中卫市发展和改革委员会 ", "zhongwei-fgw", "CityDepartment", zhongwei.ToString(System.Globalization.CultureInfo.InvariantCulture), "中卫市沙坡头区", "0955-7000000"), portal.Admin.Token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await client.GetDocumentAsync("/admin/agencies?q=fgw");
        var row = Assert.Single(list.QuerySelectorAll("table.list tbody tr"));
        Assert.Equal("中卫市发展和改革委员会", row.QuerySelector("th")!.Text());
        Assert.Contains("中卫市人民政府", row.Text(), StringComparison.Ordinal);
        await portal.Factory.WithDbAsync(async db =>
        {
            var agency = await db.Agencies.SingleAsync(a => a.Slug == "zhongwei-fgw");
            Assert.Equal(AgencyLevel.CityDepartment, agency.Level);
            Assert.Equal(zhongwei, agency.ParentId);
            var audit = await db.AuditEntries.SingleAsync(e => e.AgencyId == agency.Id && e.Action == AuditAction.AgencyCreated);
            Assert.Contains("zhongwei-fgw", audit.Details, StringComparison.Ordinal);
        });
        var filtered = await client.GetDocumentAsync("/admin/agencies?level=Township");
        Assert.DoesNotContain(filtered.QuerySelectorAll("table.list tbody th"), th => th.Text() == "中卫市发展和改革委员会");
    }

    [Fact]
    public async Task CreateAgency_WithAParentThatIsNoNumber_SaysSoInChineseAtTheParent_AndKeepsWhatWasTyped()
    {
        using var client = portal.AdminClient();
        var before = await AgencyCountAsync();

        using var response = await client.PostFormAsync("/admin/agencies/new", Form("中卫市统计局", "zhongwei-tjj", parent: "abc"), portal.Admin.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("“abc”不是有效的值", page.QuerySelector("#f-ParentId-error")!.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("is not valid", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("中卫市统计局", page.QuerySelector("#f-Name")!.GetAttribute("value"));
        Assert.Equal(before, await AgencyCountAsync());
    }

    [Fact]
    public async Task CreateAgency_WithATakenSlug_SaysSoAtTheSlugAndSavesNothing()
    {
        using var client = portal.AdminClient();
        var before = await AgencyCountAsync();

        using var response = await client.PostFormAsync("/admin/agencies/new", Form("另一个平潭", "pingtan"), portal.Admin.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("已被其他机关使用", page.QuerySelector("#f-Slug-error")!.Text(), StringComparison.Ordinal);
        Assert.Equal("另一个平潭", page.QuerySelector("#f-Name")!.GetAttribute("value"));
        Assert.Equal(before, await AgencyCountAsync());
    }

    [Theory]
    [InlineData("Name", "", "ok-slug", "请填写机关名称")]
    [InlineData("Name", "TOO_LONG_NAME", "ok-slug-2", "最多 200 个字")]
    [InlineData("Slug", "合法名称", "Bad Slug", "小写英文字母")]
    [InlineData("Slug", "合法名称", "trailing-", "小写英文字母")]
    [InlineData("Slug", "合法名称", "TOO_LONG_SLUG", "最多 64 个字符")]
    [InlineData("Phone", "合法名称", "ok-slug-3", "最多 50 个字符", "TOO_LONG_PHONE")]
    [InlineData("Level", "合法名称", "ok-slug-4", "请选择机关层级", null, "Nowhere")]
    public async Task CreateAgency_WithABadField_SaysSoAtThatFieldAndSavesNothing(string field, string name, string slug, string message, string? phone = null, string level = "Township")
    {
        using var client = portal.AdminClient();
        var before = await AgencyCountAsync();
        name = name == "TOO_LONG_NAME" ? new string('局', Agency.NameMaxLength + 1) : name;
        slug = slug == "TOO_LONG_SLUG" ? new string('a', Agency.SlugMaxLength + 1) : slug;
        phone = phone == "TOO_LONG_PHONE" ? new string('1', Agency.PhoneMaxLength + 1) : phone ?? "";

        using var response = await client.PostFormAsync("/admin/agencies/new", Form(name, slug, level, phone: phone), portal.Admin.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains(message, page.QuerySelector($"#f-{field}-error")!.Text(), StringComparison.Ordinal);
        Assert.Single(page.QuerySelectorAll(".error-message"));
        Assert.Equal(before, await AgencyCountAsync());
    }

    [Fact]
    public async Task EditAgency_ChangesTheFieldsAndAuditsWhichChanged()
    {
        using var client = portal.AdminClient();
        int id = 0;
        await portal.Factory.WithDbAsync(async db => id = (await db.Agencies.SingleAsync(a => a.Slug == "hongze-district")).Id);
        var form = await client.GetDocumentAsync($"/admin/agencies/{id}");
        Assert.Equal("hongze-district", form.QuerySelector("#f-Slug")!.GetAttribute("value"));

        using var response = await client.PostFormAsync($"/admin/agencies/{id}",
            Form("淮安市洪泽区人民政府", "hongze", "CountyGovernment", phone: "0517-87220000"), portal.Admin.Token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await portal.Factory.WithDbAsync(async db =>
        {
            var agency = await db.Agencies.SingleAsync(a => a.Id == id);
            Assert.Equal("hongze", agency.Slug);
            Assert.Equal("0517-87220000", agency.Phone);
            var audit = await db.AuditEntries.Where(e => e.AgencyId == id && e.Action == AuditAction.AgencyUpdated).SingleAsync();
            Assert.Contains("网址标识 hongze-district→hongze", audit.Details, StringComparison.Ordinal);
            Assert.Contains("电话", audit.Details, StringComparison.Ordinal);
            Assert.DoesNotContain("名称", audit.Details, StringComparison.Ordinal);
        });
        await client.GetDocumentAsync("/agencies/hongze");
    }

    [Fact]
    public async Task EditAgency_UnderItsOwnSubordinate_IsRefusedAtTheParentField()
    {
        using var client = portal.AdminClient();
        int city = 0, department = 0;
        await portal.Factory.WithDbAsync(async db =>
        {
            city = (await db.Agencies.SingleAsync(a => a.Slug == "zhongwei")).Id;
            department = (await db.Agencies.SingleAsync(a => a.Slug == "zhongwei-commerce")).Id;
        });

        using var response = await client.PostFormAsync($"/admin/agencies/{city}",
            Form("中卫市人民政府", "zhongwei", "CityGovernment", department.ToString(System.Globalization.CultureInfo.InvariantCulture)), portal.Admin.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("下级机关", page.QuerySelector("#f-ParentId-error")!.Text(), StringComparison.Ordinal);
        await portal.Factory.WithDbAsync(async db => Assert.Null((await db.Agencies.SingleAsync(a => a.Id == city)).ParentId));
    }
}
