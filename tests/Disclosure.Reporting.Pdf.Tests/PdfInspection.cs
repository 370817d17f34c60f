using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace Disclosure.Reporting.Pdf.Tests;

/// <summary>Reads a rendered PDF back with PdfPig, the way a person's copy-and-paste or a screen reader would.</summary>
internal static class PdfInspection
{
    public const double MmToPt = 72 / 25.4;
    public static readonly double PageWidth = 210 * MmToPt;
    public static readonly double PageHeight = 297 * MmToPt;

    /// <summary>The type area in PDF coordinates (origin bottom left).</summary>
    public static readonly PdfRectangle TypeArea = new(28 * MmToPt, 35 * MmToPt, (210 - 26) * MmToPt, (297 - 37) * MmToPt);

    public static PdfDocument Open(byte[] pdf) => PdfDocument.Open(pdf);

    /// <summary>Letters of the page body (not the watermark, not the footer), in content order.</summary>
    public static List<Letter> BodyLetters(Page page) =>
        page.Letters.Where(l => l.TextOrientation == TextOrientation.Horizontal && l.StartBaseLine.Y > TypeArea.Bottom - 1).ToList();

    public static List<Letter> FooterLetters(Page page) =>
        page.Letters.Where(l => l.TextOrientation == TextOrientation.Horizontal && l.StartBaseLine.Y < TypeArea.Bottom - 1).ToList();

    /// <summary>All body text of the document, whitespace removed, in content (reading) order.</summary>
    public static string BodyText(PdfDocument document) =>
        string.Concat(document.GetPages().SelectMany(BodyLetters).Select(l => l.Value)).Replace(" ", "", StringComparison.Ordinal);

    /// <summary>Lines of a page: letters grouped by baseline, top to bottom, each left to right.</summary>
    public static List<string> Lines(Page page) =>
        BodyLetters(page)
            .GroupBy(l => Math.Round(l.StartBaseLine.Y, 0))
            .OrderByDescending(g => g.Key)
            .Select(g => string.Concat(g.OrderBy(l => l.StartBaseLine.X).Select(l => l.Value)))
            .ToList();

    /// <summary>Stroked rectangles (table cell borders) of a page.</summary>
    public static List<PdfRectangle> CellRectangles(Page page) =>
        page.Paths.Where(p => p.IsStroked)
            .Select(p => p.GetBoundingRectangle())
            .Where(r => r.HasValue && r.Value.Width > 1 && r.Value.Height > 1)
            .Select(r => r!.Value)
            .ToList();

    public static bool Inside(PdfRectangle inner, PdfRectangle outer, double tolerance = 0.01) =>
        inner.Left >= outer.Left - tolerance && inner.Right <= outer.Right + tolerance &&
        inner.Bottom >= outer.Bottom - tolerance && inner.Top <= outer.Top + tolerance;

    /// <summary>The smallest cell whose rectangle contains the centre of <paramref name="box"/>.</summary>
    public static PdfRectangle? CellAt(List<PdfRectangle> cells, PdfRectangle box)
    {
        var cx = (box.Left + box.Right) / 2;
        var cy = (box.Bottom + box.Top) / 2;
        return cells.Where(c => c.Left <= cx && cx <= c.Right && c.Bottom <= cy && cy <= c.Top)
            .OrderBy(c => c.Width * c.Height)
            .Select(c => (PdfRectangle?)c)
            .FirstOrDefault();
    }

    public static PdfRectangle Union(IEnumerable<Letter> letters)
    {
        var list = letters.Select(l => l.BoundingBox).ToList();
        return new PdfRectangle(list.Min(r => r.Left), list.Min(r => r.Bottom), list.Max(r => r.Right), list.Max(r => r.Top));
    }
}
