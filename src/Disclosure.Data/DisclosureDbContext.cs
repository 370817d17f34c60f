using Disclosure.Data.Configurations;
using Disclosure.Data.Documents;
using Disclosure.Data.Identity;
using Disclosure.Domain.Agencies;
using Disclosure.Domain.Audit;
using Disclosure.Domain.Reports;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Data;

public sealed class DisclosureDbContext(DbContextOptions<DisclosureDbContext> options) : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<Report> Reports => Set<Report>();

    public DbSet<ReportVersion> ReportVersions => Set<ReportVersion>();

    public DbSet<StoredCell> ReportCells => Set<StoredCell>();

    public DbSet<RenderedPdf> RenderedPdfs => Set<RenderedPdf>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<UserAgency> UserAgencies => Set<UserAgency>();

    /// <summary>The ASP.NET Core data-protection key ring (cookies, antiforgery), shared by every instance of the portal.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The provider name EF Core reports for SQLite.</summary>
    public const string SqliteProviderName = "Microsoft.EntityFrameworkCore.Sqlite";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset values stored as text: store them as sortable integers there.
        if (Database.ProviderName == SqliteProviderName)
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        var isSqlServer = Database.ProviderName != SqliteProviderName;
        builder.ApplyConfiguration(new AgencyConfiguration());
        builder.ApplyConfiguration(new ReportConfiguration());
        builder.ApplyConfiguration(new ReportVersionConfiguration(isSqlServer));
        builder.ApplyConfiguration(new StoredCellConfiguration());
        builder.ApplyConfiguration(new RenderedPdfConfiguration());
        builder.ApplyConfiguration(new PortalUserConfiguration());
        builder.ApplyConfiguration(new UserAgencyConfiguration());
        builder.ApplyConfiguration(new AuditEntryConfiguration());
    }
}
