using Disclosure.Domain.Audit;
using Disclosure.Web.Tests.Infrastructure;
using static Disclosure.Web.Tests.StaffEntry.StaffClient;
using static Disclosure.Web.Tests.StaffEntry.StaffJourney;

namespace Disclosure.Web.Tests.StaffEntry;

[Collection(PortalCollections.Staff)]
public sealed class SavingTests(PortalFactory portal) : PortalTest(portal)
{
    private readonly PortalFactory _factory = portal;

    [Fact]
    public async Task Start_PrefillsCarriedOver_FromLastYearsCarriedForward()
    {
        using (var admin = await SignInAsync(_factory, AdminEmail))
        using (var reviewer = await SignInAsync(_factory, Reviewer))
        {
            await CorrectZhongwei2023ToCarryTwoForwardAsync(admin, reviewer);
        }

        using var editor = await SignInAsync(_factory, Editor);
        await StartAsync(editor);
        var table = await editor.GetAsync($"{Base}/table/3");

        Assert.Equal("2", table.Value(StaffPages.CellId("carried_over", "natural_person")));
        Assert.Equal("0", table.Value(StaffPages.CellId("carried_over", "commercial")));
        Assert.Equal("2", table.Output("carried_over", "total"));
        Assert.Contains("2023 年度报告", table.QuerySelector("p.hint")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidSave_ComputesTheTotals_AndTheAuditSaysWhatChanged()
    {
        using var editor = await SignInAsync(_factory, Editor);
        await StartAsync(editor);

        var t3 = await SaveTableAsync(editor, 3, new()
        {
            ["Cells[new.natural_person]"] = "3",
            ["Cells[new.commercial]"] = "2",
            ["Cells[granted.natural_person]"] = "1",
            ["Cells[other_3.natural_person]"] = "2",
            ["Cells[other_3.commercial]"] = "2",
        });
        Assert.Equal("5", t3.Output("new", "total"));
        Assert.Equal("3", t3.Output("total_processed", "natural_person"));
        Assert.Equal("2", t3.Output("total_processed", "commercial"));
        Assert.Equal("5", t3.Output("total_processed", "total"));
        Assert.Equal("", t3.Output("total_processed", "research"));

        var t4 = await SaveTableAsync(editor, 4, new() { ["Cells[administrative_review.upheld]"] = "1", ["Cells[administrative_review.corrected]"] = "2" });
        Assert.Equal("3", t4.QuerySelector("output[data-row='administrative_review'][data-col='total']")!.Text());

        var saves = await AuditAsync(_factory, AuditAction.ReportSaved);
        Assert.Equal(2, saves.Count);
        // Cells by their printed labels, never by keys.
        Assert.Contains("表三 一、本年新收政府信息公开申请数量·自然人 空白→3", saves[0].Details, StringComparison.Ordinal);
        Assert.Contains("·总计 空白→5", saves[0].Details, StringComparison.Ordinal);
        Assert.DoesNotContain("new.natural_person", saves[0].Details, StringComparison.Ordinal);
        Assert.DoesNotContain("表四", saves[0].Details, StringComparison.Ordinal);
        Assert.StartsWith("表四 ", saves[1].Details, StringComparison.Ordinal);
        Assert.Contains("行政复议", saves[1].Details, StringComparison.Ordinal);
        Assert.DoesNotContain("administrative_review", saves[1].Details, StringComparison.Ordinal);
        Assert.All(saves, s => Assert.Equal("中卫市商务局填报人（演示）（editor@demo.local）", s.UserName));

        var sections = await editor.SubmitAsync($"{Base}/sections", "form.form", new() { ["Problems"] = "问题与改进。" });
        Assert.Equal("已保存。", sections.Flash());
        Assert.Equal("正文：五、存在的主要问题及改进情况", (await AuditAsync(_factory, AuditAction.ReportSaved))[^1].Details);
    }

    [Theory]
    [InlineData(3, "Cells[new.total]")]
    [InlineData(3, "Cells[total_processed.natural_person]")]
    [InlineData(4, "Cells[administrative_review.total]")]
    [InlineData(3, "Cells[no_such_row.natural_person]")]
    public async Task PostingAComputedTotal_IsRefusedWithAMessage_AndNothingIsSaved(int table, string key)
    {
        using var editor = await SignInAsync(_factory, Editor);
        await StartAsync(editor);
        var form = await editor.GetAsync($"{Base}/table/{table}");
        var revision = form.Revision();

        var page = await editor.SubmitAsync(form, "form.table-form", new() { [key] = "99", ["Cells[new.natural_person]"] = "1" });

        var summary = page.QuerySelector(".error-summary");
        Assert.NotNull(summary);
        Assert.Contains("表中没有这个可填写的单元格。", summary.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("99", string.Join(" ", page.QuerySelectorAll("output").Select(o => o.Text())), StringComparison.Ordinal);
        Assert.Equal(revision, (await editor.GetAsync($"{Base}/table/{table}")).Revision());
    }

    [Fact]
    public async Task ConcurrentSaves_OfDifferentCells_AreMerged_AndNeitherIsReverted()
    {
        using var editor = await SignInAsync(_factory, Editor);
        await StartAsync(editor);
        using var admin = await SignInAsync(_factory, AdminEmail);
        var editorForm = await editor.GetAsync($"{Base}/table/3");
        var adminForm = await admin.GetAsync($"{Base}/table/3");
        Assert.Equal(editorForm.Revision(), adminForm.Revision());

        var saved = await editor.SubmitAsync(editorForm, "form.table-form", new() { ["Cells[new.natural_person]"] = "5" });
        Assert.Equal("已保存。", saved.Flash());

        var merged = await admin.SubmitAsync(adminForm, "form.table-form", new() { ["Cells[new.commercial]"] = "7" });

        Assert.Null(merged.QuerySelector(".conflict"));
        Assert.StartsWith("已保存。在您填写期间别处保存的 1 处修改已一并保留：表三 一、本年新收政府信息公开申请数量·自然人：空白→5", merged.Flash(), StringComparison.Ordinal);
        var stored = await editor.GetAsync($"{Base}/table/3");
        Assert.Equal("7", stored.Value(StaffPages.CellId("new", "commercial")));
        Assert.Equal("5", stored.Value(StaffPages.CellId("new", "natural_person")));
    }

    [Fact]
    public async Task ConcurrentSaves_OfTheSameCell_AskOnlyForThatCell_AndTheNextSaveDecides()
    {
        using var editor = await SignInAsync(_factory, Editor);
        await StartAsync(editor);
        using var admin = await SignInAsync(_factory, AdminEmail);
        var editorForm = await editor.GetAsync($"{Base}/table/3");
        var adminForm = await admin.GetAsync($"{Base}/table/3");

        var saved = await editor.SubmitAsync(editorForm, "form.table-form", new() { ["Cells[new.natural_person]"] = "5", ["Cells[new.research]"] = "2" });
        Assert.Equal("已保存。", saved.Flash());

        var conflict = await admin.SubmitAsync(adminForm, "form.table-form", new() { ["Cells[new.natural_person]"] = "6", ["Cells[new.commercial]"] = "7" });

        var panel = conflict.QuerySelector(".conflict");
        Assert.NotNull(panel);
        Assert.Equal("alert", panel.GetAttribute("role"));
        Assert.Contains("有 1 处别处也改过", panel.Text(), StringComparison.Ordinal);
        Assert.Contains("表三 一、本年新收政府信息公开申请数量·自然人：别处保存为 5，您填写的是 6", panel.Text(), StringComparison.Ordinal);
        Assert.Contains("中卫市商务局填报人（演示）", panel.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("new.natural_person", panel.Text(), StringComparison.Ordinal);
        Assert.Null(conflict.Flash());
        Assert.Equal("6", conflict.Value(StaffPages.CellId("new", "natural_person"))); // the clash keeps what this user typed
        Assert.Equal("7", conflict.Value(StaffPages.CellId("new", "commercial")));     // this user's other change is kept
        Assert.Equal("2", conflict.Value(StaffPages.CellId("new", "research")));       // the other save is taken in
        Assert.NotNull(conflict.QuerySelector("td.has-clash #" + StaffPages.CellId("new", "natural_person")));
        Assert.Equal(saved.Revision(), conflict.Revision());
        var stored = await editor.GetAsync($"{Base}/table/3");
        Assert.Equal("5", stored.Value(StaffPages.CellId("new", "natural_person")));
        Assert.Equal("", stored.Value(StaffPages.CellId("new", "commercial")));

        var second = await admin.SubmitAsync(conflict, "form.table-form", []);

        Assert.Equal("已保存。", second.Flash());
        Assert.Equal("6", second.Value(StaffPages.CellId("new", "natural_person")));
        Assert.Equal("7", second.Value(StaffPages.CellId("new", "commercial")));
        Assert.Equal("2", second.Value(StaffPages.CellId("new", "research")));
    }

    [Fact]
    public async Task ConcurrentSaves_OfDifferentParts_NeverConflict()
    {
        using var editor = await SignInAsync(_factory, Editor);
        await StartAsync(editor);
        using var admin = await SignInAsync(_factory, AdminEmail);
        var sectionsForm = await editor.GetAsync($"{Base}/sections");
        var reviewsForm = await admin.GetAsync($"{Base}/table/4");

        Assert.Equal("已保存。", (await admin.SubmitAsync(reviewsForm, "form.table-form", new() { ["Cells[administrative_review.upheld]"] = "1" })).Flash());
        var sections = await editor.SubmitAsync(sectionsForm, "form.form", new() { ["Problems"] = "问题与改进。" });

        Assert.Null(sections.QuerySelector(".conflict"));
        Assert.Equal("已保存。", sections.Flash());
        Assert.Equal("1", (await editor.GetAsync($"{Base}/table/4")).Value(StaffPages.CellId("administrative_review", "upheld")));
        Assert.Equal("问题与改进。", (await editor.GetAsync($"{Base}/sections")).Value("f-Problems"));
    }

    [Fact]
    public async Task ASaveFromAnotherTabOfTheSameUser_IsNotCalledSomeoneElse()
    {
        using var editor = await SignInAsync(_factory, Editor);
        await StartAsync(editor);
        var first = await editor.GetAsync($"{Base}/table/2");
        var second = await editor.GetAsync($"{Base}/table/2");

        Assert.Equal("已保存。", (await editor.SubmitAsync(first, "form.table-form", new() { ["Cells[licensing.decisions]"] = "15" })).Flash());
        var conflict = await editor.SubmitAsync(second, "form.table-form", new() { ["Cells[licensing.decisions]"] = "16" });

        var panel = conflict.QuerySelector(".conflict")!;
        Assert.Contains("您在另一个窗口或标签页也改过", panel.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("别人", panel.Text(), StringComparison.Ordinal);
        Assert.Contains("表二 行政许可·本年处理决定数量：别处保存为 15，您填写的是 16", panel.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConflictOnTheMetadataForm_KeepsTheTypedTitle()
    {
        using var editor = await SignInAsync(_factory, Editor);
        await StartAsync(editor);
        using var admin = await SignInAsync(_factory, AdminEmail);
        var editorForm = await editor.GetAsync($"{Base}/metadata");
        var adminForm = await admin.GetAsync($"{Base}/metadata");

        Assert.Equal("已保存。", (await editor.SubmitAsync(editorForm, "form.form", new() { ["Title"] = "填报人改的标题" })).Flash());
        var conflict = await admin.SubmitAsync(adminForm, "form.form", new() { ["Title"] = "管理员改的标题" });

        Assert.Contains("报告标题：别处保存为 填报人改的标题，您填写的是 管理员改的标题", conflict.QuerySelector(".conflict")!.Text(), StringComparison.Ordinal);
        Assert.Contains("基本信息：报告标题", conflict.QuerySelector(".conflict")!.Text(), StringComparison.Ordinal);
        Assert.Equal("管理员改的标题", conflict.Value("f-Title"));
        Assert.Equal("填报人改的标题", (await editor.GetAsync($"{Base}/metadata")).Value("f-Title"));
    }
}
