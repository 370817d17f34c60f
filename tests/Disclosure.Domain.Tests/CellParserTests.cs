using Disclosure.Domain.Reports;

namespace Disclosure.Domain.Tests;

/// <summary>The one reading of a cell's text, shared by the entry form and the importer.</summary>
public sealed class CellParserTests
{
    [Theory]
    [InlineData("12", 12)]
    [InlineData("１２", 12)] // full-width digits from a Chinese input method
    [InlineData(" 12 ", 12)]
    [InlineData("1,200", 1200)]
    [InlineData("１，２００", 1200)]
    [InlineData("3,985,758", 3_985_758)]
    [InlineData("12,345", 12_345)]
    [InlineData("3 985 758", 3_985_758)] // grouping by spaces, or a copy artefact
    [InlineData("007", 7)]
    [InlineData("0", 0)]
    [InlineData("1000000000000", CellValue.MaxCount)]
    public void Read_Count_ReadsTheNumberTyped(string text, long expected) =>
        Assert.Equal(new CellReading(CellValue.Of(expected), CellProblem.None), CellParser.Read(text, CellKind.Count));

    [Theory]
    [InlineData("-15", -15)]
    [InlineData("－15", -15)] // full-width minus
    [InlineData("−15", -15)] // the minus sign
    [InlineData("+3", 3)]
    [InlineData("-1,200", -1200)]
    [InlineData("-1000000000000", -CellValue.MaxCount)]
    public void Read_SignedCount_ReadsASign(string text, long expected) =>
        Assert.Equal(CellValue.Of(expected), CellParser.Read(text, CellKind.SignedCount).Value);

    [Theory]
    [InlineData("-1", nameof(CellProblem.Negative))]
    [InlineData("+3", nameof(CellProblem.NotAWholeNumber))]
    [InlineData("1.5", nameof(CellProblem.Decimals))]
    [InlineData("1,20", nameof(CellProblem.NotAWholeNumber))] // a misplaced separator stays a mistake
    [InlineData("1,2345", nameof(CellProblem.NotAWholeNumber))]
    [InlineData("abc", nameof(CellProblem.NotAWholeNumber))]
    [InlineData("—", nameof(CellProblem.NotAWholeNumber))] // a dash is not a blank: blank is an empty cell
    [InlineData("1e9", nameof(CellProblem.NotAWholeNumber))]
    [InlineData("1000000000001", nameof(CellProblem.TooLarge))] // one past the cell limit
    [InlineData("99999999999999999999999999", nameof(CellProblem.TooLarge))]
    public void Read_BadCount_SaysWhy(string text, string problem)
    {
        var reading = CellParser.Read(text, CellKind.Count);

        Assert.Equal(Enum.Parse<CellProblem>(problem), reading.Problem);
        Assert.True(reading.Value.IsBlank);
    }

    [Fact]
    public void Read_SignedCountPastTheLimit_IsTooLarge() =>
        Assert.Equal(CellProblem.TooLarge, CellParser.Read("-1000000000001", CellKind.SignedCount).Problem);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u3000")] // an ideographic space
    public void Read_Nothing_IsBlankNotZero(string? text)
    {
        foreach (var kind in Enum.GetValues<CellKind>())
        {
            Assert.Equal(new CellReading(CellValue.Blank, CellProblem.None), CellParser.Read(text, kind));
        }
    }

    [Fact]
    public void Read_Zero_IsZeroNotBlank()
    {
        Assert.Equal(CellValue.Of(0), CellParser.Read("0", CellKind.Count).Value);
        Assert.Equal(CellValue.Of(0), CellParser.Read("0", CellKind.WanYuan).Value);
    }

    [Theory]
    [InlineData("12.5", 12_500_000)]
    [InlineData("24252.311082", 24_252_311_082)]
    [InlineData("１２．５", 12_500_000)]
    [InlineData("12.5万元", 12_500_000)] // with its unit
    [InlineData("1,234.5", 1_234_500_000)]
    [InlineData("0.000001", 1)]
    [InlineData("999999999999.999999", 999_999_999_999_999_999)]
    public void Read_Amount_ReadsWanYuanExactly(string text, long fen) =>
        Assert.Equal(new CellReading(CellValue.Of(fen), CellProblem.None), CellParser.Read(text, CellKind.WanYuan));

    [Theory]
    [InlineData("-3", nameof(CellProblem.Negative))]
    [InlineData("-1.5", nameof(CellProblem.Negative))]
    [InlineData("1.1234567", nameof(CellProblem.TooManyDecimals))]
    [InlineData("1000000000000", nameof(CellProblem.TooLarge))] // 13 whole digits
    [InlineData("十二", nameof(CellProblem.NotAnAmount))]
    [InlineData("1.2.3", nameof(CellProblem.NotAnAmount))]
    [InlineData("1,23", nameof(CellProblem.NotAnAmount))]
    [InlineData("万元", nameof(CellProblem.NotAnAmount))]
    public void Read_BadAmount_SaysWhy(string text, string problem) =>
        Assert.Equal(Enum.Parse<CellProblem>(problem), CellParser.Read(text, CellKind.WanYuan).Problem);

    [Fact]
    public void Read_Text_KeepsTheUnitAndDropsWhitespace()
    {
        Assert.Equal(CellValue.OfText("251000元"), CellParser.Read(" 251000 元 ", CellKind.Text).Value);
        Assert.Equal(CellValue.OfText("251000元"), CellParser.Read("２５１０００元", CellKind.Text).Value);
        Assert.Equal(CellProblem.TooLong, CellParser.Read(new string('元', StoredCell.TextMaxLength + 1), CellKind.Text).Problem);
    }

    [Theory]
    [InlineData("１，２００", "1200")]
    [InlineData("1 200", "1200")]
    [InlineData("1,20", "1,20")]
    [InlineData("  ", null)]
    public void Canonical_TextsThatReadTheSame_CompareEqual(string text, string? canonical) =>
        Assert.Equal(canonical, CellParser.Canonical(text, CellKind.Count));
}
