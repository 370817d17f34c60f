using System.Globalization;
using System.Text;
using System.Xml;

namespace Disclosure.Reporting.Pdf;

/// <summary>
/// The document's XMP metadata, written with an <see cref="XmlWriter"/> so that a title or agency name holding
/// <c>&lt; &gt; &amp;</c> (or markup) stays text. PDFsharp builds its packet by pasting the values into a template,
/// unescaped; after saving, <see cref="Replace"/> puts this packet in place of PDFsharp's in the metadata stream and
/// moves the cross-reference offsets that follow it.
/// </summary>
internal static class XmpPacket
{
    private const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    /// <summary>The id Determinism.Fix replaces by one derived from the content (36 characters, like a GUID).</summary>
    private const string IdPlaceholder = "00000000-0000-0000-0000-000000000000";

    public static byte[] Build(PdfMetadata metadata, string producer)
    {
        var date = metadata.PublicationDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00+08:00";
        using var output = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true, Indent = true, NewLineChars = "\n" };
        using (var xml = XmlWriter.Create(output, settings))
        {
            xml.WriteProcessingInstruction("xpacket", "begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"");
            xml.WriteStartElement("x", "xmpmeta", "adobe:ns:meta/");
            xml.WriteStartElement("rdf", "RDF", Rdf);

            Description(xml, "pdf", "http://ns.adobe.com/pdf/1.3/");
            xml.WriteElementString("pdf", "Producer", null, Text(producer));
            xml.WriteEndElement();

            Description(xml, "dc", "http://purl.org/dc/elements/1.1/");
            Container(xml, "title", "Alt", metadata.Title, language: true);
            Container(xml, "creator", "Seq", metadata.Author, language: false);
            Container(xml, "description", "Alt", metadata.Subject, language: true);
            xml.WriteEndElement();

            Description(xml, "xmp", "http://ns.adobe.com/xap/1.0/");
            xml.WriteElementString("xmp", "CreatorTool", null, "Disclosure");
            xml.WriteElementString("xmp", "CreateDate", null, date);
            xml.WriteElementString("xmp", "ModifyDate", null, date);
            xml.WriteEndElement();

            Description(xml, "xmpMM", "http://ns.adobe.com/xap/1.0/mm/");
            xml.WriteElementString("xmpMM", "DocumentID", null, "uuid:" + IdPlaceholder);
            xml.WriteElementString("xmpMM", "InstanceID", null, "uuid:" + IdPlaceholder);
            xml.WriteEndElement();

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteProcessingInstruction("xpacket", "end=\"w\"");
        }

        return output.ToArray();
    }

    /// <summary>
    /// Replaces the metadata stream's content (PDFsharp writes it uncompressed, as the last object before the
    /// cross-reference table) and shifts every offset after it, and <c>startxref</c>, by the change in length.
    /// </summary>
    public static byte[] Replace(byte[] pdf, byte[] packet)
    {
        var span = pdf.AsSpan();
        var dictionary = span.LastIndexOf("<</Type/Metadata/Subtype/XML/Length "u8);
        if (dictionary < 0)
        {
            throw new InvalidOperationException("PDFsharp wrote no metadata stream where one was expected.");
        }

        var lengthAt = dictionary + "<</Type/Metadata/Subtype/XML/Length "u8.Length;
        var lengthEnd = span[lengthAt..].IndexOf(">>\nstream\n"u8) + lengthAt;
        var oldLength = int.Parse(Encoding.ASCII.GetString(span[lengthAt..lengthEnd]), CultureInfo.InvariantCulture);
        var dataAt = lengthEnd + ">>\nstream\n"u8.Length;
        var dataEnd = dataAt + oldLength;

        var newLength = Encoding.ASCII.GetBytes(packet.Length.ToString(CultureInfo.InvariantCulture));
        var result = new List<byte>(pdf.Length + packet.Length);
        result.AddRange(pdf.AsSpan(0, lengthAt));
        result.AddRange(newLength);
        result.AddRange(pdf.AsSpan(lengthEnd, dataAt - lengthEnd));
        result.AddRange(packet);
        var delta = newLength.Length - (lengthEnd - lengthAt) + (packet.Length - oldLength);
        var rest = ShiftOffsets(pdf.AsSpan(dataEnd).ToArray(), dictionary, delta);
        result.AddRange(rest);
        return [.. result];
    }

    /// <summary>In the tail (the xref table and trailer): every offset beyond <paramref name="after"/>, and startxref, moved by <paramref name="delta"/>.</summary>
    private static byte[] ShiftOffsets(byte[] tail, int after, int delta)
    {
        var text = Encoding.Latin1.GetString(tail);
        var xref = text.IndexOf("\nxref\n", StringComparison.Ordinal);
        var startxref = text.LastIndexOf("startxref\n", StringComparison.Ordinal);
        if (xref < 0 || startxref < 0)
        {
            throw new InvalidOperationException("PDFsharp wrote no cross-reference table after the metadata stream.");
        }

        var lines = text[(xref + 6)..startxref].Split('\n');
        var table = new StringBuilder();
        foreach (var line in lines)
        {
            // An entry is "oooooooooo ggggg n " (20 bytes with its end of line); subsection headers and the trailer stay.
            if (line.Length == 19 && line[18] == ' ' && line[17] == 'n'
                && long.TryParse(line.AsSpan(0, 10), NumberStyles.None, CultureInfo.InvariantCulture, out var offset) && offset > after)
            {
                table.Append((offset + delta).ToString("D10", CultureInfo.InvariantCulture)).Append(line.AsSpan(10));
            }
            else
            {
                table.Append(line);
            }

            table.Append('\n');
        }

        table.Length--;
        var numberAt = startxref + "startxref\n".Length;
        var numberEnd = text.IndexOf('\n', numberAt);
        var position = long.Parse(text.AsSpan(numberAt, numberEnd - numberAt), CultureInfo.InvariantCulture) + delta;
        var rebuilt = text[..(xref + 6)] + table + text[startxref..numberAt] + position.ToString(CultureInfo.InvariantCulture) + text[numberEnd..];
        return Encoding.Latin1.GetBytes(rebuilt);
    }

    private static void Description(XmlWriter xml, string prefix, string ns)
    {
        xml.WriteStartElement("rdf", "Description", Rdf);
        xml.WriteAttributeString("rdf", "about", Rdf, "");
        xml.WriteAttributeString("xmlns", prefix, null, ns);
    }

    private static void Container(XmlWriter xml, string name, string kind, string value, bool language)
    {
        xml.WriteStartElement("dc", name, null);
        xml.WriteStartElement("rdf", kind, Rdf);
        xml.WriteStartElement("rdf", "li", Rdf);
        if (language)
        {
            xml.WriteAttributeString("xml", "lang", null, "x-default");
        }

        xml.WriteString(Text(value));
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>Without the characters XML 1.0 cannot hold (control characters).</summary>
    private static string Text(string value) => string.Concat(value.Where(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c)));
}
