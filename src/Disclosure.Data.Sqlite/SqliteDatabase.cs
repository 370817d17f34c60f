using Disclosure.Data.Sqlite.CompiledModel;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Data.Sqlite;

/// <summary>Configures the SQLite provider with this assembly's migrations and compiled model.</summary>
public static class SqliteDatabase
{
    /// <param name="options">The options being built.</param>
    /// <param name="connectionString">The SQLite connection string.</param>
    /// <param name="useCompiledModel">
    /// Use the model generated in <c>CompiledModel/</c> (fast start-up). <c>false</c> builds it from
    /// <c>OnModelCreating</c>: what <c>dotnet ef</c> must see, and what the tests compare the compiled model with.
    /// </param>
    public static DbContextOptionsBuilder UseDisclosureSqlite(this DbContextOptionsBuilder options, string connectionString, bool useCompiledModel = true)
    {
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteDatabase).Assembly.GetName().Name));
        return useCompiledModel ? options.UseModel(DisclosureDbContextModel.Instance) : options;
    }
}
