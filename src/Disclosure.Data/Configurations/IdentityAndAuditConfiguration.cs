using Disclosure.Data.Identity;
using Disclosure.Domain.Agencies;
using Disclosure.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Data.Configurations;

internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(PortalUser.DisplayNameMaxLength);
        user.HasMany(u => u.Agencies).WithOne().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UserAgencyConfiguration : IEntityTypeConfiguration<UserAgency>
{
    public void Configure(EntityTypeBuilder<UserAgency> assignment)
    {
        assignment.ToTable("UserAgencies");
        assignment.HasKey(a => new { a.UserId, a.AgencyId });
        assignment.HasOne<Agency>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Cascade);
        assignment.HasIndex(a => a.AgencyId);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("AuditEntries");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Action).HasConversion<string>().HasMaxLength(32).IsUnicode(false);
        entry.Property(e => e.UserId).HasMaxLength(450);
        entry.Property(e => e.UserName).HasMaxLength(AuditEntry.UserMaxLength).IsRequired();
        entry.Property(e => e.Details).HasMaxLength(AuditEntry.DetailsMaxLength);
        entry.HasIndex(e => new { e.ReportId, e.At });
        entry.HasIndex(e => new { e.ReportVersionId, e.Revision });
        entry.HasIndex(e => e.At);
    }
}
