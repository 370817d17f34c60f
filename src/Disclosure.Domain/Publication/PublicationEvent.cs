using Disclosure.Domain.Agencies;
using Disclosure.Domain.Reports;

namespace Disclosure.Domain.Publication;

/// <summary>
/// Something that changes what the public sees: a version became the one readers see, stopped being it, or an
/// agency was created or its name, slug, level, parent or contact changed. The aggregate that makes the change raises the event; saving
/// records it in the publication log and hands it to what follows from it (the summaries, the cache). See ADR 0018.
/// </summary>
public abstract record PublicationEvent;

/// <summary>A published version became current: a first publication, a correction, an import.</summary>
public sealed record VersionBecameCurrent(ReportVersion Version) : PublicationEvent;

/// <summary>The current version was replaced by a newer one (it stays readable, no longer current).</summary>
public sealed record VersionSuperseded(ReportVersion Version) : PublicationEvent;

/// <summary>An agency was created: the lists of agencies show it.</summary>
public sealed record AgencyCreated(Agency Agency) : PublicationEvent;

/// <summary>Something about an agency shown on public pages changed (its name, slug, level, parent or contact).</summary>
public sealed record AgencyChanged(Agency Agency) : PublicationEvent;

/// <summary>An aggregate that raises publication events; saving collects them and clears them once saved.</summary>
public interface IRaisesPublicationEvents
{
    IReadOnlyList<PublicationEvent> PublicationEvents { get; }

    void ClearPublicationEvents();
}
