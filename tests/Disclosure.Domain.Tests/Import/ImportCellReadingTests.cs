using Disclosure.Domain.Import;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;

namespace Disclosure.Domain.Tests.Import;

/// <summary>A figure copied from a page means what the same figure typed into the entry form means (<see cref="CellParser"/>).</summary>
public sealed class ImportCellReadingTests
{
    private static ImportResult WithNewApplications(string cell)
    {
        var text = Samples.PageText(Samples.Zhongwei2023)
            .Replace("一、本年新收政府信息公开申请数量\t\t1\t", $"一、本年新收政府信息公开申请数量\t\t{cell}\t", StringComparison.Ordinal);
        return ReportTextParser.Parse(text);
    }

    [Theory]
    [InlineData("１２")]
    [InlineData("1,200")]
    [InlineData("3,985,758")]
    [InlineData("１，２００")]
    [InlineData("12 345")]
    public void Parse_CopiedFigure_ReadsAsTheEntryFormReadsIt(string cell)
    {
        var result = WithNewApplications(cell);

        var expected = CellParser.Read(cell, CellKind.Count);
        Assert.True(expected.IsValid);
        Assert.Equal(expected.Value, result.Report!.Applications[ApplicationsLayout.Rows.New, "natural_person"]);
        Assert.Equal(cell, Assert.Single(result.Cells, c => c is { Row: "new", Column: "natural_person" }).Printed);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("1,20")]
    public void Parse_CopiedFigureTheFormRefuses_IsAnErrorAtItsLine(string cell)
    {
        var result = WithNewApplications(cell);

        Assert.False(CellParser.Read(cell, CellKind.Count).IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal(57, error.LineNumber);
        Assert.Contains($"应为非负整数，找到“{cell}”", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CopiedFigurePastTheCellLimit_SaysTheLimit()
    {
        var result = WithNewApplications("1000000000001");

        var error = Assert.Single(result.Errors);
        Assert.Equal(57, error.LineNumber);
        Assert.Contains("应为不超过 1,000,000,000,000 的非负整数，找到“1000000000001”", error.Message, StringComparison.Ordinal);
    }
}
