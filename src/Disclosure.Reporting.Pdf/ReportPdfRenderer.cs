using System.Globalization;
using Disclosure.Reporting.Pdf.Fonts;
using Disclosure.Reporting.Pdf.Layout;
using Disclosure.Reporting.Pdf.Layout.Tables;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace Disclosure.Reporting.Pdf;

/// <summary>
/// Typesets a <see cref="PdfReportDocument"/> as an official-format PDF (GB/T 9704 layout, shipped CJK fonts).
/// Stateless and thread-safe; the same document always renders to the same bytes.
/// </summary>
public sealed class ReportPdfRenderer
{
    private const double BodySize = 16;          // 三号
    private const double BodyLineHeight = 28.95; // 22 lines in the 225 mm type area
    private const double TitleSize = 22;         // 二号
    private const double NoteSize = 12;
    private const double SignatureHeight = 3 * BodyLineHeight; // a blank line, the agency, the date
    private readonly Action<string>? _onMissingCharacter;

    /// <summary>Creates a renderer.</summary>
    /// <param name="onMissingCharacter">Called once per render with each character (a string: one code point, maybe a surrogate pair)
    /// that no shipped font has; wire it to a logger. Such a character is printed as the placeholder 〓.
    /// Such characters are also listed in <see cref="PdfRenderResult.MissingCharacters"/>.</param>
    public ReportPdfRenderer(Action<string>? onMissingCharacter = null)
    {
        _onMissingCharacter = onMissingCharacter;
    }

    /// <summary>Renders the document.</summary>
    /// <param name="document">The document.</param>
    /// <returns>The PDF bytes, the page count and any characters that had no glyph.</returns>
    public PdfRenderResult Render(PdfReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        ReportFonts.EnsureInstalled();
        var fonts = ReportFonts.Instance;
        var missing = new MissingCharacters(_onMissingCharacter);
        var text = new TextLayout(fonts, missing);

        using var pdf = new PdfDocument();
        pdf.Options.CompressContentStreams = true;
        pdf.PageLayout = PdfPageLayout.SinglePage;
        pdf.PageMode = PdfPageMode.UseOutlines;
        pdf.ViewerPreferences.DisplayDocTitle = true; // PDF/UA: the window shows the title, not the file name

        // A tagged PDF (PDF/UA): the structure tree gives screen readers the headings, paragraphs and tables.
        var structure = UAManager.ForDocument(pdf).StructureBuilder;
        SetMetadata(pdf, document.Metadata);

        int pageCount;
        using (var writer = new PageWriter(pdf, document.IsDraft, structure))
        {
            writer.NewPage();
            var outline = new Bookmarks(pdf);
            var blocks = document.Blocks;
            PdfTableLayout? nextTable = null;
            for (var i = 0; i < blocks.Count; i++)
            {
                var next = i + 1 < blocks.Count ? blocks[i + 1] : null;
                var tableAfter = next is PdfTable following ? new PdfTableLayout(following, text) : null;
                switch (blocks[i])
                {
                    case PdfTitle title:
                        DrawTitle(writer, text, title);
                        break;
                    case PdfHeading heading:
                        DrawHeading(writer, text, heading, next, tableAfter, outline);
                        break;
                    case PdfParagraph paragraph:
                        // GB/T 9704: the signature never stands alone on a page; the paragraph's last lines go with it.
                        structure.BeginElement(PdfBlockLevelElementTag.Paragraph);
                        DrawParagraph(writer, text, paragraph, next is PdfSignature ? SignatureHeight : 0);
                        structure.End();
                        break;
                    case PdfTable table:
                        var layout = nextTable ?? new PdfTableLayout(table, text);
                        layout.Draw(writer, table.Bookmark is { } name ? top => outline.AddTable(name, writer.CurrentPage, top) : null);
                        writer.Y += BodyLineHeight / 2;
                        break;
                    case PdfNote note:
                        structure.BeginElement(PdfBlockLevelElementTag.Paragraph);
                        DrawNote(writer, text, note);
                        structure.End();
                        break;
                    case PdfSignature signature:
                        structure.BeginElement(PdfBlockLevelElementTag.Paragraph);
                        DrawSignature(writer, text, signature);
                        structure.End();
                        break;
                    case PdfPageBreak:
                        if (!writer.AtPageTop)
                        {
                            writer.NewPage();
                        }

                        break;
                    default:
                        throw new NotSupportedException($"Unknown block {blocks[i].GetType().Name}.");
                }

                nextTable = tableAfter;
            }

            pageCount = writer.PageCount;
        }

        using var stream = new MemoryStream();
        pdf.Save(stream, false);
        var withMetadata = XmpPacket.Replace(stream.ToArray(), XmpPacket.Build(document.Metadata, pdf.Info.Producer));
        var bytes = Determinism.Fix(withMetadata);
        return new PdfRenderResult(bytes, pageCount, missing.List.ToArray());
    }

