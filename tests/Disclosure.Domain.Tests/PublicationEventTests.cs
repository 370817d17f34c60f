using Disclosure.Domain.Agencies;
using Disclosure.Domain.Publication;
using Disclosure.Domain.Reports;

namespace Disclosure.Domain.Tests;

/// <summary>The aggregates say what changed for the public (ADR 0018): saving records these events and follows them.</summary>
public sealed class PublicationEventTests
{
    private static readonly DateTimeOffset _at = new(2024, 1, 20, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void ANewAgency_RaisesAgencyCreated_AndClearingForgetsIt()
    {
        var agency = new Agency("hongze-district", "淮安市洪泽区人民政府", AgencyLevel.CountyGovernment);

        var created = Assert.IsType<AgencyCreated>(Assert.Single(agency.PublicationEvents));
        Assert.Same(agency, created.Agency);
        agency.ClearPublicationEvents();
        Assert.Empty(agency.PublicationEvents);
    }

    [Fact]
    public void AnAgencyUpdate_RaisesAgencyChanged_OnlyWhenSomethingChanged()
    {
        var agency = new Agency("hongze-district", "淮安市洪泽区人民政府", AgencyLevel.CountyGovernment, address: "洪泽区东七街");
        agency.ClearPublicationEvents();

        Assert.Empty(agency.Update("hongze-district", "淮安市洪泽区人民政府", AgencyLevel.CountyGovernment, null, "洪泽区东七街", null, DateTimeOffset.UnixEpoch));
        agency.UpdateContact("洪泽区东七街", null);
        Assert.Empty(agency.PublicationEvents);

        agency.Update("hongze", "淮安市洪泽区人民政府", AgencyLevel.CountyGovernment, null, "洪泽区东七街", null, DateTimeOffset.UnixEpoch);
        agency.UpdateContact("洪泽区东七街1号", null);
        Assert.Equal(2, agency.PublicationEvents.OfType<AgencyChanged>().Count());
        Assert.Equal("洪泽区东七街1号", agency.Address);
    }

    [Fact]
    public void PublishingAndCorrecting_RaiseBecameCurrentAndSuperseded_InThatOrderOfMeaning()
    {
        var report = new Report(new Agency("hongze-district", "淮安市洪泽区人民政府", AgencyLevel.CountyGovernment), 2023);
        var first = report.PublishAsPrinted(Samples.Report(Samples.Hongze2023), ReportOrigin.Imported, null, _at);
        Assert.Equal([new VersionBecameCurrent(first)], report.PublicationEvents);
        report.ClearPublicationEvents();

        var second = report.PublishAsPrinted(Samples.Report(Samples.Hongze2023), ReportOrigin.Imported, null, _at.AddDays(1), "更正");

        Assert.Equal([new VersionSuperseded(first), new VersionBecameCurrent(second)], report.PublicationEvents);
    }

    [Fact]
    public void AWorkflowPublication_OfACorrection_SupersedesTheCurrentVersion()
    {
        var report = new Report(new Agency("hongze-district", "淮安市洪泽区人民政府", AgencyLevel.CountyGovernment), 2023);
        var first = report.PublishAsPrinted(Samples.Report(Samples.Hongze2023), ReportOrigin.Imported, null, _at);
        report.ClearPublicationEvents();
        var correction = report.StartCorrection("表四更正", _at);
        Assert.Empty(report.PublicationEvents);
        correction.Submit(null, _at);
        correction.Approve(new Approval("reviewer", correction.Revision, "editor"), _at);
        Assert.Empty(report.PublicationEvents);

        report.Publish(correction, _at);

        Assert.Equal([new VersionSuperseded(first), new VersionBecameCurrent(correction)], report.PublicationEvents);
    }

    [Fact]
    public void ARefusedPublication_RaisesNothing()
    {
        var report = new Report(new Agency("hongze-district", "淮安市洪泽区人民政府", AgencyLevel.CountyGovernment), 2023);
        report.PublishAsPrinted(Samples.Report(Samples.Hongze2023), ReportOrigin.Imported, null, _at);
        report.ClearPublicationEvents();

        Assert.Throws<ReportWorkflowException>(() => report.PublishAsPrinted(Samples.Report(Samples.Hongze2023), ReportOrigin.Imported, null, _at, correctionNote: null));

        Assert.Empty(report.PublicationEvents);
    }
}
