using Disclosure.Domain.Publication;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Data.Publication;

/// <summary>
/// Told after a save that recorded publication events has succeeded: for what happens outside the database (this
/// server's output cache). A listener handles its own failures; the change is saved whatever it does.
/// </summary>
public interface IPublicationListener
{
    Task PublishedAsync(IReadOnlyList<PublicationEvent> events, CancellationToken cancellationToken);
}

/// <summary>What readers ask the publication log.</summary>
public static class PublicationLogQueries
{
    /// <summary>The newest entry's id (0 for an empty log): it moves with every change of what the public sees.</summary>
    public static async Task<long> LastIdAsync(this IQueryable<PublicationLogEntry> log, CancellationToken cancellationToken) =>
        await log.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;

    /// <summary>The entries that changed a year's set of current versions.</summary>
    public static IQueryable<PublicationLogEntry> VersionEvents(this IQueryable<PublicationLogEntry> log) =>
        log.Where(e => e.Kind == PublicationEventKind.VersionBecameCurrent || e.Kind == PublicationEventKind.VersionSuperseded);
}
