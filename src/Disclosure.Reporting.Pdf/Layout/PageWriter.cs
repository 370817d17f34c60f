using System.Globalization;
using Disclosure.Reporting.Pdf.Fonts;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace Disclosure.Reporting.Pdf.Layout;

/// <summary>Page geometry after GB/T 9704-2012: A4 portrait, 版心 156 × 225 mm.</summary>
internal static class Page
{
    public const double MmToPt = 72.0 / 25.4;
    public static readonly double Width = 210 * MmToPt;
    public static readonly double Height = 297 * MmToPt;
    public static readonly double Top = 37 * MmToPt;
    public static readonly double Bottom = Height - (35 * MmToPt);
    public static readonly double Left = 28 * MmToPt;
    public static readonly double Right = Width - (26 * MmToPt);
    public static readonly double ContentWidth = Right - Left;
    public static readonly double ContentHeight = Bottom - Top;
}

/// <summary>
/// Owns the PDF pages: creates them with their furniture (footer page number, draft watermark), keeps the cursor, draws
/// text. Page furniture and rules are marked as artifacts in the structure tree, so screen readers skip them.
/// </summary>
internal sealed class PageWriter : IDisposable
{
    /// <summary>The most space justification adds between two characters, in ems.</summary>
    public const double MaxJustifyEm = 0.2;

    private const double FooterSize = 14; // 四号
    private readonly PdfDocument _document;
    private readonly bool _isDraft;
    private readonly Dictionary<(Face, bool, double), XFont> _fontCache = [];
    private readonly XPdfFontOptions _fontOptions = new(PdfFontEncoding.Unicode);
    private XGraphics? _graphics;
    private PdfPage? _page;

    public PageWriter(PdfDocument document, bool isDraft, StructureBuilder structure)
    {
        _document = document;
        _isDraft = isDraft;
        Structure = structure;
    }

    public int PageCount { get; private set; }

    /// <summary>Builds the structure tree (tagged PDF): headings, paragraphs, tables.</summary>
    public StructureBuilder Structure { get; }

    public PdfPage CurrentPage => _page ?? throw new InvalidOperationException("No page yet.");

    /// <summary>Top of the free space on the current page.</summary>
    public double Y { get; set; }

    public XGraphics Graphics => _graphics ?? throw new InvalidOperationException("No page yet.");

    public double Remaining => Page.Bottom - Y;

    /// <summary>Whether nothing has been placed on the current page yet.</summary>
    public bool AtPageTop => _graphics is not null && Y <= Page.Top + 0.01;

    public void NewPage()
    {
        // Add the page before releasing the previous page's graphics: the structure builder closes the marked content
        // of an element that continues onto the new page on the previous page's graphics.
        var page = _document.AddPage();
        _graphics?.Dispose();
        page.Size = PageSize.A4;
        page.Orientation = PageOrientation.Portrait;
        _page = page;
        _graphics = XGraphics.FromPdfPage(page);
        PageCount++;
        Structure.BeginArtifact();
        if (_isDraft)
        {
            DrawWatermark();
        }

        DrawFooter();
        Structure.End();
        Y = Page.Top;
    }

    /// <summary>Draws rules and shading (no content of their own) as an artifact.</summary>
    public void DrawArtifact(Action<XGraphics> draw)
    {
        Structure.BeginArtifact();
        draw(Graphics);
        Structure.End();
    }

    /// <summary>Starts a new page unless <paramref name="height"/> still fits on this one.</summary>
    public void EnsureSpace(double height)
    {
        if (_graphics is null || (Y + height > Page.Bottom + 0.01 && !AtPageTop))
        {
            NewPage();
        }
    }

    public XFont Font(Face face, bool bold, double size)
    {
        if (!_fontCache.TryGetValue((face, bold, size), out var font))
        {
            font = new XFont(ReportFonts.FamilyName(face), size, bold || face == Face.SerifBold ? XFontStyleEx.Bold : XFontStyleEx.Regular, _fontOptions);
            _fontCache[(face, bold, size)] = font;
        }

        return font;
    }

