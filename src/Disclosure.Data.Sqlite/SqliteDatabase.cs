using Microsoft.EntityFrameworkCore;

namespace Disclosure.Data.Sqlite;

/// <summary>Configures the SQLite provider with this assembly's migrations.</summary>
public static class SqliteDatabase
{
    public static DbContextOptionsBuilder UseDisclosureSqlite(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteDatabase).Assembly.GetName().Name));
}
