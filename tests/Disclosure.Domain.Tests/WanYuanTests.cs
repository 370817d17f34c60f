using Disclosure.Domain.Reports;

namespace Disclosure.Domain.Tests;

public sealed class WanYuanTests
{
    [Theory]
    [InlineData("24252.311082", 24_252_311_082)]
    [InlineData("7730.28", 7_730_280_000)]
    [InlineData("0", 0)]
    [InlineData("96171.6", 96_171_600_000)]
    [InlineData("5949.088667", 5_949_088_667)]
    [InlineData("0.000001", 1)]
    [InlineData("999999999999.999999", 999_999_999_999_999_999)]
    public void Parse_PublishedAmounts_AreExactIn分(string text, long fen)
    {
        Assert.Equal(new WanYuan(fen), WanYuan.Parse(text));
    }

    [Theory]
    [InlineData(24_252_311_082, "24252.311082")]
    [InlineData(7_730_280_000, "7730.28")]
    [InlineData(0, "0")]
    [InlineData(96_171_600_000, "96171.6")]
    [InlineData(1, "0.000001")]
    [InlineData(5_000_000, "5")]
    public void ToString_IsTheShortestExactDecimal(long fen, string text)
    {
        Assert.Equal(text, new WanYuan(fen).ToString());
    }

    [Theory]
    [InlineData("7730.280", "7730.28")]
    [InlineData("0.0", "0")]
    [InlineData("007", "7")]
    public void Parse_ThenFormat_DropsOnlyInsignificantZeros(string text, string canonical)
    {
        Assert.Equal(canonical, WanYuan.Parse(text).ToString());
    }

    [Fact]
    public void Sums_AreExact_WithoutFloatingPoint()
    {
        // 0.1 + 0.2 is not 0.3 in binary floating point; in 分 it is.
        var sum = new WanYuan(WanYuan.Parse("0.1").Fen + WanYuan.Parse("0.2").Fen);

        Assert.Equal("0.3", sum.ToString());
        Assert.Equal(WanYuan.Parse("0.3"), sum);
    }

    [Theory]
    [InlineData("24252.3110821")] // seven decimals
    [InlineData("0.0000001")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("-0.5")]
    [InlineData("1e3")]
    [InlineData("1E3")]
    [InlineData("1,000")]
    [InlineData("1,000.5")]
    [InlineData("1 000")]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(null)]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("1.2.3")]
    [InlineData("１２")] // full-width digits
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("0x10")]
    [InlineData("7730.28万元")]
    [InlineData("1000000000000")] // 13 whole digits: beyond any real fee, and near the range of long
    public void TryParse_RefusesAnythingButAPlainDecimal(string? text)
    {
        Assert.False(WanYuan.TryParse(text, out var value));
        Assert.Equal(default, value);
    }

    [Fact]
    public void Parse_WhenRefused_ThrowsFormatExceptionNamingTheText()
    {
        var ex = Assert.Throws<FormatException>(() => WanYuan.Parse("1.2345678"));

        Assert.Contains("'1.2345678'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_OfANegativeAmount_KeepsTheSign()
    {
        // Only reachable through code (the parser refuses signs); R0 reports it.
        Assert.Equal("-0.5", new WanYuan(-500_000).ToString());
    }
}
