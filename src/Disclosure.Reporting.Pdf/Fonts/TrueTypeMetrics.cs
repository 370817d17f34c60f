using System.Buffers.Binary;

namespace Disclosure.Reporting.Pdf.Fonts;

/// <summary>
/// Reads just enough of a TrueType file (cmap, hmtx, hhea, head) to measure text and to tell whether
/// a character has a glyph. PDFsharp positions glyphs by the same hmtx advances, so what we measure
/// is what it draws.
/// </summary>
internal sealed class TrueTypeMetrics
{
    private readonly Dictionary<int, ushort> _glyphByCodePoint = [];
    private readonly ushort[] _advances;
    private readonly double _unitsPerEm;
    private readonly float[] _bmpWidthCache = new float[0x10000];

    public TrueTypeMetrics(byte[] font)
    {
        var tables = ReadTableDirectory(font);
        var head = tables["head"];
        _unitsPerEm = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(head + 18));
        var hhea = tables["hhea"];
        Ascent = BinaryPrimitives.ReadInt16BigEndian(font.AsSpan(hhea + 4)) / _unitsPerEm;
        Descent = -BinaryPrimitives.ReadInt16BigEndian(font.AsSpan(hhea + 6)) / _unitsPerEm;
        int longMetrics = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(hhea + 34));
        var maxp = tables["maxp"];
        int glyphCount = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(maxp + 4));
        var hmtx = tables["hmtx"];
        _advances = new ushort[glyphCount];
        ushort last = 0;
        for (var g = 0; g < glyphCount; g++)
        {
            if (g < longMetrics)
            {
                last = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(hmtx + (4 * g)));
            }

            _advances[g] = last;
        }

        ReadCmap(font, tables["cmap"]);
        Array.Fill(_bmpWidthCache, float.NaN);
    }

    /// <summary>Ascent as a fraction of the em.</summary>
    public double Ascent { get; }

    /// <summary>Descent (positive) as a fraction of the em.</summary>
    public double Descent { get; }

    public bool HasGlyph(int codePoint) => _glyphByCodePoint.ContainsKey(codePoint);

    /// <summary>Advance width of a character in em units (0 for a character the font lacks: .notdef width is used).</summary>
    public double Advance(int codePoint)
    {
        if (codePoint < 0x10000)
        {
            var cached = _bmpWidthCache[codePoint];
            if (!float.IsNaN(cached))
            {
                return cached;
            }

            var w = (float)ComputeAdvance(codePoint);
            _bmpWidthCache[codePoint] = w;
            return w;
        }

        return ComputeAdvance(codePoint);
    }

    private double ComputeAdvance(int codePoint)
    {
        var glyph = _glyphByCodePoint.TryGetValue(codePoint, out var g) ? g : 0;
        return _advances.Length == 0 ? 0 : _advances[Math.Min(glyph, _advances.Length - 1)] / _unitsPerEm;
    }

    private static Dictionary<string, int> ReadTableDirectory(byte[] font)
    {
        int numTables = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        var tables = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < numTables; i++)
        {
            var record = 12 + (16 * i);
            var tag = System.Text.Encoding.ASCII.GetString(font, record, 4);
            tables[tag] = (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(record + 8));
        }

        return tables;
    }

    private void ReadCmap(byte[] font, int cmap)
    {
        int count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(cmap + 2));
        int best4 = -1, best12 = -1;
        for (var i = 0; i < count; i++)
        {
            var rec = cmap + 4 + (8 * i);
            int platform = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(rec));
            int encoding = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(rec + 2));
            var offset = cmap + (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(rec + 4));
            int format = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(offset));
            var unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10));
            if (!unicode)
            {
                continue;
            }

            if (format == 12)
            {
                best12 = offset;
            }
            else if (format == 4)
            {
                best4 = offset;
            }
        }

        if (best12 >= 0)
        {
            ReadFormat12(font, best12);
        }
        else if (best4 >= 0)
        {
            ReadFormat4(font, best4);
        }
    }

    private void ReadFormat4(byte[] font, int table)
    {
        int segCount = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(table + 6)) / 2;
        var endCodes = table + 14;
        var startCodes = endCodes + (2 * segCount) + 2;
        var idDeltas = startCodes + (2 * segCount);
        var idRangeOffsets = idDeltas + (2 * segCount);
        for (var s = 0; s < segCount; s++)
        {
            int end = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(endCodes + (2 * s)));
            int start = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(startCodes + (2 * s)));
            int delta = BinaryPrimitives.ReadInt16BigEndian(font.AsSpan(idDeltas + (2 * s)));
            int rangeOffset = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(idRangeOffsets + (2 * s)));
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (rangeOffset == 0)
                {
                    glyph = (c + delta) & 0xFFFF;
                }
                else
                {
                    var at = idRangeOffsets + (2 * s) + rangeOffset + (2 * (c - start));
                    glyph = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(at));
                    if (glyph != 0)
                    {
                        glyph = (glyph + delta) & 0xFFFF;
                    }
                }

                if (glyph != 0)
                {
                    _glyphByCodePoint[c] = (ushort)glyph;
                }
            }
        }
    }

    private void ReadFormat12(byte[] font, int table)
    {
        var groups = (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(table + 12));
        for (var i = 0; i < groups; i++)
        {
            var g = table + 16 + (12 * i);
            var start = (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(g));
            var end = (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(g + 4));
            var glyph = (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(g + 8));
            for (var c = start; c <= end; c++)
            {
                _glyphByCodePoint[c] = (ushort)(glyph + (c - start));
            }
        }
    }
}
