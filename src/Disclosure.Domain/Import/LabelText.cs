using System.Globalization;
using System.Text;

namespace Disclosure.Domain.Import;

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
        if (text.Length == 0)
        {
            return "";
        }

        string nfkc;
        try
        {
            nfkc = text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Lone surrogates cannot be normalised; compare the text as given.
            nfkc = text;
        }

        var sb = new StringBuilder(nfkc.Length);
        foreach (var c in nfkc)
        {
            if (char.IsWhiteSpace(c) || c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF')
            {
                continue;
            }

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
                case '−' or '–' or '－':
                    sb.Append('-');
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

    /// <summary>Parses a count ("12", "3,985,758"); signed counts may carry a sign ("-15", "+3").</summary>
    public static bool TryParseCount(string normalized, bool signed, out long value)
    {
        value = 0;
        var s = normalized;
        var negative = false;
        if (signed && s.Length > 1 && s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s.Contains(',', StringComparison.Ordinal))
        {
            var groups = s.Split(',');
            if (groups[0].Length is 0 or > 3 || groups.Skip(1).Any(g => g.Length != 3))
            {
                return false;
            }

            s = string.Concat(groups);
        }

        if (s.Length is 0 or > 13 || s.AsSpan().IndexOfAnyExceptInRange('0', '9') >= 0)
        {
            return false;
        }

        var parsed = long.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
        if (parsed > Serialization.CanonicalJson.MaxCount)
        {
            return false;
        }

        value = negative ? -parsed : parsed;
        return true;
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

/// <summary>A label the matcher knows: the key it stands for, its normalised form, its number and the text after it.</summary>
internal sealed record KnownLabel(string Key, string Normalized, string Number, string Rest)
{
    public static KnownLabel Of(string key, string label)
    {
        var normalized = LabelText.Normalize(label);
        var (number, rest) = LabelText.SplitNumber(normalized);
        return new KnownLabel(key, normalized, number, rest);
    }
}

/// <summary>
/// Finds which known label a printed cell is: exact after normalisation; then the same text under any or no number;
/// then a unique label whose text the cell begins (at least four characters); then a unique label within edit
/// distance 2 (1 for texts under six characters; none under four) that does not print another number.
/// </summary>
internal sealed class LabelMatcher(IReadOnlyList<KnownLabel> labels)
{
    public IReadOnlyList<KnownLabel> Labels => labels;

    public KnownLabel? Match(string normalized)
    {
        if (normalized.Length is 0 or > LabelText.MaxLabelLength)
        {
            return null;
        }

        foreach (var label in labels)
        {
            if (label.Normalized == normalized)
            {
                return label;
            }
        }

        var (number, rest) = LabelText.SplitNumber(normalized);
        if (rest.Length == 0)
        {
            return null;
        }

        var sameText = labels.Where(l => l.Rest == rest).DistinctBy(l => l.Key).ToList();
        if (sameText.Count > 0)
        {
            return sameText.Count == 1 ? sameText[0] : null;
        }

        if (rest.Length >= 4)
        {
            var prefixed = labels
                .Where(l => l.Rest.Length >= 4 && (l.Rest.StartsWith(rest, StringComparison.Ordinal) || rest.StartsWith(l.Rest, StringComparison.Ordinal)))
                .Select(l => l.Key)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (prefixed.Count == 1)
            {
                return labels.First(l => l.Key == prefixed[0]);
            }

            KnownLabel? best = null;
            var bestDistance = 3;
            var tie = false;
            // A different printed number is a different row ("（一）予以公开" is not "（三）不予公开"); short texts allow one edit.
            foreach (var label in labels.Where(l => l.Rest.Length >= 4 && (number.Length == 0 || l.Number.Length == 0 || l.Number == number)))
            {
                var limit = Math.Min(rest.Length, label.Rest.Length) >= 6 ? 2 : 1;
                var d = LabelText.Distance(rest, label.Rest, limit);
                if (d > limit)
                {
                    continue;
                }

                if (d < bestDistance)
                {
                    best = label;
                    bestDistance = d;
                    tie = false;
                }
                else if (d == bestDistance && best is not null && best.Key != label.Key)
                {
                    tie = true;
                }
            }

            if (best is not null && !tie)
            {
                return best;
            }
        }

        return null;
    }
}
