using Disclosure.Data.Publication;
using Disclosure.Data.Summaries;
using Disclosure.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Data.Configurations;

internal sealed class ReportSummaryConfiguration : IEntityTypeConfiguration<ReportSummary>
{
    public void Configure(EntityTypeBuilder<ReportSummary> summary)
    {
        summary.ToTable("ReportSummaries");
        summary.HasKey(s => s.ReportVersionId);
        summary.Property(s => s.ReportVersionId).ValueGeneratedNever();
        summary.HasOne(s => s.Version).WithOne().HasForeignKey<ReportSummary>(s => s.ReportVersionId).OnDelete(DeleteBehavior.Cascade);
        summary.Property(s => s.Rules).HasMaxLength(100).IsUnicode(false).IsRequired();
        summary.Property(s => s.Findings).IsRequired();
        summary.Property(s => s.Derived).IsUnicode(false).IsRequired();
    }
}

internal sealed class YearCellTotalConfiguration : IEntityTypeConfiguration<YearCellTotal>
{
    public void Configure(EntityTypeBuilder<YearCellTotal> total)
    {
        total.ToTable("YearCellTotals");
        total.HasKey(t => new { t.Year, t.Format, t.Table, t.Row, t.Column });
        total.Property(t => t.Format).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        total.Property(t => t.Table).HasConversion<int>();
        total.Property(t => t.Row).HasMaxLength(StoredCell.KeyMaxLength).IsUnicode(false);
        total.Property(t => t.Column).HasMaxLength(StoredCell.KeyMaxLength).IsUnicode(false);
    }
}

internal sealed class YearSummaryConfiguration : IEntityTypeConfiguration<YearSummary>
{
    public void Configure(EntityTypeBuilder<YearSummary> year)
    {
        year.ToTable("YearSummaries");
        year.HasKey(y => y.Year);
        year.Property(y => y.Year).ValueGeneratedNever();

        // Every change to a year's totals raises it, so two concurrent publications of one year cannot both win.
        year.Property(y => y.Revision).IsConcurrencyToken();
    }
}

internal sealed class PublicationLogConfiguration : IEntityTypeConfiguration<PublicationLogEntry>
{
    public void Configure(EntityTypeBuilder<PublicationLogEntry> entry)
    {
        entry.ToTable("PublicationLog");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Kind).HasConversion<int>();

        // A log: what it names is never deleted through it, and deleting an agency or a version is not something the
        // portal does; the references keep the log's rows tied to what they record.
        entry.HasOne(e => e.Agency).WithMany().HasForeignKey(e => e.AgencyId).OnDelete(DeleteBehavior.NoAction);
        entry.HasOne(e => e.Version).WithMany().HasForeignKey(e => e.ReportVersionId).OnDelete(DeleteBehavior.NoAction);

        // A year's count of version events (what its summaries account for).
        entry.HasIndex(e => new { e.Year, e.Kind });
    }
}
