using System.Globalization;

namespace Disclosure.Domain.Reports;

/// <summary>What a column holds.</summary>
public enum CellKind
{
    /// <summary>A count of 件; non-negative (rule R0).</summary>
    Count,

    /// <summary>A count that may be negative: 2019's 本年增/减.</summary>
    SignedCount,

    /// <summary>An amount in 万元, stored as 分 (see <see cref="WanYuan"/>).</summary>
    WanYuan,

    /// <summary>Kept as printed, unit included: 2019's 采购总金额 ("251000元").</summary>
    Text,
}

/// <summary>One cell as published: a number, a text (for <see cref="CellKind.Text"/> columns), or blank. Blank is not zero.</summary>
public readonly record struct CellValue(long? Number, string? Text)
{
    /// <summary>
    /// The cell limit: the largest magnitude a count cell may hold (10¹²) — counts in the millions are real, beyond this
    /// is a typo. Entry, import (<see cref="CellParser"/>) and the canonical JSON all refuse more.
    /// </summary>
    public const long MaxCount = 1_000_000_000_000;

    public static readonly CellValue Blank;

    public bool IsBlank => Number is null && Text is null;

    public static CellValue Of(long number) => new(number, null);

    public static CellValue OfNullable(long? number) => new(number, null);

    public static CellValue OfText(string? text) => string.IsNullOrEmpty(text) ? Blank : new(null, text);

    /// <summary>The cell as printed, given its column's kind; blank cells print as "".</summary>
    public string Format(CellKind kind) => kind switch
    {
        _ when IsBlank => "",
        CellKind.Text => Text ?? Number?.ToString(CultureInfo.InvariantCulture) ?? "",
        CellKind.WanYuan => Number is { } fen ? new WanYuan(fen).ToString() : Text ?? "",
        _ => Number?.ToString(CultureInfo.InvariantCulture) ?? Text ?? "",
    };
}
