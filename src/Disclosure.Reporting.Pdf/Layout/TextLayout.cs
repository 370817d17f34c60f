using System.Text;
using Disclosure.Reporting.Pdf.Fonts;

namespace Disclosure.Reporting.Pdf.Layout;

/// <summary>The smallest piece of text that line breaking keeps whole: one Han character, one punctuation mark, a run of Latin letters and digits, or a space.</summary>
internal sealed class Atom
{
    public required string Text { get; init; }

    public required Face Face { get; init; }

    public required bool Bold { get; init; }

    public required double Size { get; init; }

    public required double Width { get; init; }

    public bool IsSpace { get; init; }

    public bool IsNewLine { get; init; }

    /// <summary>No break may come between this atom and the one before it (parts of one Latin word set in two fonts).</summary>
    public bool GlueBefore { get; init; }

    /// <summary>The atom starts with a character that may not start a line (，。、；：？！）》」』 …).</summary>
    public bool NoBreakBefore { get; init; }

    /// <summary>The atom ends with a character that may not end a line (（《「『 …).</summary>
    public bool NoBreakAfter { get; init; }
}

/// <summary>One laid-out line: its atoms and natural width.</summary>
internal sealed class TextLine(List<Atom> atoms, double width, bool endsParagraph)
{
    public List<Atom> Atoms { get; } = atoms;

    public double Width { get; } = width;

    /// <summary>The last line of a paragraph or a line ended by a hard line break: never justified.</summary>
    public bool EndsParagraph { get; } = endsParagraph;
}

/// <summary>Text style of a run of atoms.</summary>
internal readonly record struct TextStyle(Face Face, double Size, bool Bold = false);

/// <summary>
/// Turns text into atoms (choosing for each character the first shipped font that has it) and breaks
/// atoms into lines by the Chinese rules: a break may fall between any two Han characters, never before
/// a closing mark, never after an opening mark, and never inside a run of Latin letters and digits.
/// </summary>
internal sealed class TextLayout(ReportFonts fonts, MissingCharacters missing)
{
    /// <summary>Characters that may not begin a line.</summary>
    public const string NoLineStart = "，。、；：？！）》」』〕】〉｝］”’…—～·％‰,.;:?!)]}%";

    /// <summary>Characters that may not end a line.</summary>
    public const string NoLineEnd = "（《「『〔【〈｛［“‘([{";

    /// <summary>Printed in place of a character that no shipped font has (the 「geta」 mark used by Chinese typesetters).</summary>
    public const string Placeholder = "〓";

    /// <summary>PDFsharp's bold simulation widens every glyph's advance by 2% of the em.</summary>
    public const double BoldExtraEm = 0.02;

    /// <summary>A word this long with a letter in it is taken for an address (URL, e-mail) and may break after its punctuation.</summary>
    public const int AddressMinLength = 12;

    private const Face MissingFace = (Face)(-1);
    private static readonly Face[] _fallbackOrder = [Face.Serif, Face.Hei, Face.Kai];

    public List<Atom> Shape(string text, TextStyle style)
    {
        var atoms = new List<Atom>(text.Length);
        Shape(text, style, atoms);
        return atoms;
    }

    public void Shape(string text, TextStyle style, List<Atom> atoms)
    {
        // Bold serif text is set in the shipped bold weight; bold in the other faces is simulated (and 2% wider).
        if (style.Bold && style.Face == Face.Serif)
        {
            style = style with { Face = Face.SerifBold };
        }

        var i = 0;
        while (i < text.Length)
        {
            var rune = Rune.GetRuneAt(text, i);
            var c = rune.Value;
            if (c == '\n')
            {
                atoms.Add(new Atom { Text = "\n", Face = style.Face, Bold = style.Bold, Size = style.Size, Width = 0, IsNewLine = true });
                i++;
                continue;
            }

            if (c == '\r')
            {
                i++;
                continue;
            }

            if (c is ' ' or '\t' or '\u00A0')
            {
                var face = style.Face;
                var w = (fonts.Metrics(face).Advance(' ') + BoldExtra(face, style.Bold)) * style.Size;
                atoms.Add(new Atom { Text = " ", Face = face, Bold = style.Bold, Size = style.Size, Width = w, IsSpace = true });
                i++;
                continue;
            }

            if (IsWordChar(c))
            {
                var start = i;
                while (i < text.Length && IsWordChar(text[i]))
                {
                    i++;
                }

                AddWord(text.AsSpan(start, i - start), style, atoms);
                continue;
            }

            var chunk = rune.ToString();
            var chosen = FaceFor(c, style.Face);
            if (chosen == MissingFace)
            {
                // No shipped font has it: print the typesetter's placeholder 〓 so the gap is visible (the character is reported).
                chunk = Placeholder;
                c = Placeholder[0];
                chosen = Face.Serif;
            }

            atoms.Add(new Atom
            {
                Text = chunk,
                Face = chosen,
                Bold = style.Bold,
                Size = style.Size,
                Width = (fonts.Metrics(chosen).Advance(c) + BoldExtra(chosen, style.Bold)) * style.Size,
                NoBreakBefore = NoLineStart.Contains(chunk, StringComparison.Ordinal),
                NoBreakAfter = NoLineEnd.Contains(chunk, StringComparison.Ordinal),
            });
            i += rune.Utf16SequenceLength;
        }
    }