    /// <summary>
    /// Draws one line with its left edge at <paramref name="x"/> and its baseline at <paramref name="baseline"/>.
    /// When <paramref name="justifyTo"/> is set, the space left over is shared between the breakable gaps.
    /// </summary>
    public void DrawLine(TextLine line, double x, double baseline, double? justifyTo = null)
    {
        var atoms = line.Atoms;
        if (atoms.Count == 0)
        {
            return;
        }

        var extra = 0.0;
        if (justifyTo is { } target && !line.EndsParagraph)
        {
            var gaps = 0;
            for (var i = 1; i < atoms.Count; i++)
            {
                if (!atoms[i].GlueBefore)
                {
                    gaps++;
                }
            }

            // Never letter-space a line apart: beyond a fifth of an em a gap, the line is left ragged instead.
            var spare = target - line.Width;
            if (gaps > 0 && spare > 0 && spare / gaps <= atoms[0].Size * MaxJustifyEm)
            {
                extra = spare / gaps;
            }
        }

        var g = Graphics;
        var start = 0;
        var cursor = x;
        while (start < atoms.Count)
        {
            // Draw as one string every stretch of atoms that shares a font and gets no extra space.
            var first = atoms[start];
            var end = start + 1;
            var width = first.Width;
            while (end < atoms.Count && atoms[end].Face == first.Face && atoms[end].Bold == first.Bold &&
                   atoms[end].Size == first.Size && (extra == 0 || atoms[end].GlueBefore))
            {
                width += atoms[end].Width;
                end++;
            }

            string text;
            if (end - start == 1)
            {
                text = first.Text;
            }
            else
            {
                var sb = new System.Text.StringBuilder();
                for (var k = start; k < end; k++)
                {
                    sb.Append(atoms[k].Text);
                }

                text = sb.ToString();
            }

            if (!(end - start == 1 && first.IsSpace))
            {
                g.DrawString(text, Font(first.Face, first.Bold, first.Size), XBrushes.Black, cursor, baseline, XStringFormats.BaseLineLeft);
            }

            cursor += width;
            if (end < atoms.Count && !atoms[end].GlueBefore)
            {
                cursor += extra;
            }

            start = end;
        }
    }

    /// <summary>Baseline of text of size <paramref name="size"/> centred in a line box starting at <paramref name="top"/>.</summary>
    public static double Baseline(double top, double lineHeight, double size) => top + ((lineHeight - size) / 2) + (0.88 * size);

    public void Dispose() => _graphics?.Dispose();

    private void DrawFooter()
    {
        // GB/T 9704: 4号 Song, 「- n -」 7 mm below the type area, odd pages right, even pages left, one character in.
        var text = string.Create(CultureInfo.InvariantCulture, $"- {PageCount} -");
        var font = Font(Face.Serif, false, FooterSize);
        var metrics = ReportFonts.Instance.Metrics(Face.Serif);
        var width = 0.0;
        foreach (var ch in text)
        {
            width += metrics.Advance(ch) * FooterSize;
        }

        var baseline = Page.Bottom + (7 * Page.MmToPt) + (0.88 * FooterSize);
        var x = PageCount % 2 == 1 ? Page.Right - FooterSize - width : Page.Left + FooterSize;
        Graphics.DrawString(text, font, XBrushes.Black, x, baseline, XStringFormats.BaseLineLeft);
    }

    private void DrawWatermark()
    {
        const double Size = 170;
        var g = Graphics;
        var state = g.Save();
        g.RotateAtTransform(45, new XPoint(Page.Width / 2, Page.Height / 2));
        var brush = new XSolidBrush(XColor.FromArgb(56, 200, 30, 30));
        var metrics = ReportFonts.Instance.Metrics(Face.Hei);
        const string Text = "草稿";
        var width = (metrics.Advance('草') + metrics.Advance('稿')) * Size;
        g.DrawString(Text, Font(Face.Hei, false, Size), brush, (Page.Width - width) / 2, (Page.Height / 2) + (0.38 * Size), XStringFormats.BaseLineLeft);
        g.Restore(state);
    }
}
