using Disclosure.Data;
using Disclosure.Data.Sqlite;
using Disclosure.Data.SqlServer;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Infrastructure;

public static class DatabaseRegistration
{
    public const string ConnectionStringName = "Disclosure";

    /// <summary>
    /// Registers <see cref="DisclosureDbContext"/> for the provider named by <c>Database:Provider</c>
    /// (<c>Sqlite</c>, the default, or <c>SqlServer</c>) with <c>ConnectionStrings:Disclosure</c>.
    /// Without a connection string, SQLite uses <c>App_Data/disclosure.db</c> under the content root.
    /// </summary>
    public static IServiceCollection AddDisclosureDatabase(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionString(connectionString, environment.ContentRootPath);
                services.AddDbContext<DisclosureDbContext>(db => db.UseDisclosureSqlite(sqlite));
                break;
            case DatabaseProvider.SqlServer:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is SqlServer but ConnectionStrings:Disclosure is empty. Set it (e.g. the environment variable ConnectionStrings__Disclosure).");
                }

                services.AddDbContext<DisclosureDbContext>(db => db.UseDisclosureSqlServer(connectionString));
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{options.Provider}'. Use Sqlite or SqlServer.");
        }

        return services;
    }

    private static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured)
            ? "Data Source=App_Data/disclosure.db"
            : configured);
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        }

        if (Path.GetDirectoryName(builder.DataSource) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        return builder.ToString();
    }
}
