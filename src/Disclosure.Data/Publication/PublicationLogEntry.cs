using Disclosure.Domain.Agencies;
using Disclosure.Domain.Publication;
using Disclosure.Domain.Reports;

namespace Disclosure.Data.Publication;

/// <summary>What a <see cref="PublicationLogEntry"/> records.</summary>
public enum PublicationEventKind
{
    /// <summary><see cref="Domain.Publication.VersionBecameCurrent"/>.</summary>
    VersionBecameCurrent = 1,

    /// <summary><see cref="Domain.Publication.VersionSuperseded"/>.</summary>
    VersionSuperseded = 2,

    /// <summary><see cref="Domain.Publication.AgencyChanged"/>.</summary>
    AgencyChanged = 3,

    /// <summary><see cref="Domain.Publication.AgencyCreated"/>.</summary>
    AgencyCreated = 4,
}

/// <summary>
/// One row of the publication log: a <see cref="PublicationEvent"/>, saved in the same transaction as the change that
/// raised it. The log only grows, so its newest id is the one number a reader compares to know whether what the public
/// sees has changed (the output cache of every instance, the year downloads); a year's count of version events is what
/// its summary rows account for (<see cref="Summaries.YearSummary.Events"/>). See ADR 0018.
/// </summary>
public sealed class PublicationLogEntry
{
    private PublicationLogEntry()
    {
    }

    private PublicationLogEntry(PublicationEventKind kind, DateTimeOffset at)
    {
        Kind = kind;
        At = at;
    }

    public long Id { get; private set; }

    public PublicationEventKind Kind { get; private set; }

    public int AgencyId { get; private set; }

    public Agency? Agency { get; private set; }

    /// <summary>The version that became or stopped being current; null for an agency change.</summary>
    public int? ReportVersionId { get; private set; }

    public ReportVersion? Version { get; private set; }

    /// <summary>The report's year; null for an agency change.</summary>
    public int? Year { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The kind the log records for <paramref name="raised"/>: the one mapping from events to kinds.</summary>
    public static PublicationEventKind KindOf(PublicationEvent raised) => raised switch
    {
        VersionBecameCurrent => PublicationEventKind.VersionBecameCurrent,
        VersionSuperseded => PublicationEventKind.VersionSuperseded,
        AgencyCreated => PublicationEventKind.AgencyCreated,
        AgencyChanged => PublicationEventKind.AgencyChanged,
        _ => throw new ArgumentOutOfRangeException(nameof(raised), raised.GetType().Name, "Not a publication event the log knows."),
    };

    /// <summary>The version a version event concerns; null for an agency event.</summary>
    public static ReportVersion? VersionOf(PublicationEvent raised) => raised switch
    {
        VersionBecameCurrent current => current.Version,
        VersionSuperseded superseded => superseded.Version,
        _ => null,
    };

    internal static PublicationLogEntry For(PublicationEvent raised, DateTimeOffset at) => raised switch
    {
        AgencyCreated created => new PublicationLogEntry(KindOf(raised), at).Of(created.Agency),
        AgencyChanged changed => new PublicationLogEntry(KindOf(raised), at).Of(changed.Agency),
        _ => OfVersion(KindOf(raised), VersionOf(raised)!, at),
    };

    /// <summary>The version by reference, so that a new version's id is filled in when it is saved.</summary>
    private static PublicationLogEntry OfVersion(PublicationEventKind kind, ReportVersion version, DateTimeOffset at)
    {
        var entry = new PublicationLogEntry(kind, at) { Version = version, Year = version.Report.Year };
        if (version.Id > 0)
        {
            entry.ReportVersionId = version.Id;
        }

        return version.Report.Agency is { } agency ? entry.Of(agency) : entry.OfAgencyId(version.Report.AgencyId);
    }

    /// <summary>The agency by reference, so that a new agency's id is filled in when it is saved.</summary>
    private PublicationLogEntry Of(Agency agency)
    {
        Agency = agency;
        AgencyId = agency.Id;
        return this;
    }

    private PublicationLogEntry OfAgencyId(int agencyId)
    {
        AgencyId = agencyId;
        return this;
    }
}
