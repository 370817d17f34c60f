using AngleSharp.Dom;
using Disclosure.Domain.Audit;
using Disclosure.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Disclosure.Web.Tests.StaffEntry.StaffClient;

namespace Disclosure.Web.Tests.StaffEntry;

/// <summary>The steps the staff tests share, each through the pages a person would use.</summary>
public static class StaffJourney
{
    /// <summary>1 new application from a 自然人, answered under （六）3.其他 — 中卫's 2023 figures, which balance (R1).</summary>
    public static readonly Dictionary<string, string> Balanced = new()
    {
        ["Cells[new.natural_person]"] = "1",
        ["Cells[other_3.natural_person]"] = "1",
        ["Cells[carried_forward.natural_person]"] = "0",
    };

    public static string WorkflowForm(string action, string year = "2024") => $"form[action='/admin/reports/zhongwei-commerce/{year}/{action}']";

    public static async Task<IDocument> StartAsync(StaffClient editor, string url = Base)
    {
        var page = await editor.SubmitAsync(url, "form[action$='/start']", []);
        Assert.Equal("已新建报告草稿。", page.Flash());
        return page;
    }

    public static async Task<IDocument> SaveTableAsync(StaffClient staff, int table, Dictionary<string, string> cells, string url = Base)
    {
        var page = await staff.SubmitAsync($"{url}/table/{table}", "form.table-form", cells);
        Assert.True(page.Flash() == "已保存。", "not saved: " + string.Join(" | ", page.QuerySelectorAll(".error-summary li, .conflict").Select(e => e.Text())));
        return page;
    }

    public static async Task<IDocument> WorkflowAsync(StaffClient staff, string action, string done, Dictionary<string, string>? fields = null, string url = Base)
    {
        var year = url[^4..];
        var page = await staff.SubmitAsync(url, WorkflowForm(action, year), fields ?? []);
        Assert.True(page.Flash() == done, $"{action}: {page.Flash(error: true) ?? page.Flash()}");
        return page;
    }

    /// <summary>Publishes a correction of 中卫 2023 that carries 2 applications from 自然人 forward into 2024 (the Administrator corrects, submits and publishes; the Reviewer approves).</summary>
    public static async Task CorrectZhongwei2023ToCarryTwoForwardAsync(StaffClient admin, StaffClient reviewer)
    {
        const string url = "/admin/reports/zhongwei-commerce/2023";
        await WorkflowAsync(admin, "correction", "已发起更正：请修改后提交审核，发布后将替换当前版本。", new() { ["note"] = "补录 2 件年底收到、次年办结的申请。" }, url);
        await SaveTableAsync(admin, 3, new() { ["Cells[new.natural_person]"] = "3", ["Cells[carried_forward.natural_person]"] = "2" }, url);
        await WorkflowAsync(admin, "submit", "已提交审核。", url: url);
        await WorkflowAsync(reviewer, "approve", "已审核通过。", url: url);
        await WorkflowAsync(admin, "publish", "已发布，公众现在可以看到本报告。", url: url);
    }

    public static async Task<List<AuditEntry>> AuditAsync(PortalFactory factory, AuditAction action)
    {
        List<AuditEntry> entries = [];
        await factory.WithDbAsync(async db => entries = await db.AuditEntries.AsNoTracking().Where(e => e.Action == action).OrderBy(e => e.Id).ToListAsync());
        return entries;
    }
}
