using Microsoft.EntityFrameworkCore;

namespace Disclosure.Data.SqlServer;

/// <summary>Configures the SQL Server provider with this assembly's migrations and transient-fault retries.</summary>
public static class SqlServerDatabase
{
    public static DbContextOptionsBuilder UseDisclosureSqlServer(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlServer(connectionString, sql =>
        {
            sql.MigrationsAssembly(typeof(SqlServerDatabase).Assembly.GetName().Name);
            sql.EnableRetryOnFailure(maxRetryCount: 3);
        });
}