    /// <summary>Breaks atoms into lines; <paramref name="firstLineWidth"/> applies to the first line (indent), <paramref name="width"/> to the rest.</summary>
    public List<TextLine> BreakLines(List<Atom> atoms, double firstLineWidth, double width)
    {
        var lines = new List<TextLine>();
        var start = 0;
        var n = atoms.Count;
        const double Epsilon = 0.01;
        while (start < n)
        {
            // Spaces at the start of a wrapped line are dropped.
            if (lines.Count > 0 && !lines[^1].EndsParagraph)
            {
                while (start < n && atoms[start].IsSpace)
                {
                    start++;
                }

                if (start >= n)
                {
                    break;
                }
            }

            var available = lines.Count == 0 ? firstLineWidth : width;
            var x = 0.0;
            var lastBreak = -1;
            var j = start;
            var end = -1;
            var hardBreak = false;
            while (j < n)
            {
                var atom = atoms[j];
                if (atom.IsNewLine)
                {
                    end = j;
                    hardBreak = true;
                    break;
                }

                if (j > start && CanBreakBefore(atoms, j))
                {
                    lastBreak = j;
                }

                if (!atom.IsSpace && x + atom.Width > available + Epsilon)
                {
                    if (lastBreak > start)
                    {
                        end = lastBreak;
                    }
                    else if (j > start)
                    {
                        end = j; // nothing breakable on this line: break here anyway rather than overflow
                    }
                    else
                    {
                        // A single atom wider than the line: split it into characters.
                        SplitAtom(atoms, j);
                        n = atoms.Count;
                        continue;
                    }

                    break;
                }

                x += atom.Width;
                j++;
            }

            if (end < 0)
            {
                end = n;
            }

            var lineAtoms = atoms.GetRange(start, end - start);
            while (lineAtoms.Count > 0 && lineAtoms[^1].IsSpace)
            {
                lineAtoms.RemoveAt(lineAtoms.Count - 1);
            }

            var lineWidth = 0.0;
            foreach (var a in lineAtoms)
            {
                lineWidth += a.Width;
            }

            lines.Add(new TextLine(lineAtoms, lineWidth, hardBreak || end >= n));
            start = hardBreak ? end + 1 : end;
        }

        return lines;
    }

    /// <summary>Width of the widest atom: the narrowest a box can be without splitting a word or number.</summary>
    public static double WidestAtom(List<Atom> atoms)
    {
        var widest = 0.0;
        var run = 0.0;
        for (var i = 0; i < atoms.Count; i++)
        {
            run = i > 0 && !CanBreakBefore(atoms, i) ? run + atoms[i].Width : atoms[i].Width;
            widest = Math.Max(widest, run);
        }

        return widest;
    }

    public static double NaturalWidth(List<Atom> atoms)
    {
        double total = 0, widest = 0;
        foreach (var a in atoms)
        {
            if (a.IsNewLine)
            {
                widest = Math.Max(widest, total);
                total = 0;
                continue;
            }

            total += a.Width;
        }

        return Math.Max(widest, total);
    }

    private static bool CanBreakBefore(List<Atom> atoms, int j)
    {
        var atom = atoms[j];
        var previous = atoms[j - 1];
        if (previous.IsSpace)
        {
            return true;
        }

        return !atom.IsSpace && !atom.GlueBefore && !atom.NoBreakBefore && !previous.NoBreakAfter;
    }

