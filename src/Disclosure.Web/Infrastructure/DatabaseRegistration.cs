using Disclosure.Data;
using Disclosure.Data.Sqlite;
using Disclosure.Data.SqlServer;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Disclosure.Web.Infrastructure;

public static class DatabaseRegistration
{
    public const string ConnectionStringName = "Disclosure";

    /// <summary>
    /// Registers <see cref="DisclosureDbContext"/> for the provider named by <c>Database:Provider</c>
    /// (<c>Sqlite</c>, the default, or <c>SqlServer</c>) with <c>ConnectionStrings:Disclosure</c>.
    /// Without a connection string, SQLite uses <c>App_Data/disclosure.db</c> under the content root.
    /// The settings are read from the final configuration when the first context is made, not at registration.
    /// </summary>
    public static IServiceCollection AddDisclosureDatabase(this IServiceCollection services)
    {
        services.AddSingleton<DatabaseConnection>();
        services.AddDbContext<DisclosureDbContext>((provider, options) => provider.GetRequiredService<DatabaseConnection>().Configure(options));
        return services;
    }
}

/// <summary>The provider and connection string in use, resolved once from configuration.</summary>
public sealed class DatabaseConnection(IOptions<DatabaseOptions> options, IConfiguration configuration, IWebHostEnvironment environment)
{
    private readonly Lazy<string> _connectionString = new(() => Resolve(options.Value.Provider, configuration, environment));

    public DatabaseProvider Provider => options.Value.Provider;

    public string ConnectionString => _connectionString.Value;

    public void Configure(DbContextOptionsBuilder builder)
    {
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseDisclosureSqlite(ConnectionString);
                break;
            case DatabaseProvider.SqlServer:
                builder.UseDisclosureSqlServer(ConnectionString);
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{Provider}'. Use Sqlite or SqlServer.");
        }

        // Migrate() would otherwise build the model from the migrations snapshot and diff it against this model at
        // every start (hundreds of milliseconds). The tests assert both providers have no pending model changes.
        builder.ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    private static string Resolve(DatabaseProvider provider, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var configured = configuration.GetConnectionString(DatabaseRegistration.ConnectionStringName);
        if (provider == DatabaseProvider.SqlServer)
        {
            return string.IsNullOrWhiteSpace(configured)
                ? throw new InvalidOperationException(
                    "Database:Provider is SqlServer but ConnectionStrings:Disclosure is empty. Set it, e.g. with the environment variable ConnectionStrings__Disclosure.")
                : configured;
        }

        var sqlite = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? "Data Source=App_Data/disclosure.db" : configured);
        if (sqlite.DataSource != ":memory:" && !Path.IsPathRooted(sqlite.DataSource))
        {
            sqlite.DataSource = Path.GetFullPath(Path.Combine(environment.ContentRootPath, sqlite.DataSource));
        }

        if (Path.GetDirectoryName(sqlite.DataSource) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        return sqlite.ToString();
    }
}
