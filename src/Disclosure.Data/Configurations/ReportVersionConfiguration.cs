using Disclosure.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Data.Configurations;

internal sealed class ReportVersionConfiguration(bool isSqlServer) : IEntityTypeConfiguration<ReportVersion>
{
    public void Configure(EntityTypeBuilder<ReportVersion> version)
    {
        version.ToTable("ReportVersions");
        version.HasKey(v => v.Id);
        version.HasIndex(v => new { v.ReportId, v.Number }).IsUnique();

        // At most one current version per report; the public pages read only current versions.
        version.HasIndex(v => v.ReportId).IsUnique().HasFilter(SqlFilter.IsTrue(isSqlServer, nameof(ReportVersion.IsCurrent)))
            .HasDatabaseName("IX_ReportVersions_Current");

        // The home page lists the latest published versions.
        version.HasIndex(v => new { v.IsCurrent, v.PublishedAt });

        version.Property(v => v.Status).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        version.Property(v => v.Origin).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        version.Property(v => v.Format).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        version.Property(v => v.Scope).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        version.Property(v => v.Source).HasMaxLength(ReportVersion.SourceMaxLength);
        version.Property(v => v.CorrectionNote).HasMaxLength(ReportVersion.NoteMaxLength);
        version.Property(v => v.CarryOverOverride).HasMaxLength(ReportVersion.CommentMaxLength);
        version.Property(v => v.ReturnComment).HasMaxLength(ReportVersion.CommentMaxLength);

        // The app-managed concurrency token: a save carries the revision it was read at.
        version.Property(v => v.Revision).IsConcurrencyToken();
        version.Ignore(v => v.IsOpen);
        version.Ignore(v => v.IsEditable);
        version.Property(v => v.AgencyName).HasMaxLength(ReportVersion.AgencyNameMaxLength).IsRequired();
        version.Property(v => v.Title).HasMaxLength(AnnualReport.TitleMaxLength).IsRequired();
        version.Property(v => v.OriginalUrl).HasMaxLength(OriginalLink.MaxLength);
        version.Property(v => v.Preamble).HasMaxLength(ReportSections.SectionMaxLength).IsRequired();
        version.Property(v => v.Problems).HasMaxLength(ReportSections.SectionMaxLength).IsRequired();
        version.Property(v => v.Other).HasMaxLength(ReportSections.SectionMaxLength).IsRequired();
        version.HasOne<ReportVersion>().WithMany().HasForeignKey(v => v.ReplacesVersionId).OnDelete(DeleteBehavior.NoAction);

        // 一、总体情况's parts are always read whole and never queried: one text column of JSON keeps their order.
        version.Property(v => v.Overview)
            .HasField("_overview")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(OverviewConverter.Instance, OverviewConverter.Comparer)
            .HasColumnName("OverviewJson")
            .IsRequired();

        version.HasMany(v => v.Cells).WithOne().HasForeignKey(c => c.ReportVersionId).OnDelete(DeleteBehavior.Cascade);
        version.Navigation(v => v.Cells).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
