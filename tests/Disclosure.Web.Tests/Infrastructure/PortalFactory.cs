using Disclosure.Data;
using Disclosure.Data.Sqlite;
using Disclosure.Data.SqlServer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests.Infrastructure;

/// <summary>
/// The portal against a real database of its own: a fresh SQLite file by default, or a fresh SQL Server database when
/// <c>DISCLOSURE_TEST_DB=sqlserver</c> and <c>DISCLOSURE_TEST_SQLSERVER</c> (a connection string to the server) are set.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly string _sqliteFile = Path.Combine(Path.GetTempPath(), $"disclosure-test-{Guid.NewGuid():N}.db");
    private readonly string? _sqlServerDatabase;

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
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
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
