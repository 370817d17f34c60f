namespace Disclosure.Domain.Reports;

/// <summary>
/// One version of an agency's report for a year. A published version is never edited: a correction is a new version
/// that names the one it replaces.
/// </summary>
public sealed class ReportVersion
{
    public const int AgencyNameMaxLength = Agencies.Agency.NameMaxLength;
    public const int NoteMaxLength = 2000;
    public const int SourceMaxLength = 500;
    public const int CommentMaxLength = 2000;

    private readonly List<StoredCell> _cells = [];
    private OverviewPart[] _overview = [];

    private ReportVersion()
    {
        AgencyName = "";
        Title = "";
        Preamble = "";
        Problems = "";
        Other = "";
    }

    internal ReportVersion(Report report, int number, AnnualReport content, ReportOrigin origin, string? source, DateTimeOffset createdAt)
        : this()
    {
        Report = report;
        Number = number;
        Origin = origin;
        Source = source;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
        Status = ReportStatus.Draft;
        Revision = 1;
        SetContent(content);
    }

    public int Id { get; private set; }

    public int ReportId { get; private set; }

    public Report Report { get; private set; } = null!;

    /// <summary>1 for the first version of a report, 2 for its first correction, …</summary>
    public int Number { get; private set; }

    public ReportStatus Status { get; private set; }

    /// <summary>True for the one published version readers see.</summary>
    public bool IsCurrent { get; private set; }

    public ReportOrigin Origin { get; private set; }

