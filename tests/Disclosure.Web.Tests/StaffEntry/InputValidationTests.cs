using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using Disclosure.Web.Tests.Infrastructure;
using static Disclosure.Web.Tests.StaffEntry.StaffClient;

namespace Disclosure.Web.Tests.StaffEntry;

/// <summary>
/// The Editor of 中卫市商务局 typing bad values into the 2024 draft: each message lands at its own field, in Chinese,
/// with what was typed shown back, and nothing is saved.
/// </summary>
[Collection(PortalCollections.Staff)]
public sealed class InputValidationTests(PortalFactory portal) : PortalTest(portal)
{
    private readonly PortalFactory _factory = portal;

    [Theory]
    [InlineData(3, "new", "natural_person", "-1", "件数不能为负数。")]
    [InlineData(3, "new", "natural_person", "abc", "请填写整数，如 12；无数据请留空。")]
    [InlineData(3, "granted", "commercial", "99999999999999", "数值过大（最大 1,000,000,000,000）。")]
    [InlineData(3, "carried_forward", "other_org", "1.5", "请填写整数（件数没有小数）。")]
    [InlineData(2, "licensing", "decisions", "1.5", "请填写整数（件数没有小数）。")]
    [InlineData(2, "fees", "amount_wan_yuan", "1.1234567", "金额最多保留 6 位小数（单位：万元）。")]
    [InlineData(2, "fees", "amount_wan_yuan", "-3", "金额不能为负数。")]
    [InlineData(2, "fees", "amount_wan_yuan", "十二", "请填写金额（单位：万元），如 12.5；无数据请留空。")]
    [InlineData(2, "fees", "amount_wan_yuan", "1000000000000", "金额过大（整数部分最多 12 位，单位：万元）。")]
    [InlineData(4, "administrative_review", "upheld", "-1", "件数不能为负数。")]
    [InlineData(4, "litigation_direct", "pending", "x1", "请填写整数，如 12；无数据请留空。")]
    public async Task BadCell_IsRefusedAtThatCell_WithWhatWasTyped_AndTheDraftIsIntact(int table, string row, string column, string typed, string message)
    {
        using var editor = await StartDraftAsync();
        var url = $"{Base}/table/{table}";
        var id = StaffPages.CellId(row, column);

        // A good value first, saved, so that "intact" can be seen.
        var saved = await editor.SubmitAsync(url, "form.table-form", new() { [$"Cells[{row}.{column}]"] = "7" });
        Assert.Equal("已保存。", saved.Flash());
        var revision = saved.Revision();
        var neighbour = row == "new" ? ("granted", "natural_person") : ("new", "natural_person");
        var neighbourKey = $"Cells[{neighbour.Item1}.{neighbour.Item2}]";

        var page = await editor.SubmitAsync(saved, "form.table-form", new() { [$"Cells[{row}.{column}]"] = typed, [neighbourKey] = "4" });

        AssertFieldError(page, id, message);
        Assert.Equal(typed, page.Value(id));
        Assert.Equal("true", page.GetElementById(id)!.GetAttribute("aria-invalid"));
        Assert.Equal("4", page.QuerySelector<IHtmlInputElement>($"input[name='{neighbourKey}']")?.Value ?? "4"); // table 三 only has the neighbour
        var summaryLink = page.QuerySelector($".error-summary a[href='#{id}']");
        Assert.NotNull(summaryLink);

        // The summary says which cell: its row and column as printed, then the message.
        var layoutRow = ReportLayout.For(ReportFormat.Format2021).Table((ReportTableId)table).Rows.Single(r => r.Key == row);
        Assert.EndsWith("：" + message, summaryLink.Text(), StringComparison.Ordinal);
        Assert.Contains(layoutRow.Label, summaryLink.Text(), StringComparison.Ordinal);
        Assert.Contains(layoutRow.Columns.Single(c => c.Key == column).Label, summaryLink.Text(), StringComparison.Ordinal);

        var reopened = await editor.GetAsync(url);
        Assert.Equal("7", reopened.Value(id));
        Assert.Equal(revision, reopened.Revision());
    }

