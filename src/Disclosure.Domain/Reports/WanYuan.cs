using System.Globalization;

namespace Disclosure.Domain.Reports;

/// <summary>
/// An exact amount in 万元 (table 二's fee), held as an integer number of 分:
/// 1 万元 = 10 000 元 = 1 000 000 分, so the six decimals that published reports use are exact. No floating point.
/// </summary>
public readonly record struct WanYuan(long Fen)
{
    public const long FenPerWanYuan = 1_000_000;
    public const int MaxDecimals = 6;

    /// <summary>Whole 万元 digits an amount may have (under 10¹² 万元, so that 分 fit a long).</summary>
    public const int MaxWholeDigits = 12;

    /// <summary>Parses "24252.311082", "0", "7730.28". Accepts no sign, no exponent, no grouping, at most six decimals.</summary>
    public static bool TryParse(string? text, out WanYuan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        var dot = s.IndexOf('.', StringComparison.Ordinal);
        var whole = dot < 0 ? s : s[..dot];
        var fraction = dot < 0 ? "" : s[(dot + 1)..];
        if (whole.Length is 0 or > MaxWholeDigits || fraction.Length > MaxDecimals || (dot >= 0 && fraction.Length == 0)
            || !whole.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit))
        {
            return false;
        }

        var fen = long.Parse(whole, NumberStyles.None, CultureInfo.InvariantCulture) * FenPerWanYuan;
        if (fraction.Length > 0)
        {
            fen += long.Parse(fraction.PadRight(MaxDecimals, '0'), NumberStyles.None, CultureInfo.InvariantCulture);
        }

        value = new WanYuan(fen);
        return true;
    }

    public static WanYuan Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"Not an amount in 万元 with at most {MaxDecimals} decimals: '{text}'.");

    /// <summary>The shortest exact decimal: "0", "7730.28", "24252.311082".</summary>
    public override string ToString()
    {
        var sign = Fen < 0 ? "-" : "";
        var abs = Math.Abs(Fen);
        var whole = (abs / FenPerWanYuan).ToString(CultureInfo.InvariantCulture);
        var fraction = (abs % FenPerWanYuan).ToString("D6", CultureInfo.InvariantCulture).TrimEnd('0');
        return fraction.Length == 0 ? sign + whole : $"{sign}{whole}.{fraction}";
    }

}
