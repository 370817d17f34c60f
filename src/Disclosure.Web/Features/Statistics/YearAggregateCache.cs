using System.Collections.Concurrent;

namespace Disclosure.Web.Features.Statistics;

/// <summary>
/// Which versions a year's figures were summed from: the count and an order-independent hash of the ids of the
/// year's current versions. Publishing or correcting a report changes the set, so the fingerprint changes with it.
/// </summary>
public readonly record struct YearFingerprint(int Count, long IdSum, long IdHash)
{
    public static YearFingerprint Of(IReadOnlyCollection<int> versionIds)
    {
        long sum = 0;
        long hash = 0;
        foreach (var id in versionIds)
        {
            sum += id;
            hash ^= unchecked((long)id * -7046029254386353131L);
        }

        return new YearFingerprint(versionIds.Count, sum, hash);
    }
}

/// <summary>
/// The database's GROUP BY results for a year, kept while the year's set of current versions is unchanged.
/// Published versions are immutable, so equal fingerprints mean equal sums; a stale entry is simply recomputed.
/// </summary>
public sealed class YearAggregateCache
{
    private readonly ConcurrentDictionary<(int Year, string Kind), (YearFingerprint Fingerprint, object Value)> _entries = new();

    public async Task<T> GetOrAddAsync<T>(int year, string kind, YearFingerprint fingerprint, Func<Task<T>> compute)
        where T : class
    {
        if (_entries.TryGetValue((year, kind), out var entry) && entry.Fingerprint == fingerprint && entry.Value is T value)
        {
            return value;
        }

        var computed = await compute();
        _entries[(year, kind)] = (fingerprint, computed);
        return computed;
    }
}
