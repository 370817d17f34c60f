using System.Collections.Concurrent;

namespace Disclosure.Web.Features.Statistics;

/// <summary>
/// The database's GROUP BY results for a year (and the downloads built from them), kept while the publication log's
/// newest id is unchanged (ADR 0018): every publication, correction and agency change adds an entry, so an equal id
/// means the same current versions and the same agency names. A stale entry is simply recomputed.
/// </summary>
public sealed class YearAggregateCache
{
    private readonly ConcurrentDictionary<(int Year, string Kind), (long LastLogId, object Value)> _entries = new();

    public async Task<T> GetOrAddAsync<T>(int year, string kind, long lastLogId, Func<Task<T>> compute)
        where T : class
    {
        if (_entries.TryGetValue((year, kind), out var entry) && entry.LastLogId == lastLogId && entry.Value is T value)
        {
            return value;
        }

        var computed = await compute();
        _entries[(year, kind)] = (lastLogId, computed);
        return computed;
    }
}
