using System.Security.Cryptography;
using System.Text;

namespace Disclosure.Reporting.Pdf;

/// <summary>
/// PDFsharp names each embedded font subset with a random six-letter tag (ABCDEF+Name). Replace each tag
/// by one derived from the font name and its order of appearance, so equal documents give equal bytes.
/// The replacement has the same length, so the cross-reference offsets stay valid.
/// </summary>
internal static class Determinism
{
    /// <summary>Makes the PDF bytes a function of the document alone: subset tags and XMP ids.</summary>
    public static byte[] Fix(byte[] pdf, string documentIdHex)
    {
        FixSubsetTags(pdf);
        FixXmpIds(pdf, documentIdHex);
        return pdf;
    }

    /// <summary>PDFsharp writes random GUIDs as XMP DocumentID/InstanceID; use the document id (same length).</summary>
    private static void FixXmpIds(byte[] pdf, string documentIdHex)
    {
        var hex = documentIdHex.ToLowerInvariant().PadRight(32, '0');
        var uuid = Encoding.ASCII.GetBytes($"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}");
        foreach (var key in new[] { "<xmpMM:DocumentID>uuid:"u8.ToArray(), "<xmpMM:InstanceID>uuid:"u8.ToArray() })
        {
            var at = pdf.AsSpan().IndexOf(key);
            if (at >= 0 && at + key.Length + uuid.Length <= pdf.Length && pdf[at + key.Length + uuid.Length] == (byte)'<')
            {
                uuid.CopyTo(pdf, at + key.Length);
            }
        }
    }

    private static byte[] FixSubsetTags(byte[] pdf)
    {
        var keys = new[] { "/BaseFont /"u8.ToArray(), "/FontName /"u8.ToArray(), "/BaseFont/"u8.ToArray(), "/FontName/"u8.ToArray() };
        var replacements = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var span = pdf.AsSpan();
        foreach (var key in keys)
        {
            var from = 0;
            while (true)
            {
                var at = span[from..].IndexOf(key);
                if (at < 0)
                {
                    break;
                }

                var tag = from + at + key.Length;
                from = tag;
                if (tag + 7 > pdf.Length || pdf[tag + 6] != (byte)'+' || !IsTag(span.Slice(tag, 6)))
                {
                    continue;
                }

                var old = Encoding.ASCII.GetString(pdf, tag, 6);
                if (!replacements.ContainsKey(old))
                {
                    var nameEnd = tag + 7;
                    while (nameEnd < pdf.Length && pdf[nameEnd] > 0x20 && pdf[nameEnd] != (byte)'/' && pdf[nameEnd] != (byte)'>')
                    {
                        nameEnd++;
                    }

                    var seed = Encoding.ASCII.GetString(pdf, tag + 7, nameEnd - tag - 7) + "#" + replacements.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    var hash = SHA256.HashData(Encoding.ASCII.GetBytes(seed));
                    var fresh = new byte[6];
                    for (var k = 0; k < 6; k++)
                    {
                        fresh[k] = (byte)('A' + (hash[k] % 26));
                    }

                    replacements[old] = fresh;
                }
            }
        }

        foreach (var (old, fresh) in replacements)
        {
            var pattern = Encoding.ASCII.GetBytes("/" + old + "+");
            var from = 0;
            while (true)
            {
                var at = span[from..].IndexOf(pattern);
                if (at < 0)
                {
                    break;
                }

                fresh.CopyTo(span.Slice(from + at + 1, 6));
                from += at + pattern.Length;
            }
        }

        return pdf;
    }

    private static bool IsTag(ReadOnlySpan<byte> tag)
    {
        foreach (var b in tag)
        {
            if (b is < (byte)'A' or > (byte)'Z')
            {
                return false;
            }
        }

        return true;
    }
}
