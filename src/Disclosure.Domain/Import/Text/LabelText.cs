using System.Text;
using Disclosure.Domain.Text;

namespace Disclosure.Domain.Import.Text;

/// <summary>
/// Label normalisation and tolerant matching. A label is compared after NFKC (full-width brackets, commas and digits
/// become half-width), with every whitespace removed, brackets unified to ( ), quotes dropped and the leading number
/// written one way: <c>1、</c> <c>1．</c> <c>1 .</c> → <c>1.</c>.
/// </summary>
internal static class LabelText
{
    /// <summary>Longest cell text the fuzzy matcher looks at; longer text is never a label.</summary>
    public const int MaxLabelLength = 80;

    private const string ChineseNumerals = "一二三四五六七八九十";

    private static readonly System.Buffers.SearchValues<char> _numerals = System.Buffers.SearchValues.Create(ChineseNumerals);

    public static string Normalize(string text)
    {
        var compact = CompactText.Of(text);
        var sb = new StringBuilder(compact.Length);
        foreach (var c in compact)
        {
            switch (c)
            {
                case '〔' or '【' or '[' or '〖' or '［':
                    sb.Append('(');
                    break;
                case '〕' or '】' or ']' or '〗' or '］':
                    sb.Append(')');
                    break;
                case '“' or '”' or '"' or '‘' or '’' or '\'' or '「' or '」' or '『' or '』':
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return CanonicalNumbering(sb.ToString());
    }

    /// <summary>Splits a normalised label into its leading number ("1.", "(三)", "四、" or "") and the rest.</summary>
    public static (string Number, string Text) SplitNumber(string normalized)
    {
        var s = normalized;
        var i = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        if (i > 0 && i < s.Length && s[i] == '.')
        {
            return (s[..(i + 1)], s[(i + 1)..]);
        }

        if (s.Length > 2 && s[0] == '(')
        {
            var close = s.IndexOf(')', StringComparison.Ordinal);
            if (close > 1 && s.AsSpan(1, close - 1).IndexOfAnyExcept(_numerals) < 0)
            {
                return (s[..(close + 1)], s[(close + 1)..]);
            }
        }

        var j = 0;
        while (j < s.Length && ChineseNumerals.Contains(s[j], StringComparison.Ordinal))
        {
            j++;
        }

        if (j > 0 && j < s.Length && s[j] == '、')
        {
            return (s[..(j + 1)], s[(j + 1)..]);
        }

        return ("", s);
    }

    /// <summary>Levenshtein distance, giving up (returning <paramref name="limit"/> + 1) once it must exceed the limit.</summary>
    public static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>True for text that reads as a number (a count, a signed change or an amount), so it is not a label.</summary>
    public static bool LooksNumeric(string normalized)
    {
        if (normalized.Length == 0)
        {
            return false;
        }

        var digits = 0;
        foreach (var c in normalized)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c is not ('.' or ',' or '-' or '+' or '元' or '万'))
            {
                return false;
            }
        }

        return digits > 0;
    }

    private static string CanonicalNumbering(string s)
    {
        // "1、" "1." "1．"(NFKC → ".") "1," → "1."
        var i = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        if (i is > 0 and <= 2 && i < s.Length - 1 && s[i] is '、' or ',' or ':')
        {
            return string.Concat(s.AsSpan(0, i), ".", s.AsSpan(i + 1));
        }

        // "一." "一，" → "一、"
        var j = 0;
        while (j < s.Length && ChineseNumerals.Contains(s[j], StringComparison.Ordinal))
        {
            j++;
        }

        if (j is > 0 and <= 2 && j < s.Length - 1 && s[j] is '.' or ',')
        {
            return string.Concat(s.AsSpan(0, j), "、", s.AsSpan(j + 1));
        }

        return s;
    }
}
