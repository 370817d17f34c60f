using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Disclosure.Data.Sqlite;

/// <summary>Used by <c>dotnet ef</c> only.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<DisclosureDbContext>
{
    public DisclosureDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<DisclosureDbContext>();
        options.UseDisclosureSqlite("Data Source=design-time.db");
        return new DisclosureDbContext(options.Options);
    }
}