    /// <summary>Where an imported report came from (a URL or a file name).</summary>
    public string? Source { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>
    /// Goes up by one with every saved change. Forms carry the revision they were read at; a save from an older
    /// revision is a conflict (an app-managed concurrency token, the same on SQLite and SQL Server).
    /// </summary>
    public int Revision { get; private set; }

    /// <summary>Why 上年结转 may differ from last year's 结转下年度 (rule R5), e.g. after a reorganisation.</summary>
    public string? CarryOverOverride { get; private set; }

    /// <summary>The reviewer's comment when the version was last returned.</summary>
    public string? ReturnComment { get; private set; }

    /// <summary>Draft, submitted, returned or approved: not yet published.</summary>
    public bool IsOpen => Status is ReportStatus.Draft or ReportStatus.Submitted or ReportStatus.Returned or ReportStatus.Approved;

    /// <summary>Whether its content may be edited now (a draft, or a version returned for changes).</summary>
    public bool IsEditable => Status is ReportStatus.Draft or ReportStatus.Returned;
    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>The version this one corrects, if it is a correction.</summary>
    public int? ReplacesVersionId { get; private set; }

    /// <summary>更正说明: why this version replaced the previous one.</summary>
    public string? CorrectionNote { get; private set; }

    // The document, as stored.
    public string AgencyName { get; private set; }

    public ReportFormat Format { get; private set; }

    public ReportScope Scope { get; private set; }

    public string Title { get; private set; }

    public DateOnly? PublishedOn { get; private set; }

    /// <summary>原文链接: where the office published the report itself.</summary>
    public string? OriginalUrl { get; private set; }

    public string Preamble { get; private set; }

    public IReadOnlyList<OverviewPart> Overview => _overview;

    public string Problems { get; private set; }

    public string Other { get; private set; }

    public IReadOnlyList<StoredCell> Cells => _cells;

    /// <summary>Replaces the content of an editable version and returns what changed (nothing saved when nothing changed).</summary>
    public IReadOnlyList<ReportChange> UpdateContent(AnnualReport content, DateTimeOffset at)
    {
        if (!IsEditable)
        {
            throw new ReportWorkflowException($"第 {Number} 版当前状态为“{Status.DisplayName()}”，不能修改。");
        }

        var changes = ReportChanges.Between(ToDocument(content.Agency.Slug), content);
        if (changes.Count == 0)
        {
            return changes;
        }

        SetContent(content);
        Revision++;
        UpdatedAt = at;
        if (Status == ReportStatus.Returned)
        {
            Status = ReportStatus.Draft;
        }

        return changes;
    }

    /// <summary>Records (or clears, with null) the reason that lets this version differ from last year's carry-forward (R5).</summary>
    public void OverrideCarryOver(string? reason, DateTimeOffset at)
    {
        if (!IsEditable)
        {
            throw new ReportWorkflowException($"第 {Number} 版当前状态为“{Status.DisplayName()}”，不能修改。");
        }

        var trimmed = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (trimmed?.Length > CommentMaxLength)
        {
            throw new ArgumentException($"At most {CommentMaxLength} characters.", nameof(reason));
        }

        CarryOverOverride = trimmed;
        Revision++;
        UpdatedAt = at;
    }

    /// <summary>
    /// Sends the version for review. Refused while rule R1 (一 + 二 = （七） + 四, per column) fails, and while rule R5
    /// fails against last year's report without a written override.
    /// </summary>
    public void Submit(AnnualReport? previousYear, DateTimeOffset at)
    {
        if (!IsEditable)
        {
            throw new ReportWorkflowException($"只有草稿或退回修改的报告可以提交，第 {Number} 版当前状态为“{Status.DisplayName()}”。");
        }

        var blocking = SubmissionBlockers(previousYear);
        if (blocking.Count > 0)
        {
            throw new ReportWorkflowException($"报告有 {blocking.Count} 处数据不符合勾稽关系（{string.Join("、", blocking.Select(f => f.RuleId).Distinct())}），请改正后再提交。");
        }

        Status = ReportStatus.Submitted;
        ReturnComment = null;
        UpdatedAt = at;
    }

    /// <summary>The findings that stop submission: every R1, and R5 unless overridden.</summary>
    public IReadOnlyList<Rules.RuleViolation> SubmissionBlockers(AnnualReport? previousYear)
    {
        var document = ToDocument(Report.Agency?.Slug ?? "x");
        var findings = Rules.ConsistencyRules.ApplicationsBalance(document).ToList();
        if (previousYear is not null && CarryOverOverride is null)
        {
            findings.AddRange(Rules.ConsistencyRules.CarryOver(document, previousYear));
        }

        return findings;
    }

    public void Return(string comment, DateTimeOffset at)
    {
        if (Status != ReportStatus.Submitted)
        {
            throw new ReportWorkflowException($"只有已提交的报告可以退回，第 {Number} 版当前状态为“{Status.DisplayName()}”。");
        }

        if (string.IsNullOrWhiteSpace(comment))
        {
            throw new ReportWorkflowException("退回时请写明需要修改的内容。");
        }

        if (comment.Trim().Length > CommentMaxLength)
        {
            throw new ReportWorkflowException($"退回意见最多 {CommentMaxLength} 字。");
        }

        Status = ReportStatus.Returned;
        ReturnComment = comment.Trim();
        UpdatedAt = at;
    }

    /// <summary>
    /// Approves the submitted version as the reviewer saw it. Refused when the content changed since
    /// (<see cref="Approval.RevisionSeen"/> is not the current revision: a return, an edit and a new submission void
    /// what was reviewed), and when the reviewer is the one who submitted it — unless the office is explicitly run by
    /// one person (<see cref="Approval.SinglePersonOffice"/>), which the result says so the audit trail can show it.
    /// </summary>
    public ApprovalKind Approve(Approval approval, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(approval);
        if (Status != ReportStatus.Submitted)
        {
            throw new ReportWorkflowException($"只有已提交的报告可以审核通过，第 {Number} 版当前状态为“{Status.DisplayName()}”。");
        }

        if (approval.RevisionSeen != Revision)
        {
            throw new ReportWorkflowException($"您审阅的是第 {approval.RevisionSeen} 次修订，报告此后已修改（现为第 {Revision} 次修订），请重新审阅后再审核通过。");
        }

        var bySubmitter = approval.SubmittedBy is not null && string.Equals(approval.SubmittedBy, approval.ReviewerId, StringComparison.Ordinal);
        if (bySubmitter && !approval.SinglePersonOffice)
        {
            throw new ReportWorkflowException("提交人不能审核通过自己提交的报告，请由另一位审核人审核。");
        }

        Status = ReportStatus.Approved;
        UpdatedAt = at;
        return bySubmitter ? ApprovalKind.BySubmitterInSinglePersonOffice : ApprovalKind.Independent;
    }

    internal void MarkPublished(DateTimeOffset at)
    {
        if (Status == ReportStatus.Published || Status == ReportStatus.Superseded)
        {
            throw new ReportWorkflowException($"第 {Number} 版已经发布。");
        }

        Status = ReportStatus.Published;
        PublishedAt = at;
        UpdatedAt = at;
        IsCurrent = true;
    }

    internal void MarkSuperseded()
    {
        if (Status != ReportStatus.Published)
        {
            throw new InvalidOperationException("Only a published version can be superseded.");
        }

        Status = ReportStatus.Superseded;
        IsCurrent = false;
    }

    internal void MarkAsCorrectionOf(ReportVersion replaced, string note)
    {
        ReplacesVersionId = replaced.Id;
        ReplacesVersionNumber = replaced.Number;
        CorrectionNote = note;
    }

    /// <summary>The number of the version this one corrects.</summary>
    public int? ReplacesVersionNumber { get; private set; }

    /// <summary>Rebuilds the document. The slug is the agency's current one; the name is as printed on this version.</summary>
    public AnnualReport ToDocument(string agencySlug)
    {
        var report = new AnnualReport(new AgencyRef(AgencyName, agencySlug), Report.Year, Format, Scope, Title)
        {
            PublishedOn = PublishedOn,
            OriginalUrl = OriginalUrl,
            Sections = new ReportSections(Preamble, _overview, Problems, Other),
        };
        foreach (var cell in _cells)
        {
            report.Table(cell.Table)[cell.Row, cell.Column] = cell.Value;
        }

        return report;
    }

    private void SetContent(AnnualReport content)
    {
        if (content.Format != Format && _cells.Count > 0)
        {
            _cells.Clear();
        }

        AgencyName = content.Agency.Name;
        Format = content.Format;
        Scope = content.Scope;
        Title = content.Title;
        PublishedOn = content.PublishedOn;
        OriginalUrl = content.OriginalUrl;
        Preamble = content.Sections.Preamble;
        Problems = content.Sections.Problems;
        Other = content.Sections.Other;
        _overview = [.. content.Sections.Overview];

        // Update cells in place (a stored cell keeps its identity), add new ones, drop the ones now blank.
        var existing = _cells.ToDictionary(c => (c.Table, c.Row, c.Column));
        foreach (var cell in content.Cells)
        {
            var key = (cell.Table, cell.Row, cell.Column);
            if (existing.Remove(key, out var stored))
            {
                if (cell.Value.IsBlank)
                {
                    _cells.Remove(stored);
                }
                else
                {
                    stored.Set(cell.Value);
                }
            }
            else if (!cell.Value.IsBlank)
            {
                _cells.Add(new StoredCell(cell.Table, cell.Row, cell.Column, cell.Value));
            }
        }

        foreach (var orphan in existing.Values)
        {
            _cells.Remove(orphan);
        }
    }
}

/// <summary>
/// A reviewer's approval: who approves (<paramref name="ReviewerId"/>), the revision they reviewed, who submitted the
/// version (from the audit trail; null when unknown), and whether the office is configured as run by one person.
/// </summary>
public sealed record Approval(string ReviewerId, int RevisionSeen, string? SubmittedBy, bool SinglePersonOffice = false);

/// <summary>Whether an approval was made by someone other than the submitter, or by the submitter where that is allowed.</summary>
public enum ApprovalKind
{
    Independent,
    BySubmitterInSinglePersonOffice,
}
