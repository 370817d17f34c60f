using System.Reflection;
using PdfSharp.Drawing;
using PdfSharp.Fonts;

namespace Disclosure.Reporting.Pdf.Fonts;

/// <summary>The four faces the report is set in.</summary>
internal enum Face
{
    /// <summary>Song-style serif (Noto Serif SC Regular): body, tables, page numbers.</summary>
    Serif,

    /// <summary>Kai-style face (LXGW WenKai, renamed Disclosure Kai): （一） headings.</summary>
    Kai,

    /// <summary>Hei-style sans (Noto Sans SC Medium): 一、 headings, the draft watermark, and the last fallback (all of GBK).</summary>
    Hei,

    /// <summary>The serif's real bold weight (Noto Serif SC Bold): the title, bold runs and bold table labels.</summary>
    SerifBold,
}

/// <summary>
/// The shipped fonts, their metrics, and the PDFsharp font resolver that serves them.
/// Nothing here looks at fonts installed on the machine.
/// </summary>
internal sealed class ReportFonts : IFontResolver
{
    public const string SerifFamily = "Disclosure Serif";
    public const string KaiFamily = "Disclosure Kai";
    public const string HeiFamily = "Disclosure Hei";

    private static readonly Lock _installLock = new();
    private static readonly Lazy<ReportFonts> _lazyInstance = new(() => new ReportFonts(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, byte[]> _fileByFaceName = new(StringComparer.Ordinal);
    private readonly TrueTypeMetrics[] _metrics = new TrueTypeMetrics[4];

    private ReportFonts()
    {
        Load(Face.Serif, "NotoSerifSC-Regular.subset.ttf");
        Load(Face.SerifBold, "NotoSerifSC-Bold.subset.ttf");
        Load(Face.Kai, "LXGWWenKai-Regular.subset.ttf");
        Load(Face.Hei, "NotoSansSC-Medium.subset.ttf");
    }

    public static ReportFonts Instance => _lazyInstance.Value;

    public TrueTypeMetrics Metrics(Face face) => _metrics[(int)face];

    /// <summary>The PDFsharp family of a face; <see cref="Face.SerifBold"/> is the serif family's bold style.</summary>
    public static string FamilyName(Face face) => face switch
    {
        Face.Kai => KaiFamily,
        Face.Hei => HeiFamily,
        _ => SerifFamily,
    };

    /// <summary>
    /// Makes PDFsharp use these fonts. GlobalFontSettings is process-wide and may be set only once, so
    /// this is idempotent and thread-safe: if the host already installed another resolver, ours becomes
    /// the fallback resolver (our family names are our own, so the host's resolver does not claim them).
    /// </summary>
    public static void EnsureInstalled()
    {
        var fonts = Instance;
        lock (_installLock)
        {
            var current = GlobalFontSettings.FontResolver;
            if (ReferenceEquals(current, fonts) || ReferenceEquals(GlobalFontSettings.FallbackFontResolver, fonts))
            {
                return;
            }

            if (current is null)
            {
                GlobalFontSettings.FontResolver = fonts;
            }
            else if (GlobalFontSettings.FallbackFontResolver is null)
            {
                GlobalFontSettings.FallbackFontResolver = fonts;
            }
            else
            {
                throw new InvalidOperationException(
                    "PDFsharp already has a font resolver and a fallback font resolver that are not Disclosure's; " +
                    "the report fonts cannot be installed.");
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic)
    {
        var face = familyName switch
        {
            SerifFamily => "disclosure-serif",
            KaiFamily => "disclosure-kai",
            HeiFamily => "disclosure-hei",
            _ => null,
        };
        if (face is null)
        {
            return null;
        }

        // The serif ships a real bold weight; the Kai and Hei faces have one weight, and bold (never used by the
        // report's own layout) is simulated by PDFsharp (stroked outlines).
        if (isBold && face == "disclosure-serif")
        {
            return new FontResolverInfo("disclosure-serif-bold");
        }

        return new FontResolverInfo(face, isBold ? XStyleSimulations.BoldSimulation : XStyleSimulations.None);
    }

    public byte[]? GetFont(string faceName) => _fileByFaceName.GetValueOrDefault(faceName);

    private void Load(Face face, string file)
    {
        var name = "Disclosure.Reporting.Pdf.Fonts." + file;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded font {name} is missing.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        _fileByFaceName[face switch { Face.Kai => "disclosure-kai", Face.Hei => "disclosure-hei", Face.SerifBold => "disclosure-serif-bold", _ => "disclosure-serif" }] = bytes;
        _metrics[(int)face] = new TrueTypeMetrics(bytes);
    }
}
