using System.Collections.Concurrent;
using System.Diagnostics;
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
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Disclosure.Web.Tests.Caching;

/// <summary>
/// The server's output cache learns what another process wrote to the database (the <c>import</c> command, another
/// instance without Redis): <see cref="PublicCacheChangePoller"/>, here every 200 ms. The writes go through a context of
/// their own, never through the portal's eviction.
/// </summary>
public sealed class ChangePollingTests
{
    private const string Pingtan = "/reports/pingtan/2021";
    private const string Zhongwei = "/reports/zhongwei-commerce/2023";

    /// <summary>Far less than the cache's 10 minutes, far more than 200 ms on a busy machine.</summary>
    private static readonly TimeSpan _deadline = TimeSpan.FromSeconds(15);

    private static Dictionary<string, string?> Polling(string interval = "00:00:00.200") => new() { ["PublicCache:PollInterval"] = interval };

    private static async Task<HttpResponseMessage> Get(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>Requests <paramref name="url"/> until it is served from the cache.</summary>
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

    private static async Task<TimeSpan> EventuallyAsync(string what, Func<Task<bool>> seen)
    {
        var clock = Stopwatch.StartNew();
        while (!await seen())
        {
            Assert.True(clock.Elapsed < _deadline, $"{what}: not seen after {clock.Elapsed}");
            await Task.Delay(50);
        }

        return clock.Elapsed;
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
    public async Task PublicationsByAnotherProcess_ReachTheCachedPagesWithinAFewPolls_AndLeaveOtherReportsCached()
    {
        await using var portal = new ConfiguredPortalFactory(Polling());
        using var client = portal.CreateClient();
        await WarmAsync(client, "/years/2023", Pingtan, Zhongwei);

        await ImportAsAnotherProcessAsync(portal, "hongze-district-2023", "hongze-copy");
        await ImportAsAnotherProcessAsync(portal, "pingtan-2021", "pingtan", "另一进程导入的更正");

        await EventuallyAsync("the new report in the cached list of 2023", async () =>
            (await client.GetDocumentAsync("/years/2023")).QuerySelector("a[href='/reports/hongze-copy/2023']") is not null);
        await EventuallyAsync("the correction on the cached report page", () => ShowsAsync(client, Pingtan, "另一进程导入的更正"));
        using var other = await Get(client, Zhongwei);
        Assert.True(other.Headers.Age is not null, "a report that did not change was evicted too");
    }

    [Fact]
    public async Task WhileNothingChanges_CachedPagesKeepBeingServedFromTheCache()
    {
        await using var portal = new ConfiguredPortalFactory(Polling());
        using var client = portal.CreateClient();
        using var before = await Get(client, "/");
        await WarmAsync(client, "/", Pingtan);

        await Task.Delay(TimeSpan.FromSeconds(1.5));

        using var home = await Get(client, "/");
        using var report = await Get(client, Pingtan);
        Assert.True(home.Headers.Age is not null && report.Headers.Age is not null, "a page was evicted though nothing changed");
        Assert.Equal(before.Headers.ETag, home.Headers.ETag);

        // The poller was running all along: a change is seen.
        await ImportAsAnotherProcessAsync(portal, "pingtan-2021", "pingtan", "更正表三数据");
        await EventuallyAsync("the correction", () => ShowsAsync(client, Pingtan, "更正表三数据"));
    }

    [Fact]
    public async Task WithPollingOff_APublicationByAnotherProcess_IsNotSeenUntilTheEntryExpires()
    {
        await using var portal = new ConfiguredPortalFactory(Polling("00:00:00"));
        using var client = portal.CreateClient();
        await WarmAsync(client, Pingtan);

        await ImportAsAnotherProcessAsync(portal, "pingtan-2021", "pingtan", "更正表三数据");
        await Task.Delay(TimeSpan.FromSeconds(1));

        using var report = await Get(client, Pingtan);
        Assert.NotNull(report.Headers.Age);
        Assert.DoesNotContain("更正表三数据", await report.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAgencyRenamedByAnotherInstance_ReachesEveryCachedPageOfIt()
    {
        await using var portal = new ConfiguredPortalFactory(Polling());
        using var client = portal.CreateClient();
        await WarmAsync(client, "/agencies", "/agencies/zhongwei-commerce", Zhongwei);

        // Another instance's AgencyCommands, evicting only its own cache.
        await using (var db = portal.OtherProcessContext())
        {
            var commands = new AgencyCommands(db, new PublicCache(new UnsharedStore(), NullLogger<PublicCache>.Instance), TimeProvider.System, NullLogger<AgencyCommands>.Instance);
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

        await EventuallyAsync("the new name in the cached directory", async () =>
            (await client.GetDocumentAsync("/agencies")).QuerySelector("a[href='/agencies/zhongwei-investment']")?.Text() == "中卫市商务和投资促进局");

        // The old addresses are no longer served from the cache: they redirect to the new slug.
        using var noRedirects = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var oldAgency = await Get(noRedirects, "/agencies/zhongwei-commerce");
        using var oldReport = await Get(noRedirects, Zhongwei);
        Assert.Equal(HttpStatusCode.MovedPermanently, oldAgency.StatusCode);
        Assert.Equal(HttpStatusCode.MovedPermanently, oldReport.StatusCode);
        Assert.Equal(Zhongwei.Replace("zhongwei-commerce", "zhongwei-investment", StringComparison.Ordinal), oldReport.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task DuringADatabaseOutage_ThePollerKeepsTheCachedPagesWarnsOnce_AndCatchesUpAfterwards()
    {
        await using var portal = new OutagePortalFactory(Polling());
        using var client = portal.CreateClient();
        await WarmAsync(client, Pingtan);

        // A second poller beside the portal's, to read what it logs (Serilog's logger is shared by the test hosts).
        var log = new CollectingLogger<PublicCacheChangePoller>();
        using var poller = ActivatorUtilities.CreateInstance<PublicCacheChangePoller>(portal.Services, log);
        await poller.StartAsync(CancellationToken.None);
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(0.5));
            portal.TakeDatabaseAway();
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            using (var cached = await Get(client, Pingtan))
            {
                Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
                Assert.NotNull(cached.Headers.Age);
            }

            portal.BringDatabaseBack();
            await ImportAsAnotherProcessAsync(portal, "pingtan-2021", "pingtan", "更正表三数据");
            await EventuallyAsync("the correction after the outage", () => ShowsAsync(client, Pingtan, "更正表三数据"));
            await EventuallyAsync("the poller's recovery", () => Task.FromResult(log.Entries.Any(e => e.Message.Contains("works again", StringComparison.Ordinal))));
        }
        finally
        {
            await poller.StopAsync(CancellationToken.None);
        }

        var warning = Assert.Single(log.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Contains("SQLite Error 14", warning.Message, StringComparison.Ordinal);
    }

    /// <summary>The in-memory cache of another instance.</summary>
    private sealed class UnsharedStore : IOutputCacheStore
    {
        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult<byte[]?>(null);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) => ValueTask.CompletedTask;
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
