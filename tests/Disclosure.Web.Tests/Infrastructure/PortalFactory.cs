using System.Net;
using Disclosure.Data;
using Disclosure.Data.Sqlite;
using Disclosure.Data.SqlServer;
using Disclosure.Web.Infrastructure;
using Disclosure.Web.Infrastructure.Caching;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Disclosure.Web.Tests.Infrastructure;

/// <summary>
/// The portal against a real database of its own: a fresh SQLite file by default, or a fresh SQL Server database when
/// <c>DISCLOSURE_TEST_DB=sqlserver</c> and <c>DISCLOSURE_TEST_SQLSERVER</c> (a connection string to the server) are set.
/// </summary>
/// <remarks>
/// Shared by the test classes of a collection (see <see cref="PortalCollections"/> and tests/README.md):
/// <see cref="ResetAsync"/> puts the database back as the portal started, empties the output cache and gives the next
/// requests a client address of their own (the sign-in rate limit counts per address).
/// </remarks>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly string _sqliteFile = Path.Combine(Path.GetTempPath(), $"disclosure-test-{Guid.NewGuid():N}.db");
    private readonly string? _sqlServerDatabase;
    private string? _sqliteSnapshot;
    private int _clientAddress = 1;

    public PortalFactory()
    {
        if (TestDatabase.IsSqlServer)
        {
            _sqlServerDatabase = $"DisclosureTest_{Guid.NewGuid():N}";
        }
    }

    /// <summary>The environment the app runs in; Development seeds the demo data.</summary>
    protected virtual string EnvironmentName => "Development";

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public static DatabaseProvider Provider => TestDatabase.IsSqlServer ? DatabaseProvider.SqlServer : DatabaseProvider.Sqlite;

    /// <summary>The provider this portal uses (a factory that sets its own database says which).</summary>
    protected virtual DatabaseProvider ProviderInUse => Provider;

    /// <summary>
    /// A clock the test moves (<see cref="FakeTimeProvider.Advance"/>) in place of the system's, for everything the
    /// app times with <see cref="TimeProvider"/> (e.g. the public cache's change poller). Null: the system clock.
    /// </summary>
    public FakeTimeProvider? Clock { get; init; }

    public virtual string ConnectionString => _sqlServerDatabase is null
        ? $"Data Source={_sqliteFile}"
        : new SqlConnectionStringBuilder(TestDatabase.SqlServerConnectionString) { InitialCatalog = _sqlServerDatabase }.ConnectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.ConfigureAppConfiguration((_, config) =>
        {
            var settings = new Dictionary<string, string?>
            {
                ["Database:Provider"] = Provider.ToString(),
                ["ConnectionStrings:Disclosure"] = ConnectionString,
                ["Serilog:MinimumLevel:Default"] = "Warning",
            };
            foreach (var (key, value) in Settings)
            {
                settings[key] = value;
            }

            config.AddInMemoryCollection(settings);
        });
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter>(new ClientAddressFilter(() => _clientAddress));
            if (Clock is not null)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
            }
        });
    }

    /// <summary>Starts the portal (migrations and demo data included) and, on SQLite, keeps a copy of the database as it started.</summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        if (_sqlServerDatabase is null && ProviderInUse == DatabaseProvider.Sqlite && File.Exists(_sqliteFile))
        {
            _sqliteSnapshot = _sqliteFile + ".start";
            using var live = new SqliteConnection(ConnectionString);
            using var snapshot = new SqliteConnection($"Data Source={_sqliteSnapshot};Pooling=False");
            live.Open();
            snapshot.Open();
            live.BackupDatabase(snapshot);
        }

        return host;
    }

    /// <summary>
    /// Puts the portal back as it started, for the next test: the database as migrated and seeded (SQLite: copied back
    /// from the start; SQL Server: dropped and created again), no cached public page, and a new client address.
    /// </summary>
    public virtual async Task ResetAsync()
    {
        _ = Server;
        Interlocked.Increment(ref _clientAddress);
        if (_sqliteSnapshot is not null)
        {
            using var snapshot = new SqliteConnection($"Data Source={_sqliteSnapshot};Pooling=False");
            using var live = new SqliteConnection(ConnectionString);
            snapshot.Open();
            live.Open();
            snapshot.BackupDatabase(live);
        }
        else if (_sqlServerDatabase is not null)
        {
            await using (var scope = Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().Database.EnsureDeletedAsync();
            }

            SqlConnection.ClearAllPools();
            await DatabaseInitializer.InitializeDatabaseAsync(Services);
        }
        else
        {
            throw new InvalidOperationException($"{GetType().Name} cannot be reset: its database is not one the factory made.");
        }

        await Services.GetRequiredService<PublicCache>().EvictAllAsync(CancellationToken.None);
    }

    public async Task WithDbAsync(Func<DisclosureDbContext, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<DisclosureDbContext>());
    }

    /// <summary>
    /// A context of its own on the portal's database, made without the portal's services: what the <c>import</c>
    /// command or another instance writes with. Nothing the portal does on saving (evicting its cache) happens.
    /// </summary>
    public DisclosureDbContext OtherProcessContext()
    {
        var options = new DbContextOptionsBuilder<DisclosureDbContext>();
        if (ProviderInUse == DatabaseProvider.SqlServer)
        {
            options.UseDisclosureSqlServer(ConnectionString);
        }
        else
        {
            options.UseDisclosureSqlite(ConnectionString);
        }

        return new DisclosureDbContext(options.Options);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _sqlServerDatabase is not null)
        {
            try
            {
                using var scope = Services.CreateScope();
                scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().Database.EnsureDeleted();
            }
            catch (InvalidOperationException)
            {
                // The host never started: nothing was created.
            }
        }

        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm", _sqliteFile + ".start" })
            {
                File.Delete(file);
            }
        }
    }
}

/// <summary>
/// Gives every request a client address (the in-memory server has none), a new one after each reset: each test has
/// the sign-in rate limit (10 a minute per address) to itself.
/// </summary>
internal sealed class ClientAddressFilter(Func<int> address) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            var n = address();
            context.Connection.RemoteIpAddress ??= new IPAddress([10, (byte)(n >> 16), (byte)(n >> 8), (byte)n]);
            return nextMiddleware(context);
        });
        next(app);
    };
}

/// <summary>The portal with the demo data and some settings of the test's own (e.g. <c>PublicCache:PollInterval</c>).</summary>
public sealed class ConfiguredPortalFactory(IReadOnlyDictionary<string, string?> settings) : PortalFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(settings);
}

/// <summary>A portal as deployed to production: no demo data.</summary>
public sealed class ProductionPortalFactory : PortalFactory
{
    protected override string EnvironmentName => "Production";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Serilog:WriteTo:1:Args:path"] = Path.Combine(Path.GetTempPath(), "disclosure-test-logs", "log-.txt"),
    };
}

public static class TestDatabase
{
    public static bool IsSqlServer =>
        string.Equals(Environment.GetEnvironmentVariable("DISCLOSURE_TEST_DB"), "sqlserver", StringComparison.OrdinalIgnoreCase);

    public static string SqlServerConnectionString =>
        Environment.GetEnvironmentVariable("DISCLOSURE_TEST_SQLSERVER")
        ?? throw new InvalidOperationException("DISCLOSURE_TEST_DB=sqlserver needs DISCLOSURE_TEST_SQLSERVER, a connection string to the server.");
}
