using Disclosure.Web.Infrastructure.Caching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Disclosure.Web.Tests.Infrastructure;

/// <summary>
/// The shared portals: one host per collection, for every test class in it (a class joins with
/// <c>[Collection(PortalCollections.Public)]</c> and takes the factory in its constructor). Classes in one collection
/// run one after another; collections run in parallel. See tests/README.md.
/// </summary>
public static class PortalCollections
{
    /// <summary>The Development portal (demo data) for pages that read; see <see cref="PublicPortalCollection"/>.</summary>
    public const string Public = "public portal";

    /// <summary>The Development portal (demo data) for staff tests that write; see <see cref="StaffPortalCollection"/>.</summary>
    public const string Staff = "staff portal";

    /// <summary>The Production portal (no demo data); see <see cref="ProductionPortalCollection"/>.</summary>
    public const string Production = "production portal";

    /// <summary>The Development portal on a fake clock (the public cache's poller ticks when the test says); see <see cref="ClockedPortalFactory"/>.</summary>
    public const string Clocked = "clocked portal";
}

[CollectionDefinition(PortalCollections.Public)]
public sealed class PublicPortalCollection : ICollectionFixture<PortalFactory>
{
}

[CollectionDefinition(PortalCollections.Staff)]
public sealed class StaffPortalCollection : ICollectionFixture<PortalFactory>
{
}

[CollectionDefinition(PortalCollections.Production)]
public sealed class ProductionPortalCollection : ICollectionFixture<ProductionPortalFactory>
{
}

[CollectionDefinition(PortalCollections.Clocked)]
public sealed class ClockedPortalCollection : ICollectionFixture<ClockedPortalFactory>
{
}

/// <summary>
/// A test on a shared portal that starts from the portal as it started: before each test the database is put back
/// (migrated, demo data), the output cache emptied and the sign-in rate limit fresh (<see cref="PortalFactory.ResetAsync"/>).
/// </summary>
public abstract class PortalTest<TFactory>(TFactory portal) : IAsyncLifetime
    where TFactory : PortalFactory
{
    protected TFactory Portal { get; } = portal;

    public virtual Task InitializeAsync() => Portal.ResetAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;
}

/// <summary><see cref="PortalTest{TFactory}"/> on the Development portal.</summary>
public abstract class PortalTest(PortalFactory portal) : PortalTest<PortalFactory>(portal);

/// <summary>
/// The Development portal on a <see cref="FakeTimeProvider"/>: the public cache's change poller polls once at start-up
/// and then only when the test calls <see cref="PollAsync"/>, which moves the clock one interval on and waits for that
/// poll to finish — no sleeping, no deadline to miss on a busy machine.
/// </summary>
public sealed class ClockedPortalFactory : PortalFactory
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    public ClockedPortalFactory()
    {
        Clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
    }

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["PublicCache:PollInterval"] = PollInterval.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The portal's own poller.</summary>
    public PublicCacheChangePoller Poller => Services.GetServices<IHostedService>().OfType<PublicCacheChangePoller>().Single();

    /// <summary>Moves the clock one poll interval on and waits until <paramref name="poller"/> (default: the portal's) has polled.</summary>
    public Task PollAsync(PublicCacheChangePoller? poller = null) => PollAsync(this, Clock!, PollInterval, poller ?? Poller);

    /// <summary>After the database is put back, one poll, so that the poller starts the next test from what it now holds.</summary>
    public override async Task ResetAsync()
    {
        await base.ResetAsync();
        await PollAsync();
    }

    /// <summary>Waits for a poller's first poll (at start-up), then moves <paramref name="clock"/> on and waits for one more.</summary>
    public static async Task PollAsync(PortalFactory portal, FakeTimeProvider clock, TimeSpan interval, PublicCacheChangePoller poller)
    {
        _ = portal.Server;
        await WaitAsync(() => poller.CompletedPolls > 0, "the poller's first poll");
        var before = poller.CompletedPolls;
        clock.Advance(interval);
        await WaitAsync(() => poller.CompletedPolls > before, "a poll after the clock moved");
    }

    private static async Task WaitAsync(Func<bool> done, string what)
    {
        // The poll runs on another thread; this only waits for it to finish (a generous limit against a hang).
        var limit = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!done())
        {
            Assert.True(DateTime.UtcNow < limit, $"{what} did not happen within 30 s");
            await Task.Delay(5);
        }
    }
}
