using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using Disclosure.Domain.Serialization;
using Disclosure.Testing;
using Disclosure.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Tests;

/// <summary>An office with two years: the trends page draws one chart per figure, titled above, with the table beside.</summary>
public sealed class TrendsChartsTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.WithDbAsync(async db =>
    {
        // 洪泽区 2022: the 2023 report with one more application from a natural person.
        var agency = await db.Agencies.SingleAsync(a => a.Slug == "hongze-district");
        if (await db.Reports.AnyAsync(r => r.AgencyId == agency.Id && r.Year == 2022))
        {
            return;
        }

        var json = Fixtures.Json(Fixtures.Hongze2023).Replace("\"year\": 2023", "\"year\": 2022", StringComparison.Ordinal);
        var content = CanonicalJson.Read(json);
        var table = content.Applications;
        foreach (var column in new[] { ApplicationsLayout.Columns.NaturalPerson, ApplicationsLayout.Columns.Total })
        {
            table[ApplicationsLayout.Rows.New, column] = CellValue.Of(table.Number(ApplicationsLayout.Rows.New, column)!.Value + 1);
        }

        var report = new Report(agency, 2022);
        report.PublishAsPrinted(content, ReportOrigin.Imported, "test", DateTimeOffset.Parse("2023-01-20T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        db.Reports.Add(report);
        await db.SaveChangesAsync();
    });

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Trends_DrawAnSvgChartPerFigure_TitledAbove_WithTheDataTableBeside()
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync("/agencies/hongze-district/trends");
        Assert.Contains("2022—2023年度报告的主要数据", page.QuerySelector("#trends-lead")!.TextContent, StringComparison.Ordinal);
        var figures = page.QuerySelectorAll("figure.chart-figure");
        Assert.Equal(4, figures.Length);
        Assert.All(figures, figure =>
        {
            Assert.Equal("FIGCAPTION", figure.FirstElementChild!.TagName); // the title above the chart
            var svg = figure.QuerySelector("svg[role=img]")!;
            Assert.False(string.IsNullOrWhiteSpace(svg.QuerySelector("title")?.TextContent));
            Assert.Contains("2022", svg.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("2023", svg.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
        });
        var description = page.QuerySelector("#chart-new-desc")!.TextContent;
        Assert.Contains("2022 22", description, StringComparison.Ordinal);
        Assert.Contains("2023 21", description, StringComparison.Ordinal);
        var row = page.QuerySelector("#trends-table tr[data-year='2023']")!;
        Assert.Equal("21", row.QuerySelectorAll("td")[0].Text());
        Assert.Contains("-1", row.QuerySelectorAll("td")[1].Text().Replace('−', '-'), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("script"));
    }
}