    [Fact]
    public async Task BlankCells_AreAccepted_AndStayBlank_NotZero()
    {
        using var editor = await StartDraftAsync();
        var page = await editor.SubmitAsync($"{Base}/table/3", "form.table-form", new()
        {
            ["Cells[new.natural_person]"] = "3",
            ["Cells[new.commercial]"] = "",
            ["Cells[new.research]"] = "   ",
        });

        Assert.Equal("已保存。", page.Flash());
        Assert.Empty(page.QuerySelectorAll(".error-message"));
        Assert.Equal("", page.Value(StaffPages.CellId("new", "commercial")));
        Assert.Equal("", page.Value(StaffPages.CellId("new", "research")));
        Assert.Equal("3", page.Output("new", "total"));
        Assert.Equal("", page.Output("granted", "total"));
    }

    [Fact]
    public async Task FullWidthDigits_AreReadAsNumbers()
    {
        using var editor = await StartDraftAsync();
        var page = await editor.SubmitAsync($"{Base}/table/3", "form.table-form", new() { ["Cells[new.natural_person]"] = "１２" });

        Assert.Equal("已保存。", page.Flash());
        Assert.Equal("12", page.Value(StaffPages.CellId("new", "natural_person")));
    }

    [Theory]
    [InlineData("1,200", "1200")]
    [InlineData("１，２００", "1200")]
    [InlineData("12,345,678", "12345678")]
    [InlineData("3 985 758", "3985758")]
    public Task ThousandsSeparators_AreReadAsNumbers(string typed, string stored) =>
        AssertSavedAsAsync(3, "new", "natural_person", typed, stored);

    /// <summary>An amount typed as the importer reads it from a page: with separators, full-width, or with its unit.</summary>
    [Theory]
    [InlineData("12.5万元", "12.5")]
    [InlineData("１，２３４．５", "1234.5")]
    public Task Amounts_AreReadAsTheImporterReadsThem(string typed, string stored) =>
        AssertSavedAsAsync(2, "fees", "amount_wan_yuan", typed, stored);

    private async Task AssertSavedAsAsync(int table, string row, string column, string typed, string stored)
    {
        using var editor = await StartDraftAsync();
        var page = await editor.SubmitAsync($"{Base}/table/{table}", "form.table-form", new() { [$"Cells[{row}.{column}]"] = typed });

        Assert.Equal("已保存。", page.Flash());
        Assert.Equal(stored, page.Value(StaffPages.CellId(row, column)));
    }

    [Fact]
    public async Task AMisplacedSeparator_IsStillAMistake()
    {
        using var editor = await StartDraftAsync();
        var page = await editor.SubmitAsync($"{Base}/table/3", "form.table-form", new() { ["Cells[new.natural_person]"] = "1,20" });

        AssertFieldError(page, StaffPages.CellId("new", "natural_person"), "请填写整数，如 12；无数据请留空。");
    }

    [Theory]
    [InlineData("2025-01-20", "2025-01-20")]
    [InlineData("2025-1-5", "2025-01-05")]
    [InlineData("2025/1/20", "2025-01-20")]
    [InlineData("2025年1月20日", "2025-01-20")]
    [InlineData("２０２５－０１－２０", "2025-01-20")]
    public async Task PublicationDate_IsReadAsClerksWriteIt(string typed, string stored)
    {
        using var editor = await StartDraftAsync();
        var page = await editor.SubmitAsync($"{Base}/metadata", "form.form", new() { ["PublishedOn"] = typed });

        Assert.Equal("已保存。", page.Flash());
        Assert.Equal(stored, (await editor.GetAsync($"{Base}/metadata")).Value("f-PublishedOn"));
    }

