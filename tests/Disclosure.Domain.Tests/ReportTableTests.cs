using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;

namespace Disclosure.Domain.Tests;

public sealed class ReportTableTests
{
    [Fact]
    public void NewTable_IsAllBlank()
    {
        var table = new ReportTable(ApplicationsLayout.Format2021);

        Assert.Equal(25 * 7, table.BlankCount);
        Assert.All(table.Cells, c => Assert.True(c.Value.IsBlank));
        Assert.True(table["new", "total"].IsBlank);
    }

    [Fact]
    public void SettingACell_KeepsItAndSettingBlank_RemovesIt()
    {
        var table = new ReportTable(ApplicationsLayout.Format2021);

        table["new", "total"] = CellValue.Of(0);
        Assert.Equal(0, table.Number("new", "total"));
        Assert.Equal(25 * 7 - 1, table.BlankCount);

        table["new", "total"] = CellValue.Blank;
        Assert.Null(table.Number("new", "total"));
        Assert.Equal(25 * 7, table.BlankCount);
    }

    [Theory]
    [InlineData("other", "total")] // the single （六） row does not exist in the 2021 layout
    [InlineData("new", "legal_person")]
    [InlineData("New", "total")]
    [InlineData("", "")]
    public void UnknownRowOrColumn_IsRefused_OnReadAndWrite(string row, string column)
    {
        var table = new ReportTable(ApplicationsLayout.Format2021);

        Assert.Throws<KeyNotFoundException>(() => table[row, column]);
        Assert.Throws<KeyNotFoundException>(() => table[row, column] = CellValue.Of(1));
    }

    [Fact]
    public void AColumnOfAnotherRow_IsRefused()
    {
        // 2019 table 二: fees have no 处理决定数量.
        var table = new ReportTable(ProactiveLayout.Format2019);

        Assert.Throws<KeyNotFoundException>(() => table["fees", "decisions"] = CellValue.Of(1));
        table["licensing", "decisions"] = CellValue.Of(1);
        Assert.Equal(1, table.Number("licensing", "decisions"));
    }

    [Theory]
    [InlineData("licensing", "decisions")]
    [InlineData("fees", "amount_wan_yuan")]
    public void TextInANumberColumn_IsRefused(string row, string column)
    {
        var table = new ReportTable(ProactiveLayout.Format2021);

        Assert.Throws<ArgumentException>(() => table[row, column] = CellValue.OfText("13件"));
        Assert.True(table[row, column].IsBlank);
    }

    [Fact]
    public void TextInATextColumn_IsKeptAsPrinted()
    {
        var table = new ReportTable(ProactiveLayout.Format2019);

        table["procurement", "amount"] = CellValue.OfText("251000元");

        Assert.Equal("251000元", table["procurement", "amount"].Format(CellKind.Text));
    }

    [Fact]
    public void Cells_AreInPrintedOrder()
    {
        var table = new ReportTable(ReviewsLayout.Layout);

        Assert.Equal(
            ["administrative_review.upheld", "administrative_review.corrected", "administrative_review.other",
             "administrative_review.pending", "administrative_review.total", "litigation_direct.upheld"],
            table.Cells.Take(6).Select(c => $"{c.Row}.{c.Column}"));
        Assert.Equal(15, table.Cells.Count());
    }
}
