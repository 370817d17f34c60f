using Disclosure.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Data.Configurations;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> agency)
    {
        agency.ToTable("Agencies");
        agency.HasKey(a => a.Id);
        agency.Property(a => a.Slug).HasMaxLength(Agency.SlugMaxLength).IsUnicode(false).IsRequired();
        agency.HasIndex(a => a.Slug).IsUnique();
        agency.Property(a => a.Name).HasMaxLength(Agency.NameMaxLength).IsRequired();
        agency.HasIndex(a => a.Name);
        agency.Property(a => a.Level).HasConversion<string>().HasMaxLength(32).IsUnicode(false);
        agency.HasIndex(a => new { a.Level, a.Name });
        agency.Property(a => a.Address).HasMaxLength(Agency.AddressMaxLength);
        agency.Property(a => a.Phone).HasMaxLength(Agency.PhoneMaxLength);
        agency.HasOne(a => a.Parent).WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
        agency.Ignore(a => a.PublicationEvents);
    }
}

internal sealed class FormerSlugConfiguration : IEntityTypeConfiguration<FormerSlug>
{
    public void Configure(EntityTypeBuilder<FormerSlug> former)
    {
        former.ToTable("FormerSlugs");
        former.HasKey(f => f.Id);
        former.Property(f => f.Slug).HasMaxLength(Agency.SlugMaxLength).IsUnicode(false).IsRequired();
        former.HasIndex(f => f.Slug).IsUnique();
        former.HasOne<Agency>().WithMany(a => a.FormerSlugs).HasForeignKey(f => f.AgencyId).OnDelete(DeleteBehavior.Cascade);
    }
}
