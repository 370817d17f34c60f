using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Disclosure.Data.Sqlite;

/// <summary>Used by <c>dotnet ef</c> only.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<DisclosureDbContext>
{
    public DisclosureDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<DisclosureDbContext>();
        // The model from OnModelCreating, never the compiled one: migrations and `dbcontext optimize` are made from it.
        options.UseDisclosureSqlite("Data Source=design-time.db", useCompiledModel: false);
        return new DisclosureDbContext(options.Options);
    }
}
