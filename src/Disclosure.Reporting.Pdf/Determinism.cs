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
    /// <summary>The document ID PDFsharp is given (16 zero bytes), replaced after saving.</summary>
    public static readonly string IdPlaceholder = new('\0', 16);

    private static readonly byte[] _idPlaceholderHex = Encoding.ASCII.GetBytes(new string('0', 32));

    /// <summary>
    /// Makes the PDF bytes a function of the document alone: subset tags derived from the font names, and the
    /// trailer /ID and XMP DocumentID/InstanceID derived from a hash of the content (so different documents get
    /// different ids, equal documents equal ones).
    /// </summary>
    public static byte[] Fix(byte[] pdf)
    {
        FixSubsetTags(pdf);
        var xmpIds = FindXmpIds(pdf);
        foreach (var at in xmpIds)
        {
            Encoding.ASCII.GetBytes("00000000-0000-0000-0000-000000000000").CopyTo(pdf, at);
        }

        var hex = Convert.ToHexString(SHA256.HashData(pdf).AsSpan(0, 16));
        var idHex = Encoding.ASCII.GetBytes(hex);
        var span = pdf.AsSpan();
        var trailer = span.LastIndexOf("/ID["u8);
        if (trailer >= 0)
        {
            for (var k = 0; k < 2; k++)
            {
                var at = span[trailer..].IndexOf(_idPlaceholderHex);
                if (at >= 0)
                {
                    idHex.CopyTo(span[(trailer + at)..]);
                }
            }
        }

        var lower = hex.ToLowerInvariant();
        var uuid = Encoding.ASCII.GetBytes($"{lower[..8]}-{lower[8..12]}-{lower[12..16]}-{lower[16..20]}-{lower[20..32]}");
        foreach (var at in xmpIds)
        {
            uuid.CopyTo(pdf, at);
        }

        return pdf;
    }

    /// <summary>Where PDFsharp wrote its random GUIDs as XMP DocumentID/InstanceID.</summary>
    private static List<int> FindXmpIds(byte[] pdf)
    {
        var found = new List<int>();
        foreach (var key in new[] { "<xmpMM:DocumentID>uuid:"u8.ToArray(), "<xmpMM:InstanceID>uuid:"u8.ToArray() })
        {
            var at = pdf.AsSpan().IndexOf(key);
            if (at >= 0 && at + key.Length + 36 < pdf.Length && pdf[at + key.Length + 36] == (byte)'<')
            {
                found.Add(at + key.Length);
            }
        }

        return found;
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
