using System.Globalization;
using System.Text.RegularExpressions;
using Disclosure.Domain.Text;

namespace Disclosure.Domain.Reports;

/// <summary>Why a value typed into a cell, or copied from a published page, is not a value of its column.</summary>
public enum CellProblem
{
    None,

    /// <summary>A count that is not a whole number ("abc", "1,20", "1e9").</summary>
    NotAWholeNumber,

    /// <summary>A count with a decimal part ("1.5").</summary>
    Decimals,

    /// <summary>A negative value where the column holds none (件数, 万元).</summary>
    Negative,

    /// <summary>Beyond the cell limit: a count over <see cref="CellValue.MaxCount"/>, an amount over <see cref="WanYuan.MaxWholeDigits"/> whole digits.</summary>
    TooLarge,

    /// <summary>An amount with more than <see cref="WanYuan.MaxDecimals"/> decimals.</summary>
    TooManyDecimals,

    /// <summary>Not an amount in 万元 ("十二", "1.2.3").</summary>
    NotAnAmount,

    /// <summary>A text longer than <see cref="StoredCell.TextMaxLength"/>.</summary>
    TooLong,
}

/// <summary>A cell as read: its value (blank when nothing was given, or when the text is not a value) and the problem, if any.</summary>
public readonly record struct CellReading(CellValue Value, CellProblem Problem)
{
    public bool IsValid => Problem == CellProblem.None;
}

/// <summary>
/// The one reading of a cell's text, for what a clerk types into the entry form, what an uploaded workbook holds and
/// what the importer finds in a copied page: the same text means the same value everywhere.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Nothing, or only whitespace, is blank — not zero.</item>
/// <item>Full-width characters from a Chinese input method are read as their ASCII forms (NFKC: １２ → 12, －3 → -3,
/// １２．５ → 12.5); the minus sign − and the en dash – are a minus. Whitespace anywhere is dropped (a copy artefact, or
/// digit grouping: "3 985 758").</item>
/// <item>Thousands separators are dropped only where every group has three digits ("1,200", "3,985,758"), so that
/// "1,20" stays a mistake.</item>
/// <item>A count (<see cref="CellKind.Count"/>) is a whole number from 0 to <see cref="CellValue.MaxCount"/>; a signed
/// count (2019's 本年增/减) may carry - or +.</item>
/// <item>An amount (<see cref="CellKind.WanYuan"/>) is a non-negative decimal with at most six decimals, optionally
/// followed by its unit 万元 ("12.5万元").</item>
/// <item>A text (<see cref="CellKind.Text"/>) is kept as given, unit included ("251000元"), without whitespace, at
/// most <see cref="StoredCell.TextMaxLength"/> characters.</item>
/// </list>
/// Control characters are refused where a whole report or form is checked (<see cref="ControlCharacters"/>).
/// </remarks>
public static partial class CellParser
{
    private const string AmountUnit = "万元";

    /// <summary>
    /// The text as it is read (the normalisation above, separators and the 万元 unit dropped for numbers), or null for
    /// blank. Two texts that read the same give the same canonical text (for comparing values in a merge).
    /// </summary>
    public static string? Canonical(string? raw, CellKind kind)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var text = CompactText.Of(raw);
        if (text.Length == 0)
        {
            return null;
        }

        if (kind == CellKind.Text)
        {
            return text;
        }

        if (kind == CellKind.WanYuan && text.Length > AmountUnit.Length && text.EndsWith(AmountUnit, StringComparison.Ordinal))
        {
            text = text[..^AmountUnit.Length];
        }

        return ThousandsSeparated().IsMatch(text) ? text.Replace(",", "", StringComparison.Ordinal) : text;
    }

    public static CellReading Read(string? raw, CellKind kind)
    {
        if (Canonical(raw, kind) is not { } text)
        {
            return new CellReading(CellValue.Blank, CellProblem.None);
        }

        return kind switch
        {
            CellKind.Text => text.Length > StoredCell.TextMaxLength ? Problem(CellProblem.TooLong) : new CellReading(CellValue.OfText(text), CellProblem.None),
            CellKind.WanYuan => ReadAmount(text),
            _ => ReadCount(text, kind == CellKind.SignedCount),
        };
    }

    private static CellReading ReadCount(string text, bool signed)
    {
        var negative = text[0] == '-';
        var digits = negative || (signed && text[0] == '+') ? text[1..] : text;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            return Problem(IsDecimal(digits) ? CellProblem.Decimals : CellProblem.NotAWholeNumber);
        }

        if (negative && !signed)
        {
            return Problem(CellProblem.Negative);
        }

        var magnitude = digits.TrimStart('0');
        if (magnitude.Length > 13 || (magnitude.Length > 0 && long.Parse(magnitude, NumberStyles.None, CultureInfo.InvariantCulture) > CellValue.MaxCount))
        {
            return Problem(CellProblem.TooLarge);
        }

        var value = magnitude.Length == 0 ? 0 : long.Parse(magnitude, NumberStyles.None, CultureInfo.InvariantCulture);
        return new CellReading(CellValue.Of(negative ? -value : value), CellProblem.None);
    }

    private static CellReading ReadAmount(string text)
    {
        if (text[0] == '-' && (text.Length == 1 || IsDecimal(text[1..]) || text[1..].All(char.IsAsciiDigit)))
        {
            return Problem(CellProblem.Negative);
        }

        if (WanYuan.TryParse(text, out var amount))
        {
            return new CellReading(CellValue.Of(amount.Fen), CellProblem.None);
        }

        if (!IsDecimal(text) && !text.All(char.IsAsciiDigit))
        {
            return Problem(CellProblem.NotAnAmount);
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var whole = (dot < 0 ? text : text[..dot]).TrimStart('0');
        return whole.Length > WanYuan.MaxWholeDigits ? Problem(CellProblem.TooLarge)
            : dot >= 0 && text.Length - dot - 1 > WanYuan.MaxDecimals ? Problem(CellProblem.TooManyDecimals)
            : Problem(CellProblem.NotAnAmount);
    }

    private static CellReading Problem(CellProblem problem) => new(CellValue.Blank, problem);

    /// <summary>Digits, one dot, digits: "1.5".</summary>
    private static bool IsDecimal(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && dot < text.Length - 1 && text.Remove(dot, 1).All(char.IsAsciiDigit);
    }

    [GeneratedRegex(@"^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ThousandsSeparated();
}
