using Disclosure.Domain.Agencies;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Serialization;

namespace Disclosure.Domain.Tests;

public sealed class ReportPublishingTests
{
    private static readonly DateTimeOffset _firstAt = new(2024, 1, 20, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset _secondAt = new(2024, 3, 1, 15, 30, 0, TimeSpan.FromHours(8));

    [Fact]
    public void PublishAsPrinted_FirstTime_MakesVersion1CurrentAndPublished()
    {
        var report = Hongze2023();

        var version = report.PublishAsPrinted(Samples.Report(Samples.Hongze2023), ReportOrigin.Imported, "hongze-2023.pdf", _firstAt);

        Assert.Same(version, report.CurrentVersion);
        Assert.Equal([version], report.Versions);
        Assert.Equal(1, version.Number);
        Assert.Equal(ReportStatus.Published, version.Status);
        Assert.Equal(_firstAt, version.PublishedAt);
        Assert.Equal(ReportOrigin.Imported, version.Origin);
        Assert.Equal("hongze-2023.pdf", version.Source);
        Assert.Null(version.CorrectionNote);
        Assert.Null(version.ReplacesVersionId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void PublishAsPrinted_AgainWithoutACorrectionNote_IsRefusedAndChangesNothing(string? note)
    {
        var report = Hongze2023();
        var first = report.PublishAsPrinted(Samples.Report(Samples.Hongze2023), ReportOrigin.Imported, null, _firstAt);

        Assert.Throws<ReportWorkflowException>(() =>
            report.PublishAsPrinted(Samples.Report(Samples.Hongze2023), ReportOrigin.Imported, null, _secondAt, note));

        Assert.Same(first, report.CurrentVersion);
        Assert.Equal([first], report.Versions);
        Assert.Equal(ReportStatus.Published, first.Status);
    }

    [Fact]
    public void PublishAsPrinted_AgainWithANote_CreatesVersion2AndSupersedesVersion1()
    {
        var report = Hongze2023();
        var first = report.PublishAsPrinted(Samples.Report(Samples.Hongze2023), ReportOrigin.Imported, null, _firstAt);
        var corrected = Samples.Report(Samples.Hongze2023);
        corrected.Reviews["administrative_review", "total"] = CellValue.Of(11);

        var second = report.PublishAsPrinted(corrected, ReportOrigin.Imported, null, _secondAt, "  表四行政复议总计更正为11。 ");

        Assert.Equal(2, second.Number);
        Assert.Same(second, report.CurrentVersion);
        Assert.Equal([first, second], report.Versions);
        Assert.Equal(ReportStatus.Superseded, first.Status);
        Assert.Equal(ReportStatus.Published, second.Status);
        Assert.Equal("表四行政复议总计更正为11。", second.CorrectionNote);
        Assert.Null(first.CorrectionNote);
        Assert.Equal(_firstAt, first.PublishedAt);
        Assert.Equal(_secondAt, second.PublishedAt);

        // The superseded version still holds what was first printed.
        Assert.Equal(0, first.ToDocument("hongze-district").Reviews.Number("administrative_review", "total"));
        Assert.Equal(11, second.ToDocument("hongze-district").Reviews.Number("administrative_review", "total"));
    }

    [Fact]
    public void PublishAsPrinted_AThirdTime_SupersedesOnlyTheCurrentVersion()
    {
        var report = Hongze2023();
        var first = report.PublishAsPrinted(Samples.Report(Samples.Hongze2023), ReportOrigin.Imported, null, _firstAt);
        var second = report.PublishAsPrinted(Samples.Report(Samples.Hongze2023), ReportOrigin.Imported, null, _secondAt, "更正一");

        var third = report.PublishAsPrinted(Samples.Report(Samples.Hongze2023), ReportOrigin.Imported, null, _secondAt.AddDays(1), "更正二");

        Assert.Equal(3, third.Number);
        Assert.Equal(
            [ReportStatus.Superseded, ReportStatus.Superseded, ReportStatus.Published],
            new[] { first, second, third }.Select(v => v.Status));
    }

    [Fact]
    public void PublishAsPrinted_AnotherAgencysReport_IsRefused()
    {
        var report = Hongze2023();

        Assert.Throws<ArgumentException>(() =>
            report.PublishAsPrinted(Samples.Report(Samples.Pingtan2021), ReportOrigin.Imported, null, _firstAt));
        Assert.Empty(report.Versions);
        Assert.Null(report.CurrentVersion);
    }

    [Fact]
    public void PublishAsPrinted_AnotherYearsReport_IsRefused()
    {
        var report = new Report(new Agency("hongze-district", "淮安市洪泽区人民政府", AgencyLevel.CountyGovernment), 2024);

        Assert.Throws<ArgumentException>(() =>
            report.PublishAsPrinted(Samples.Report(Samples.Hongze2023), ReportOrigin.Imported, null, _firstAt));
    }

    [Theory]
    [MemberData(nameof(Samples.AllJson), MemberType = typeof(Samples))]
    public void ToDocument_OfAPublishedVersion_GivesBackTheSameCanonicalJson(string sample)
    {
        var content = Samples.Report(sample);
        var report = new Report(new Agency(content.Agency.Slug, content.Agency.Name, AgencyLevel.CountyGovernment), content.Year);

        var version = report.PublishAsPrinted(content, ReportOrigin.Demo, null, _firstAt);

        Assert.Equal(Samples.Text(sample), CanonicalJson.Write(version.ToDocument(content.Agency.Slug)));
    }

    [Fact]
    public void StoredCells_LeaveBlanksOut()
    {
        var content = Samples.Report(Samples.Shanghai2019);
        var report = new Report(new Agency("shanghai-govoffice", content.Agency.Name, AgencyLevel.ProvincialDepartment), 2019);

        var version = report.PublishAsPrinted(content, ReportOrigin.Imported, null, _firstAt);

        // 2019 layout: 22 cells in table 二, 23 × 7 in table 三, 15 in table 四; 135 of them blank.
        Assert.Equal(22 + (23 * 7) + 15 - 135, version.Cells.Count);
    }

    private static Report Hongze2023() =>
        new(new Agency("hongze-district", "淮安市洪泽区人民政府", AgencyLevel.CountyGovernment), 2023);
}
