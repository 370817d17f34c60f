using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Disclosure.Data.SqlServer;

/// <summary>Used by <c>dotnet ef</c> only; no connection is opened to add migrations or script them.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<DisclosureDbContext>
{
    public DisclosureDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<DisclosureDbContext>();
        // The model from OnModelCreating, never the compiled one: migrations and `dbcontext optimize` are made from it.
        options.UseDisclosureSqlServer("Server=localhost;Database=Disclosure;Trusted_Connection=True;TrustServerCertificate=True", useCompiledModel: false);
        return new DisclosureDbContext(options.Options);
    }
}
