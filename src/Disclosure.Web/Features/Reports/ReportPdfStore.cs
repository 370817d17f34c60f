using System.Security.Cryptography;
using Disclosure.Data;
using Disclosure.Data.Documents;
using Disclosure.Domain;
using Disclosure.Domain.Reports;
using Disclosure.Reporting.Pdf;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Features.Reports;

/// <summary>A stored PDF's identity: what a conditional request needs, without the bytes.</summary>
public sealed record PdfEntry(int VersionId, string ETag, string FileName);

/// <summary>
/// The official-format PDF of each published version, rendered on first request and then kept in the database:
/// a published version never changes, so it is never rendered twice (unless the renderer itself changed).
/// </summary>
public sealed class ReportPdfStore(DisclosureDbContext db, ReportPdfRenderer renderer, TimeProvider clock, ILogger<ReportPdfStore> logger)
{
    /// <summary>Changes whenever the PDF library's code changes (deterministic builds), so stored PDFs are re-rendered after an upgrade.</summary>
    public static readonly string RendererVersion = typeof(ReportPdfRenderer).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>Finds the current published version's PDF, rendering and storing it first if needed.</summary>
    public async Task<PdfEntry?> FindPublishedAsync(string slug, int year, CancellationToken cancellationToken)
    {
        var version = await db.ReportVersions.AsNoTracking()
            .Of(slug, year).Current()
            .Select(v => new { v.Id, v.Report.Agency.Name })
            .FirstOrDefaultAsync(cancellationToken);
        if (version is null)
        {
            return null;
        }

        var fileName = AnnualReportPdf.FileName(version.Name, year);
        var etag = await StoredETag(version.Id, cancellationToken) ?? await RenderAndStoreAsync(version.Id, cancellationToken);
        return new PdfEntry(version.Id, etag, fileName);
    }

    public Task<byte[]> ContentAsync(PdfEntry entry, CancellationToken cancellationToken) =>
        db.RenderedPdfs.AsNoTracking()
            .Where(p => p.ReportVersionId == entry.VersionId)
            .Select(p => p.Content)
            .SingleAsync(cancellationToken);

    private Task<string?> StoredETag(int versionId, CancellationToken cancellationToken) =>
        db.RenderedPdfs.AsNoTracking()
            .Where(p => p.ReportVersionId == versionId && p.RendererVersion == RendererVersion)
            .Select(p => p.ETag)
            .FirstOrDefaultAsync(cancellationToken);

    private async Task<string> RenderAndStoreAsync(int versionId, CancellationToken cancellationToken)
    {
        var version = await db.ReportVersions.AsNoTracking()
            .Include(v => v.Cells)
            .Include(v => v.Report).ThenInclude(r => r.Agency)
            .SingleAsync(v => v.Id == versionId, cancellationToken);
        var document = version.ToDocument(version.Report.Agency.Slug);
        var date = BeijingTime.DateOf(version.PublishedAt ?? version.CreatedAt);

        // A corrected version says so under its title and lists every 更正说明 up to it at the end.
        var corrections = (await db.ReportVersions.AsNoTracking()
                .Where(v => v.ReportId == version.ReportId && v.Number <= version.Number && v.CorrectionNote != null && v.PublishedAt != null)
                .OrderBy(v => v.Number)
                .Select(v => new { v.PublishedAt, v.CorrectionNote })
                .ToListAsync(cancellationToken))
            .Select(v => new ReportCorrection(BeijingTime.DateOf(v.PublishedAt!.Value), v.CorrectionNote!))
            .ToList();
        var result = renderer.Render(AnnualReportPdf.Build(document, date, corrections: corrections));
        var etag = $"\"{Convert.ToBase64String(SHA256.HashData(result.Bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}\"";
        logger.LogInformation("Rendered the PDF of report version {VersionId}: {Pages} pages, {Bytes} bytes", versionId, result.PageCount, result.Bytes.Length);

        var stale = await db.RenderedPdfs.Where(p => p.ReportVersionId == versionId).ToListAsync(cancellationToken);
        db.RenderedPdfs.RemoveRange(stale);
        db.RenderedPdfs.Add(new RenderedPdf(versionId, RendererVersion, result.Bytes, etag, result.PageCount, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request rendered the same version at the same moment; the bytes are the same (rendering is deterministic).
            db.ChangeTracker.Clear();
            return await StoredETag(versionId, cancellationToken) ?? throw new InvalidOperationException($"The PDF of version {versionId} could not be stored.");
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        return etag;
    }
}
