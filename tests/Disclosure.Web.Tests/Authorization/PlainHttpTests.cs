using System.Net;
using Disclosure.Web.DemoData;
using Disclosure.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Disclosure.Web.Tests.Authorization;

/// <summary>
/// `dotnet run` serves http://localhost: in Development staff sign in over plain HTTP (the cookies are not Secure
/// there). Elsewhere the cookies are Secure and a staff page over plain HTTP gets a page saying HTTPS is needed —
/// before, both answered 500 (the antiforgery cookie cannot be Secure on an HTTP request).
/// </summary>
public sealed class PlainHttpTests(PortalFactory development, ProductionPortalFactory production, PlainHttpTrialFactory trial)
    : IClassFixture<PortalFactory>, IClassFixture<ProductionPortalFactory>, IClassFixture<PlainHttpTrialFactory>
{
    private static readonly Uri _http = new("http://localhost");

    [Fact]
    public async Task Development_StaffSignInOverPlainHttp_Works()
    {
        var cookies = new CookieContainer();
        using var client = development.CreateDefaultClient(_http, new CookieContainerHandler(cookies));
        using var login = await client.TrySignInAsync("admin@demo.local", DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.All(cookies.GetAllCookies(), cookie => Assert.False(cookie.Secure, cookie.Name));
        var workspace = await client.GetDocumentAsync("/admin/import");
        Assert.NotNull(workspace.QuerySelector("form[action='/account/logout']"));
    }

    [Fact]
    public async Task Production_WithRequireHttpsOff_ServesTheSignInFormOverPlainHttp()
    {
        var cookies = new CookieContainer();
        using var client = trial.CreateDefaultClient(_http, new CookieContainerHandler(cookies));
        var page = await client.GetDocumentAsync("/account/login");
        Assert.NotNull(page.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.All(cookies.GetAllCookies(), cookie => Assert.False(cookie.Secure, cookie.Name));
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/admin")]
    [InlineData("/admin/import")]
    public async Task Production_StaffPageOverPlainHttp_SaysHttpsIsNeeded_NotA500(string url)
    {
        using var client = production.CreateDefaultClient(_http);
        var page = await client.GetDocumentAsync(url, expectedStatus: 403);
        Assert.Equal("无法访问", page.QuerySelector("h1")!.Text());
        Assert.Contains("HTTPS", page.QuerySelector("main")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_OverHttps_StaffCookiesAreSecure_AndPublicPagesServeOverEither()
    {
        var cookies = new CookieContainer();
        using var secure = production.CreateDefaultClient(Staff.BaseAddress, new CookieContainerHandler(cookies));
        await secure.GetDocumentAsync("/account/login");
        Assert.NotEmpty(cookies.GetAllCookies());
        Assert.All(cookies.GetAllCookies(), cookie => Assert.True(cookie.Secure, cookie.Name));

        using var plain = production.CreateDefaultClient(_http);
        await plain.GetDocumentAsync("/");
        await plain.GetDocumentAsync("/statistics");
    }
}

/// <summary>Production with <c>Security:RequireHttps=false</c>: a trial of the container on http://localhost:8080.</summary>
public sealed class PlainHttpTrialFactory : PortalFactory
{
    protected override string EnvironmentName => "Production";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:RequireHttps"] = "false",
        ["Serilog:WriteTo:1:Args:path"] = Path.Combine(Path.GetTempPath(), "disclosure-test-logs", "log-.txt"),
    };
}
