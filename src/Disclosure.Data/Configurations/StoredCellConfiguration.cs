using Disclosure.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Data.Configurations;

internal sealed class StoredCellConfiguration : IEntityTypeConfiguration<StoredCell>
{
    public void Configure(EntityTypeBuilder<StoredCell> cell)
    {
        cell.ToTable("ReportCells");

        // A version's cells are read together; statistics group by (table, row, column).
        cell.HasKey(c => new { c.ReportVersionId, c.Table, c.Row, c.Column });
        cell.Property(c => c.Table).HasConversion<int>();
        cell.Property(c => c.Row).HasMaxLength(StoredCell.KeyMaxLength).IsUnicode(false);
        cell.Property(c => c.Column).HasMaxLength(StoredCell.KeyMaxLength).IsUnicode(false);
        cell.Property(c => c.Text).HasMaxLength(StoredCell.TextMaxLength);
        cell.Ignore(c => c.Value);
    }
}