    [Fact]
    public async Task AFiveDigitYear_IsRefusedAtTheDate_AndTheFieldIsPlainText()
    {
        using var editor = await StartDraftAsync();
        var form = await editor.GetAsync($"{Base}/metadata");
        Assert.Equal("text", form.GetElementById("f-PublishedOn")!.GetAttribute("type"));
        Assert.Contains("2025年1月31日", form.GetElementById("f-PublishedOn-hint")?.TextContent ?? form.Body!.TextContent, StringComparison.Ordinal);

        var page = await editor.SubmitAsync(form, "form.form", new() { ["PublishedOn"] = "31231-01-20" });

        AssertFieldError(page, "f-PublishedOn", "日期格式应为 年-月-日，如 2025-01-20。");
        Assert.Equal("31231-01-20", page.Value("f-PublishedOn"));
    }

    [Theory]
    [InlineData("", "请填写报告标题。")]
    [InlineData("   ", "请填写报告标题。")]
    [InlineData("LONG", "标题最多 300 个字。")]
    public async Task BadTitle_IsRefusedAtTheTitle(string typed, string message)
    {
        using var editor = await StartDraftAsync();
        if (typed == "LONG")
        {
            typed = new string('报', 301);
        }

        var before = await editor.GetAsync($"{Base}/metadata");
        var title = before.Value("f-Title");
        var revision = before.Revision();

        var page = await editor.SubmitAsync(before, "form.form", new() { ["Title"] = typed });

        AssertFieldError(page, "f-Title", message);
        Assert.Equal(typed, page.Value("f-Title"));
        var reopened = await editor.GetAsync($"{Base}/metadata");
        Assert.Equal(title, reopened.Value("f-Title"));
        Assert.Equal(revision, reopened.Revision());
    }

    [Fact]
    public async Task BadPublicationDate_IsRefusedAtTheDate()
    {
        using var editor = await StartDraftAsync();
        var page = await editor.SubmitAsync($"{Base}/metadata", "form.form", new() { ["PublishedOn"] = "2019-01-20" });

        AssertFieldError(page, "f-PublishedOn", "发布日期应在 2024 年或 2025 年。");
        Assert.Equal("2019-01-20", page.Value("f-PublishedOn"));
    }

    [Theory]
    [InlineData("Preamble", "f-Preamble")]
    [InlineData("Problems", "f-Problems")]
    [InlineData("Overview[1].Body", "f-Overview-1-Body")]
    public async Task SectionOverTheLimit_IsRefusedAtThatSection(string field, string id)
    {
        using var editor = await StartDraftAsync();
        var before = await editor.GetAsync($"{Base}/sections");
        var revision = before.Revision();
        var text = new string('文', 100_001);

        var page = await editor.SubmitAsync(before, "form.form", new() { [field] = text, ["Other"] = "六、其他：本次不应保存" });

        AssertFieldError(page, id, "最多 100000 个字，当前 100001 个字。");
        Assert.Equal(text, page.Value(id));
        Assert.Equal("六、其他：本次不应保存", page.Value("f-Other"));
        var reopened = await editor.GetAsync($"{Base}/sections");
        Assert.Equal(revision, reopened.Revision());
        Assert.NotEqual("六、其他：本次不应保存", reopened.Value("f-Other"));
    }

    internal static void AssertFieldError(IDocument page, string id, string message)
    {
        var input = page.GetElementById(id);
        Assert.True(input is not null, $"no #{id}; errors: {string.Join(" | ", page.QuerySelectorAll(".error-message").Select(e => e.Text()))}");
        var describedBy = (input.GetAttribute("aria-describedby") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(id + "-error", describedBy);
        var error = page.GetElementById(id + "-error");
        Assert.NotNull(error);
        Assert.Equal(message, error.Text().Replace("错误：", "", StringComparison.Ordinal));
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
    }

    private async Task<StaffClient> StartDraftAsync()
    {
        var editor = await SignInAsync(_factory, Editor);
        var workspace = await editor.SubmitAsync(Base, $"form[action='{Base}/start']", []);
        Assert.Equal("已新建报告草稿。", workspace.Flash());
        return editor;
    }
}
