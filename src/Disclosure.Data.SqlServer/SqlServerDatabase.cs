using Disclosure.Data.SqlServer.CompiledModel;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Data.SqlServer;

/// <summary>Configures the SQL Server provider with this assembly's migrations and compiled model, and transient-fault retries.</summary>
public static class SqlServerDatabase
{
    /// <param name="options">The options being built.</param>
    /// <param name="connectionString">The SQL Server connection string.</param>
    /// <param name="useCompiledModel">
    /// Use the model generated in <c>CompiledModel/</c> (fast start-up). <c>false</c> builds it from
    /// <c>OnModelCreating</c>: what <c>dotnet ef</c> must see, and what the tests compare the compiled model with.
    /// </param>
    public static DbContextOptionsBuilder UseDisclosureSqlServer(this DbContextOptionsBuilder options, string connectionString, bool useCompiledModel = true)
    {
        options.UseSqlServer(connectionString, sql =>
        {
            sql.MigrationsAssembly(typeof(SqlServerDatabase).Assembly.GetName().Name);
            sql.EnableRetryOnFailure(maxRetryCount: 3);
        });
        return useCompiledModel ? options.UseModel(DisclosureDbContextModel.Instance) : options;
    }
}
