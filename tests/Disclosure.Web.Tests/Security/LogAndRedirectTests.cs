using System.Net;
using Disclosure.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Tests.Security;

/// <summary>
/// Anonymous requests whose path holds CR/LF or Chinese: a log line cannot be forged (values are escaped before any
/// sink), and a former slug's redirect encodes its Location instead of failing with a 500.
/// </summary>
public sealed class LogAndRedirectTests : IDisposable
{
    private readonly TestPortal _portal = new(settings: new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Information" });

    [Fact]
    public async Task PathWithCrLf_IsLoggedOnOneLine()
    {
        using var client = _portal.CreateClient();
        using var response = await client.GetAsync(new Uri("/reports/x%0D%0A[12:00:00 ERR] forged entry/2023", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        static bool Forged(string message) => message.Contains("forged entry", StringComparison.Ordinal);
        var messages = await _portal.Logs.MessagesOnceAsync(Forged, TimeSpan.FromSeconds(10));
        var logged = messages.Where(Forged).ToList();
        Assert.True(logged.Count > 0, string.Join("\n", messages));
        Assert.All(logged, line =>
        {
            Assert.DoesNotContain('\n', line);
            Assert.DoesNotContain('\r', line);
            Assert.Contains("\\r\\n", line, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("/reports/zhongwei-old/%0D%0Ainjected", "/reports/zhongwei-commerce/%0D%0Ainjected")]
    [InlineData("/reports/zhongwei-old/2023/%E4%B8%AD%E6%96%87", "/reports/zhongwei-commerce/2023/%E4%B8%AD%E6%96%87")]
    [InlineData("/agencies/zhongwei-old/%E4%B8%AD?q=%E4%B8%AD", "/agencies/zhongwei-commerce/%E4%B8%AD?q=%E4%B8%AD")]
    public async Task FormerSlug_WithCrLfOrChineseInTheRestOfThePath_RedirectsWithAnEncodedLocation(string path, string location)
    {
        await _portal.WithDbAsync(async db =>
        {
            // The office had the address zhongwei-old once, and came back to zhongwei-commerce.
            var agency = db.Agencies.Include(a => a.FormerSlugs).Single(a => a.Slug == "zhongwei-commerce");
            agency.ChangeSlug("zhongwei-old", DateTimeOffset.UtcNow);
            agency.ChangeSlug("zhongwei-commerce", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        });
        using var client = _portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(location, response.Headers.Location!.OriginalString);
    }

    public void Dispose() => _portal.Dispose();
}
