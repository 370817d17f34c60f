using Disclosure.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Data.Configurations;

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> report)
    {
        report.ToTable("Reports");
        report.HasKey(r => r.Id);
        report.HasOne(r => r.Agency).WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);

        // One report per agency and year; the agency page lists its years from this index.
        report.HasIndex(r => new { r.AgencyId, r.Year }).IsUnique();

        // Browse by year.
        report.HasIndex(r => r.Year);

        report.HasMany(r => r.Versions).WithOne(v => v.Report).HasForeignKey(v => v.ReportId).OnDelete(DeleteBehavior.Cascade);
        report.Navigation(r => r.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
        report.Ignore(r => r.CurrentVersion);
        report.Ignore(r => r.PublicationEvents);
    }
}
