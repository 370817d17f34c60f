using Disclosure.Data;
using Disclosure.Data.Identity;
using Disclosure.Web.DemoData;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Disclosure.Web.Infrastructure;

/// <summary>At start-up: apply migrations (unless turned off), then seed the demo data into an empty database (when enabled).</summary>
public static class DatabaseInitializer
{
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<DisclosureDbContext>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;

        if (database.MigrateOnStartup)
        {
            await db.Database.MigrateAsync();
            if (db.Database.ProviderName == DisclosureDbContext.SqliteProviderName)
            {
                // Readers never wait for a writer.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }

            logger.LogInformation("Database {Provider} is up to date", database.Provider);
        }

        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in PortalRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        if (services.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled)
        {
            await services.GetRequiredService<DemoDataSeeder>().SeedIfEmptyAsync();
            await services.GetRequiredService<DemoAccounts>().EnsureAsync();
        }
    }
}
