using System.Net;
using Disclosure.Domain.Import;
using Disclosure.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Tests.Security;

/// <summary>
/// A control character (one \x01 made the year's XLSX invalid) is refused at every text input with its position,
/// at the field, and nothing typed is lost; the import refuses a report holding one.
/// </summary>
public sealed class ControlCharacterTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AgencyForm_NameWithAControlCharacter_IsRefusedAtTheField_WithWhatWasTyped()
    {
        var admin = await Staff.SignInAsync(portal, "admin@demo.local");
        using var client = admin.Client(portal);

        using var response = await client.PostFormAsync("/admin/agencies/new",
            [new("Name", "某市\u0001审计局"), new("Slug", "audit-bureau"), new("Level", "CityDepartment"), new("Address", "某市人民路 1 号")], admin.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        var error = page.QuerySelector("#f-Name-error")?.TextContent ?? "";
        Assert.Contains("第 3 个字符", error, StringComparison.Ordinal);
        Assert.Contains("U+0001", error, StringComparison.Ordinal);
        Assert.Equal("某市人民路 1 号", page.QuerySelector("#f-Address")?.GetAttribute("value"));
        await portal.WithDbAsync(async db => Assert.False(await db.Agencies.AnyAsync(a => a.Slug == "audit-bureau")));
    }

    [Fact]
    public async Task AnyPostedField_WithAControlCharacter_IsRefused_EvenWithoutARuleOfItsOwn()
    {
        var admin = await Staff.SignInAsync(portal, "admin@demo.local");
        using var client = admin.Client(portal);

        using var response = await client.PostFormAsync("/admin/agencies/new",
            [new("Name", "某市统计局"), new("Slug", "stats-bureau"), new("Level", "CityDepartment"), new("Phone", "0955\u001B[31m")], admin.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("U+001B", (await response.ParseAsync()).QuerySelector("#f-Phone-error")?.TextContent ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void Import_ReportWithAControlCharacterInItsText_IsRefused_SayingWhere()
    {
        var json = Fixtures.Json("zhongwei-commerce-2023");
        var poisoned = json.Replace("中卫市商务局", "中卫市\\u0007商务局", StringComparison.Ordinal);

        var result = ReportImporter.Import(poisoned);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Message.Contains("U+0007", StringComparison.Ordinal) && e.Message.Contains("机关名称", StringComparison.Ordinal));
    }
}
