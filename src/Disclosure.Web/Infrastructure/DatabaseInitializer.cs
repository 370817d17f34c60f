using Disclosure.Data;
using Disclosure.Data.Identity;
using Disclosure.Data.Register;
using Disclosure.Web.DemoData;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Disclosure.Web.Infrastructure;

/// <summary>At start-up: apply migrations (unless turned off), then seed the demo data into an empty database (when enabled) or disable leftover demo accounts.</summary>
public static class DatabaseInitializer
{
    /// <summary>How long the web server waits between attempts when the database was unreachable at start-up.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(10);

    /// <summary>
    /// For the web server: initializes the database, or, when it cannot be reached, logs it and keeps retrying in the
    /// background. The portal starts regardless: cached pages are served, the rest answers 503 until the database is
    /// back, and <c>/healthz</c> stays Unhealthy until initialization has succeeded.
    /// </summary>
    public static async Task StartDatabaseAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        if (await TryInitializeAsync(app, logger, firstAttempt: true))
        {
            return;
        }

        var stopping = app.Lifetime.ApplicationStopping;
        _ = Task.Run(
            async () =>
            {
                while (!stopping.IsCancellationRequested)
                {
                    try
                    {
                        await Task.Delay(RetryInterval, stopping);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }

                    if (await TryInitializeAsync(app, logger, firstAttempt: false))
                    {
                        logger.LogInformation("Database initialized after it became reachable");
                        return;
                    }
                }
            },
            stopping);
    }

    private static async Task<bool> TryInitializeAsync(WebApplication app, ILogger logger, bool firstAttempt)
    {
        try
        {
            await app.InitializeDatabaseAsync();
            return true;
        }
        catch (Exception ex) when (Outage.DatabaseOutage.IsOutage(ex))
        {
            if (firstAttempt)
            {
                logger.LogError(ex, "The database is unreachable at start-up; serving what can be served and retrying every {Interval}", RetryInterval);
            }
            else
            {
                logger.LogWarning("The database is still unreachable ({Error})", ex.GetBaseException().Message);
            }

            return false;
        }
    }

    /// <summary>Applies migrations and seeds; throws if the database cannot be reached (the command-line tools want that).</summary>
    public static Task InitializeDatabaseAsync(this WebApplication app) => InitializeDatabaseAsync(app.Services);

    /// <summary>The same on the services of a running app (the tests re-create their database with it).</summary>
    public static async Task InitializeDatabaseAsync(IServiceProvider appServices)
    {
        await using var scope = appServices.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<DisclosureDbContext>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;

        if (database.MigrateOnStartup)
        {
            var applied = await db.Database.MigrateIfPendingAsync();
            if (applied.Count > 0)
            {
                logger.LogInformation("Applied migrations {Migrations}", applied);
            }

            if (db.Database.ProviderName == DisclosureDbContext.SqliteProviderName)
            {
                // Readers never wait for a writer.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }

            logger.LogInformation("Database {Provider} is up to date", database.Provider);
        }

        // The shipped working calendar (2019–2026): each year the database lacks; a year already there is left as it is.
        var seededYears = await RegisterCalendar.SeedAsync(db, services.GetRequiredService<TimeProvider>().GetUtcNow());
        if (seededYears.Count > 0)
        {
            logger.LogInformation("Working calendar seeded for {Years}", seededYears);
        }

        // One query for the roles that exist; the role manager creates a missing one (a new database, a new role).
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        var existing = await db.Roles.AsNoTracking().Select(role => role.NormalizedName).ToListAsync();
        foreach (var role in PortalRoles.All.Where(role => !existing.Contains(roles.NormalizeKey(role))))
        {
            await roles.CreateAsync(new IdentityRole(role));
        }

        // Demo mode (Development only, DemoMode.EnsureAllowed): the sample reports and the demo accounts, only into an
        // empty database. Without it, any demo account left from an earlier demo start is disabled.
        if (services.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled)
        {
            if (await services.GetRequiredService<DemoDataSeeder>().SeedIfEmptyAsync())
            {
                await services.GetRequiredService<DemoAccounts>().CreateAsync();
            }
        }
        else
        {
            await services.GetRequiredService<DemoAccounts>().DisableAllAsync();
        }

        services.GetRequiredService<Outage.DatabaseState>().MarkReady();
    }
}
