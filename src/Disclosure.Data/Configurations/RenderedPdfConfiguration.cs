using Disclosure.Data.Documents;
using Disclosure.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Data.Configurations;

internal sealed class RenderedPdfConfiguration : IEntityTypeConfiguration<RenderedPdf>
{
    public void Configure(EntityTypeBuilder<RenderedPdf> pdf)
    {
        pdf.ToTable("RenderedPdfs");
        pdf.HasKey(p => p.ReportVersionId);
        pdf.HasOne<ReportVersion>().WithOne().HasForeignKey<RenderedPdf>(p => p.ReportVersionId).OnDelete(DeleteBehavior.Cascade);
        pdf.Property(p => p.RendererVersion).HasMaxLength(RenderedPdf.RendererVersionMaxLength).IsUnicode(false);
        pdf.Property(p => p.ETag).HasMaxLength(RenderedPdf.ETagMaxLength).IsUnicode(false);
        pdf.Property(p => p.Content).IsRequired();
    }
}
