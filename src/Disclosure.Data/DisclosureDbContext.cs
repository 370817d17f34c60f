using Disclosure.Data.Configurations;
using Disclosure.Data.Documents;
using Disclosure.Domain.Agencies;
using Disclosure.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Disclosure.Data;

public sealed class DisclosureDbContext(DbContextOptions<DisclosureDbContext> options) : DbContext(options)
{
    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<Report> Reports => Set<Report>();

    public DbSet<ReportVersion> ReportVersions => Set<ReportVersion>();

    public DbSet<StoredCell> ReportCells => Set<StoredCell>();

    public DbSet<RenderedPdf> RenderedPdfs => Set<RenderedPdf>();

    /// <summary>The provider name EF Core reports for SQLite.</summary>
    public const string SqliteProviderName = "Microsoft.EntityFrameworkCore.Sqlite";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset values stored as text: store them as sortable integers there.
        if (Database.ProviderName == SqliteProviderName)
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var isSqlServer = Database.ProviderName != SqliteProviderName;
        modelBuilder.ApplyConfiguration(new AgencyConfiguration());
        modelBuilder.ApplyConfiguration(new ReportConfiguration());
        modelBuilder.ApplyConfiguration(new ReportVersionConfiguration(isSqlServer));
        modelBuilder.ApplyConfiguration(new StoredCellConfiguration());
        modelBuilder.ApplyConfiguration(new RenderedPdfConfiguration());
    }
}