    private static void SetMetadata(PdfDocument pdf, PdfMetadata metadata)
    {
        pdf.Info.Title = metadata.Title;
        pdf.Info.Author = metadata.Author;
        pdf.Info.Subject = metadata.Subject;
        pdf.Info.Creator = "Disclosure";
        pdf.Language = "zh-CN";

        // Dates come from the model (publication date, 00:00 China Standard Time), never from the clock.
        var date = string.Create(CultureInfo.InvariantCulture, $"D:{metadata.PublicationDate:yyyyMMdd}000000+08'00'");
        pdf.Info.Elements.SetString("/CreationDate", date);
        pdf.Info.Elements.SetString("/ModDate", date);

        // A placeholder: after saving, Determinism.Fix writes a hash of the file's content in its place.
        pdf.Internals.FirstDocumentID = Determinism.IdPlaceholder;
        pdf.Internals.SecondDocumentID = Determinism.IdPlaceholder;
    }

    private static void DrawTitle(PageWriter writer, TextLayout text, PdfTitle title)
    {
        const double LineHeight = TitleSize * 1.55;
        writer.Structure.BeginElement(PdfBlockLevelElementTag.Heading1);
        foreach (var titleLine in title.Lines)
        {
            var atoms = text.Shape(titleLine, new TextStyle(Face.Serif, TitleSize, Bold: true));
            foreach (var line in BalancedLines(text, atoms, Page.ContentWidth))
            {
                writer.EnsureSpace(LineHeight);
                writer.DrawLine(line, Page.Left + ((Page.ContentWidth - line.Width) / 2), PageWriter.Baseline(writer.Y, LineHeight, TitleSize));
                writer.Y += LineHeight;
            }
        }

        writer.Structure.End();
        if (title.Note is { Length: > 0 } note)
        {
            // e.g. 「（2024年3月5日更正）」: centred in Kai under the title.
            writer.Structure.BeginElement(PdfBlockLevelElementTag.Paragraph);
            foreach (var line in text.BreakLines(text.Shape(note, new TextStyle(Face.Kai, BodySize)), Page.ContentWidth, Page.ContentWidth))
            {
                writer.EnsureSpace(BodyLineHeight);
                writer.DrawLine(line, Page.Left + ((Page.ContentWidth - line.Width) / 2), PageWriter.Baseline(writer.Y, BodyLineHeight, BodySize));
                writer.Y += BodyLineHeight;
            }

            writer.Structure.End();
        }

        writer.Y += BodyLineHeight; // one empty body line under the title
    }

    /// <summary>
    /// A title line too long for the measure is broken into lines of about equal length (never a last line of one
    /// character): the narrowest measure that still gives the same number of lines.
    /// </summary>
    private static List<TextLine> BalancedLines(TextLayout text, List<Atom> atoms, double width)
    {
        var lines = text.BreakLines(atoms, width, width);
        if (lines.Count < 2)
        {
            return lines;
        }

        var narrow = lines.Sum(l => l.Width) / lines.Count;
        for (var w = narrow; w < width; w += TitleSize / 2)
        {
            var balanced = text.BreakLines(atoms, w, w);
            if (balanced.Count == lines.Count)
            {
                return balanced;
            }
        }

        return lines;
    }