    private static bool IsWordChar(int c) =>
        c < 0x80 && (char.IsAsciiLetterOrDigit((char)c) || c is '.' or ',' or '%' or '-' or '/' or ':' or '@' or '_' or '+' or '#' or '&' or '\'' or '=');

    private static bool IsWordChar(char c) => IsWordChar((int)c);

    private void SplitAtom(List<Atom> atoms, int index)
    {
        var atom = atoms[index];
        var pieces = new List<Atom>(atom.Text.Length);
        var metrics = fonts.Metrics(atom.Face);
        for (var k = 0; k < atom.Text.Length; k++)
        {
            var ch = atom.Text[k];
            pieces.Add(new Atom
            {
                Text = ch.ToString(),
                Face = atom.Face,
                Bold = atom.Bold,
                Size = atom.Size,
                Width = (metrics.Advance(ch) + BoldExtra(atom.Face, atom.Bold)) * atom.Size,
            });
        }

        atoms.RemoveAt(index);
        atoms.InsertRange(index, pieces);
    }

    private void AddWord(ReadOnlySpan<char> word, TextStyle style, List<Atom> atoms)
    {
        // A long address (www.nxzw.gov.cn, a path, an e-mail address) may break after its punctuation, so that it never
        // pushes a whole line apart; numbers (2,000.5) and short words stay whole.
        if (word.Length >= AddressMinLength && ContainsLetter(word))
        {
            var start = 0;
            for (var k = 1; k < word.Length; k++)
            {
                if (word[k - 1] is '.' or '/' or '@' or '_' or '-' or '?' or '&' or '=' or ':' && char.IsAsciiLetterOrDigit(word[k]) && k - start >= 2)
                {
                    AddWordPiece(word[start..k], style, atoms);
                    start = k;
                }
            }

            AddWordPiece(word[start..], style, atoms);
            return;
        }

        AddWordPiece(word, style, atoms);
    }

    private static bool ContainsLetter(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsAsciiLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    private static double BoldExtra(Face face, bool bold) => bold && face != Face.SerifBold ? BoldExtraEm : 0;

    /// <summary>A word (or a piece of an address) as atoms, one per font it needs; a line may break before it, not inside it.</summary>
    private void AddWordPiece(ReadOnlySpan<char> word, TextStyle style, List<Atom> atoms)
    {
        // A Latin word is one atom per font it needs (the Hei face has no Latin, so its digits come from the serif face).
        var first = true;
        var k = 0;
        while (k < word.Length)
        {
            var face = FaceFor(word[k], style.Face);
            face = face == MissingFace ? Face.Serif : face;
            var metrics = fonts.Metrics(face);
            var start = k;
            var width = 0.0;
            while (k < word.Length && (FaceFor(word[k], style.Face) is var f) && (f == face || (f == MissingFace && face == Face.Serif)))
            {
                width += (metrics.Advance(word[k]) + BoldExtra(face, style.Bold)) * style.Size;
                k++;
            }

            var text = word[start..k].ToString();
            atoms.Add(new Atom
            {
                Text = text,
                Face = face,
                Bold = style.Bold,
                Size = style.Size,
                Width = width,
                GlueBefore = !first,
                NoBreakBefore = first && NoLineStart.Contains(text[0]),
                NoBreakAfter = NoLineEnd.Contains(text[^1]),
            });
            first = false;
        }
    }

    private Face FaceFor(int codePoint, Face preferred)
    {
        if (fonts.Metrics(preferred).HasGlyph(codePoint))
        {
            return preferred;
        }

        foreach (var face in _fallbackOrder)
        {
            if (fonts.Metrics(face).HasGlyph(codePoint))
            {
                return face;
            }
        }

        missing.Add(codePoint);
        return MissingFace;
    }
}

/// <summary>Characters no shipped font has, in order of first use; each is reported once per render.</summary>
internal sealed class MissingCharacters(Action<string>? report)
{
    private readonly List<string> _list = [];
    private readonly HashSet<int> _seen = [];

    public IReadOnlyList<string> List => _list;

    public void Add(int codePoint)
    {
        if (_seen.Add(codePoint))
        {
            var s = char.ConvertFromUtf32(codePoint);
            _list.Add(s);
            report?.Invoke(s);
        }
    }
}
