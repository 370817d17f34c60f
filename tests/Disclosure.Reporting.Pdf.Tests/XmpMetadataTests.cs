using System.Text;
using System.Xml.Linq;

namespace Disclosure.Reporting.Pdf.Tests;

/// <summary>
/// The PDF's XMP metadata (the XML packet viewers and archives read) is built with an XML writer: a title or agency
/// name holding markup stays text. PDFsharp wrote the values into its packet unescaped, so an Editor could add
/// metadata fields (or break the packet) through the report title.
/// </summary>
public sealed class XmpMetadataTests
{
    private const string Injected = "中卫市商务局</rdf:li></rdf:Alt></dc:title><dc:rights>all yours</dc:rights><dc:title><rdf:Alt><rdf:li>";

    [Fact]
    public void Render_TitleAndAgencyWithMarkup_XmpIsWellFormedAndHoldsThemAsText()
    {
        var report = SampleReport.Load();
        report = report with { Metadata = report.Metadata with { Title = "2023 & <年度> 报告 " + Injected, Author = Injected } };

        var bytes = new ReportPdfRenderer().Render(report).Bytes;

        var xmp = Packet(bytes);
        var document = XDocument.Parse(xmp);
        XNamespace dc = "http://purl.org/dc/elements/1.1/";
        Assert.Empty(document.Descendants(dc + "rights"));
        Assert.Equal("2023 & <年度> 报告 " + Injected, document.Descendants(dc + "title").Single().Value);
        Assert.Equal(Injected, document.Descendants(dc + "creator").Single().Value);
        using var pdf = PdfInspection.Open(bytes);
        Assert.Equal(Injected, pdf.Information.Author);
        Assert.True(pdf.NumberOfPages > 1);
    }

    [Fact]
    public void Render_Twice_GivesTheSameBytes_AndTheXmpNamesTheDocument()
    {
        var report = SampleReport.Load();
        var first = new ReportPdfRenderer().Render(report).Bytes;
        var second = new ReportPdfRenderer().Render(report).Bytes;
        Assert.Equal(first, second);
        var document = XDocument.Parse(Packet(first));
        XNamespace mm = "http://ns.adobe.com/xap/1.0/mm/";
        Assert.Matches("^uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", document.Descendants(mm + "DocumentID").Single().Value);
        Assert.DoesNotContain("00000000-0000", document.Descendants(mm + "DocumentID").Single().Value, StringComparison.Ordinal);
    }

    /// <summary>The XMP packet as it stands in the file (the metadata stream is not compressed).</summary>
    private static string Packet(byte[] pdf)
    {
        var span = pdf.AsSpan();
        var start = span.IndexOf("<x:xmpmeta"u8);
        var end = span.IndexOf("</x:xmpmeta>"u8);
        Assert.True(start >= 0 && end > start, "the PDF has an XMP packet");
        return Encoding.UTF8.GetString(span[start..(end + "</x:xmpmeta>".Length)]);
    }
}
