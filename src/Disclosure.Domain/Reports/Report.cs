using Disclosure.Domain.Agencies;
using Disclosure.Domain.Publication;

namespace Disclosure.Domain.Reports;

/// <summary>
/// An agency's annual report for one year: the aggregate over its versions. Once the report is published exactly one
/// version is current (the one readers see; a unique index holds at most one); earlier published versions stay readable.
/// </summary>
public sealed class Report : IRaisesPublicationEvents
{
    private readonly List<ReportVersion> _versions = [];
    private readonly List<PublicationEvent> _events = [];

    private Report()
    {
    }

    public Report(Agency agency, int year)
    {
        if (year is < AnnualReport.MinYear or > AnnualReport.MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year));
        }

        Agency = agency;
        AgencyId = agency.Id;
        Year = year;
    }

    public int Id { get; private set; }

    public int AgencyId { get; private set; }

    public Agency Agency { get; private set; } = null!;

    public int Year { get; private set; }

    /// <summary>The published version readers see; null until the report is first published. Needs the versions loaded.</summary>
    public ReportVersion? CurrentVersion => _versions.SingleOrDefault(v => v.IsCurrent);

    public IReadOnlyList<ReportVersion> Versions => _versions;

    /// <summary>Which versions became or stopped being current since the report was last saved.</summary>
    public IReadOnlyList<PublicationEvent> PublicationEvents => _events;

    public void ClearPublicationEvents() => _events.Clear();

    /// <summary>The version being prepared (draft, submitted, returned or approved), if any. Needs the versions loaded.</summary>
    public ReportVersion? OpenVersion => _versions.SingleOrDefault(v => v.IsOpen);

    /// <summary>Starts the first version of this report as a draft, entered in the portal.</summary>
    public ReportVersion StartDraft(AnnualReport content, DateTimeOffset at)
    {
        EnsureFor(content);
        if (_versions.Count > 0)
        {
            throw new ReportWorkflowException(CurrentVersion is null
                ? "该年度报告已有正在办理的版本。"
                : "该年度报告已经发布；如需修改，请发起更正。");
        }

        var version = new ReportVersion(this, 1, content, ReportOrigin.Entered, null, at);
        _versions.Add(version);
        return version;
    }

    /// <summary>Starts a correction of the published version: a new draft with its content and a stated reason (更正说明).</summary>
    public ReportVersion StartCorrection(string note, DateTimeOffset at)
    {
        var current = CurrentVersion ?? throw new ReportWorkflowException("该年度报告尚未发布，无需更正。");
        if (OpenVersion is { } open)
        {
            throw new ReportWorkflowException($"第 {open.Number} 版正在办理中，不能再发起更正。");
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            throw new ReportWorkflowException("更正需要写明更正说明。");
        }

        if (note.Trim().Length > ReportVersion.NoteMaxLength)
        {
            throw new ReportWorkflowException($"更正说明最多 {ReportVersion.NoteMaxLength} 字。");
        }

        var content = current.ToDocument(Agency.Slug);
        var version = new ReportVersion(this, _versions.Count + 1, content, ReportOrigin.Entered, null, at);
        version.MarkAsCorrectionOf(current, note.Trim());
        _versions.Add(version);
        return version;
    }

    /// <summary>Publishes an approved version: it becomes current; the version it corrects is superseded and stays readable.</summary>
    public void Publish(ReportVersion version, DateTimeOffset at)
    {
        if (!_versions.Contains(version))
        {
            throw new ArgumentException("Not a version of this report.", nameof(version));
        }

        if (version.Status != ReportStatus.Approved)
        {
            throw new ReportWorkflowException($"只有审核通过的报告可以发布，第 {version.Number} 版当前状态为“{version.Status.DisplayName()}”。");
        }

        Supersede(CurrentVersion);
        MakeCurrent(version, at);
    }

    /// <summary>
    /// Publishes a report exactly as it was printed elsewhere (an import, or the bundled demo data): a new version that
    /// becomes current. If a version was already published, the new one is a correction and needs a note.
    /// </summary>
    public ReportVersion PublishAsPrinted(AnnualReport content, ReportOrigin origin, string? source, DateTimeOffset at, string? correctionNote = null)
    {
        EnsureFor(content);
        if (OpenVersion is { } open)
        {
            throw new ReportWorkflowException($"第 {open.Number} 版正在办理中，不能直接发布另一版本。");
        }

        var version = new ReportVersion(this, _versions.Count + 1, content, origin, source, at);
        var previous = CurrentVersion;
        if (previous is not null)
        {
            if (string.IsNullOrWhiteSpace(correctionNote))
            {
                throw new ReportWorkflowException("该年度报告已经发布；替换已发布的报告须作为更正并写明更正说明。");
            }

            version.MarkAsCorrectionOf(previous, correctionNote.Trim());
            Supersede(previous);
        }

        _versions.Add(version);
        MakeCurrent(version, at);
        return version;
    }

    private void Supersede(ReportVersion? current)
    {
        if (current is not null)
        {
            current.MarkSuperseded();
            _events.Add(new VersionSuperseded(current));
        }
    }

    private void MakeCurrent(ReportVersion version, DateTimeOffset at)
    {
        version.MarkPublished(at);
        _events.Add(new VersionBecameCurrent(version));
    }

    private void EnsureFor(AnnualReport content)
    {
        if (content.Year != Year || content.Agency.Slug != Agency.Slug)
        {
            throw new ArgumentException($"This is the report of {Agency.Slug} for {Year}, not {content.Agency.Slug} for {content.Year}.", nameof(content));
        }
    }
}