    private static void DrawHeading(PageWriter writer, TextLayout text, PdfHeading heading, PdfBlock? next, PdfTableLayout? tableAfter, Bookmarks outline)
    {
        var face = heading.Level <= 1 ? Face.Hei : Face.Kai;
        var atoms = text.Shape(heading.Text, new TextStyle(face, BodySize));
        var indent = 2 * BodySize;
        var lines = text.BreakLines(atoms, Page.ContentWidth - indent, Page.ContentWidth);

        // Keep the heading with the start of what follows it (a table kept together: all of it), so that no page ends with a heading.
        var following = next switch
        {
            PdfParagraph or PdfNote or PdfSignature => 2 * BodyLineHeight,
            PdfHeading => 3 * BodyLineHeight, // the next heading and the first two lines under it
            PdfTable when tableAfter is not null => tableAfter.KeepHeight,
            _ => 0,
        };
        writer.EnsureSpace((lines.Count * BodyLineHeight) + following);
        if (heading.Bookmark ?? heading.Level <= 1)
        {
            outline.AddHeading(heading.Level, heading.Text, writer.CurrentPage, writer.Y);
        }

        writer.Structure.BeginElement(heading.Level <= 1 ? PdfBlockLevelElementTag.Heading2 : PdfBlockLevelElementTag.Heading3);
        for (var i = 0; i < lines.Count; i++)
        {
            writer.EnsureSpace(BodyLineHeight);
            writer.DrawLine(lines[i], Page.Left + (i == 0 ? indent : 0), PageWriter.Baseline(writer.Y, BodyLineHeight, BodySize), Page.ContentWidth - (i == 0 ? indent : 0));
            writer.Y += BodyLineHeight;
        }

        writer.Structure.End();
    }

    private static void DrawParagraph(PageWriter writer, TextLayout text, PdfParagraph paragraph, double keepWithFollowing)
    {
        var atoms = new List<Atom>();
        foreach (var run in paragraph.Runs)
        {
            text.Shape(run.Text, new TextStyle(Face.Serif, BodySize, run.Bold), atoms);
        }

        DrawFlow(writer, text, atoms, paragraph.IndentFirstLine ? 2 * BodySize : 0, BodySize, BodyLineHeight, keepWithFollowing);
    }

    private static void DrawNote(PageWriter writer, TextLayout text, PdfNote note)
    {
        var atoms = text.Shape(note.Text, new TextStyle(Face.Serif, NoteSize));
        DrawFlow(writer, text, atoms, 0, NoteSize, NoteSize * 1.5);
    }

    private static void DrawFlow(PageWriter writer, TextLayout text, List<Atom> atoms, double indent, double size, double lineHeight, double keepWithFollowing = 0)
    {
        var lines = text.BreakLines(atoms, Page.ContentWidth - indent, Page.ContentWidth);
        var first = true;
        var keepFrom = Math.Max(0, lines.Count - 2);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (keepWithFollowing > 0 && i == keepFrom)
            {
                // The last (up to) two lines and what must follow them go to the next page together.
                writer.EnsureSpace(((lines.Count - i) * lineHeight) + keepWithFollowing);
            }

            writer.EnsureSpace(lineHeight);
            var x = Page.Left + (first ? indent : 0);
            writer.DrawLine(line, x, PageWriter.Baseline(writer.Y, lineHeight, size), Page.Right - x);
            writer.Y += lineHeight;
            first = line.EndsParagraph && indent > 0;
        }
    }

    private static void DrawSignature(PageWriter writer, TextLayout text, PdfSignature signature)
    {
        var date = string.Create(CultureInfo.InvariantCulture, $"{signature.Date.Year}年{signature.Date.Month}月{signature.Date.Day}日");
        var agency = text.BreakLines(text.Shape(signature.Agency, new TextStyle(Face.Serif, BodySize)), Page.ContentWidth, Page.ContentWidth);
        var dateLine = text.BreakLines(text.Shape(date, new TextStyle(Face.Serif, BodySize)), Page.ContentWidth, Page.ContentWidth);
        var lines = agency.Concat(dateLine).ToList();
        writer.Y += BodyLineHeight;
        writer.EnsureSpace(lines.Count * BodyLineHeight);

        // The date sits four characters in from the right edge; the agency is centred over it.
        var dateRight = Page.Right - (4 * BodySize);
        var dateWidth = dateLine.Count > 0 ? dateLine[0].Width : 0;
        var centre = dateRight - (dateWidth / 2);
        foreach (var line in lines)
        {
            var x = Math.Min(Page.Right - line.Width, centre - (line.Width / 2));
            writer.DrawLine(line, Math.Max(Page.Left, x), PageWriter.Baseline(writer.Y, BodyLineHeight, BodySize));
            writer.Y += BodyLineHeight;
        }
    }
}
