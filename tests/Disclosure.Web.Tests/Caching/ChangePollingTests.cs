using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using Disclosure.Domain.Import;
using Disclosure.Web.Features.Admin.Agencies;
using Disclosure.Web.Features.Admin.Import;
using Disclosure.Web.Infrastructure.Caching;
using Disclosure.Web.Tests.Infrastructure;
using Disclosure.Web.Tests.Outage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Disclosure.Web.Tests.Caching;

/// <summary>
/// The server's output cache learns what another process wrote to the database (the <c>import</c> command, another
/// instance without Redis): <see cref="PublicCacheChangePoller"/>. The portal runs on a fake clock, so the poller polls
/// exactly when a test moves it (<see cref="ClockedPortalFactory.PollAsync"/>). The writes go through a context of
/// their own, never through the portal's eviction.
/// </summary>
[Collection(PortalCollections.Clocked)]
public sealed class ChangePollingTests(ClockedPortalFactory shared) : PortalTest<ClockedPortalFactory>(shared)
{
    private const string Pingtan = "/reports/pingtan/2021";
    private const string Zhongwei = "/reports/zhongwei-commerce/2023";

    private static async Task<HttpResponseMessage> Get(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>Requests <paramref name="urls"/> until each is served from the cache.</summary>
    private static async Task WarmAsync(HttpClient client, params string[] urls)
    {
        foreach (var url in urls)
        {
            using var first = await Get(client, url);
            using var second = await Get(client, url);
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            Assert.True(second.Headers.Age is not null, $"{url} is not served from the cache");
        }
    }

    private static async Task<bool> ShowsAsync(HttpClient client, string url, string text)
    {
        using var response = await Get(client, url);
        return (await response.Content.ReadAsStringAsync()).Contains(text, StringComparison.Ordinal);
    }

    /// <summary>What <c>import FILE --agency SLUG [--correction …]</c> does in its own process.</summary>
    private static async Task ImportAsAnotherProcessAsync(PortalFactory portal, string sample, string slug, string? correction = null)
    {
        await using var db = portal.OtherProcessContext();
        var result = ReportImporter.Import(await File.ReadAllBytesAsync(Fixtures.PathOf(sample + ".txt")), new ImportOptions());
        var (plan, refusal) = await new ImportPlanner(db, TimeProvider.System).PlanAsync(result, slug, correction, sample + ".txt", CancellationToken.None);
        Assert.True(plan is not null, refusal?.Message);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task PublicationsByAnotherProcess_ReachTheCachedPagesAtTheNextPoll_AndLeaveOtherReportsCached()
    {
        using var client = Portal.CreateClient();
        await WarmAsync(client, "/years/2023", Pingtan, Zhongwei);

        await ImportAsAnotherProcessAsync(Portal, "hongze-district-2023", "hongze-copy");
        await ImportAsAnotherProcessAsync(Portal, "pingtan-2021", "pingtan", "另一进程导入的更正");
        Assert.False(await ShowsAsync(client, Pingtan, "另一进程导入的更正"), "the cached page changed before any poll");
        await Portal.PollAsync();

        Assert.NotNull((await client.GetDocumentAsync("/years/2023")).QuerySelector("a[href='/reports/hongze-copy/2023']"));
        Assert.True(await ShowsAsync(client, Pingtan, "另一进程导入的更正"), "the correction is not on the report page after a poll");
        using var other = await Get(client, Zhongwei);
        Assert.True(other.Headers.Age is not null, "a report that did not change was evicted too");
    }

    [Fact]
    public async Task WhileNothingChanges_CachedPagesKeepBeingServedFromTheCache()
    {
        using var client = Portal.CreateClient();
        using var before = await Get(client, "/");
        await WarmAsync(client, "/", Pingtan);

        for (var i = 0; i < 3; i++)
        {
            await Portal.PollAsync();
        }

        using var home = await Get(client, "/");
        using var report = await Get(client, Pingtan);
        Assert.True(home.Headers.Age is not null && report.Headers.Age is not null, "a page was evicted though nothing changed");
        Assert.Equal(before.Headers.ETag, home.Headers.ETag);

        // The poller was running all along: a change is seen.
        await ImportAsAnotherProcessAsync(Portal, "pingtan-2021", "pingtan", "更正表三数据");
        await Portal.PollAsync();
        Assert.True(await ShowsAsync(client, Pingtan, "更正表三数据"), "the correction is not on the report page after a poll");
    }

    [Fact]
    public async Task WithPollingOff_APublicationByAnotherProcess_IsNotSeenUntilTheEntryExpires()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = new ConfiguredPortalFactory(new Dictionary<string, string?> { ["PublicCache:PollInterval"] = "00:00:00" }) { Clock = clock };
        using var client = portal.CreateClient();
        await WarmAsync(client, Pingtan);

        await ImportAsAnotherProcessAsync(portal, "pingtan-2021", "pingtan", "更正表三数据");
        clock.Advance(TimeSpan.FromMinutes(1));

        using var report = await Get(client, Pingtan);
        Assert.NotNull(report.Headers.Age);
        Assert.DoesNotContain("更正表三数据", await report.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, portal.Services.GetServices<IHostedService>().OfType<PublicCacheChangePoller>().Single().CompletedPolls);
    }

    [Fact]
    public async Task AnAgencyRenamedByAnotherInstance_ReachesEveryCachedPageOfIt()
    {
        using var client = Portal.CreateClient();
        await WarmAsync(client, "/agencies", "/agencies/zhongwei-commerce", Zhongwei);

        // Another instance's AgencyCommands, evicting only its own cache.
        await using (var db = Portal.OtherProcessContext())
        {
            var commands = new AgencyCommands(db, TimeProvider.System, NullLogger<AgencyCommands>.Instance);
            var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Slug == "zhongwei-commerce");
            var form = new AgencyForm
            {
                Name = "中卫市商务和投资促进局",
                Slug = "zhongwei-investment",
                Level = agency.Level.ToString(),
                ParentId = agency.ParentId,
                Address = agency.Address,
                Phone = agency.Phone,
            };
            var (found, refusal) = await commands.UpdateAsync(agency.Id, form, new ClaimsPrincipal(new ClaimsIdentity()), CancellationToken.None);
            Assert.True(found && refusal is null, refusal?.Message);
        }

        await Portal.PollAsync();
        Assert.Equal("中卫市商务和投资促进局", (await client.GetDocumentAsync("/agencies")).QuerySelector("a[href='/agencies/zhongwei-investment']")?.Text());

        // The old addresses are no longer served from the cache: they redirect to the new slug.
        using var noRedirects = Portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var oldAgency = await Get(noRedirects, "/agencies/zhongwei-commerce");
        using var oldReport = await Get(noRedirects, Zhongwei);
        Assert.Equal(HttpStatusCode.MovedPermanently, oldAgency.StatusCode);
        Assert.Equal(HttpStatusCode.MovedPermanently, oldReport.StatusCode);
        Assert.Equal(Zhongwei.Replace("zhongwei-commerce", "zhongwei-investment", StringComparison.Ordinal), oldReport.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task DuringADatabaseOutage_ThePollerKeepsTheCachedPagesWarnsOnce_AndCatchesUpAfterwards()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = new OutagePortalFactory(new Dictionary<string, string?> { ["PublicCache:PollInterval"] = "00:00:05" }) { Clock = clock };
        using var client = portal.CreateClient();
        await WarmAsync(client, Pingtan);

        // A second poller beside the portal's, to read what it logs (Serilog's logger is shared by the test hosts).
        var log = new CollectingLogger<PublicCacheChangePoller>();
        using var poller = ActivatorUtilities.CreateInstance<PublicCacheChangePoller>(portal.Services, log);
        Task Poll() => ClockedPortalFactory.PollAsync(portal, clock, TimeSpan.FromSeconds(5), poller);
        await poller.StartAsync(CancellationToken.None);
        try
        {
            await Poll();
            portal.TakeDatabaseAway();
            for (var i = 0; i < 3; i++)
            {
                await Poll();
            }

            using (var cached = await Get(client, Pingtan))
            {
                Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
                Assert.NotNull(cached.Headers.Age);
            }

            portal.BringDatabaseBack();
            await ImportAsAnotherProcessAsync(portal, "pingtan-2021", "pingtan", "更正表三数据");
            await Poll();
            Assert.True(await ShowsAsync(client, Pingtan, "更正表三数据"), "the correction is not on the report page after the outage");
            Assert.Contains(log.Entries, e => e.Message.Contains("works again", StringComparison.Ordinal));
        }
        finally
        {
            await poller.StopAsync(CancellationToken.None);
        }

        var warning = Assert.Single(log.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Contains("SQLite Error 14", warning.Message, StringComparison.Ordinal);
    }

    private sealed class CollectingLogger<T> : ILogger<T>
    {
        public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Enqueue((logLevel, formatter(state, exception)));
    }
}
