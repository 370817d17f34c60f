using System.Collections.Concurrent;
using System.Net;

namespace Disclosure.Web.Infrastructure.Security;

/// <summary>
/// Slows down password guessing without letting anyone lock a known person out. Failures are counted per typed
/// address <em>and</em> client address: after <see cref="FreeFailures"/> failures from one client, that client waits
/// before its next try for that address, twice as long after each further failure (30 s, 1 min, 2 min … at most
/// <see cref="MaxDelay"/>). The person signing in from their own computer is not affected; an attacker elsewhere is
/// also held by the per-client limit of <see cref="StaffRegistration.LoginAttemptsPerMinute"/> sign-ins a minute.
/// Unknown addresses are counted exactly like known ones, so the answer never tells which exist. A success clears the
/// count. Kept in memory, per instance (a restart forgets it; behind a load balancer each instance counts its own).
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    public const int FreeFailures = 5;

    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(15);

    /// <summary>Entries untouched this long are forgotten.</summary>
    public static readonly TimeSpan Forget = TimeSpan.FromHours(24);

    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<(string Email, string Client), Entry> _entries = new();

    private sealed record Entry(int Failures, DateTimeOffset Last);

    /// <summary>How long this client must still wait before trying this address again; zero when it may try now.</summary>
    public TimeSpan Wait(string email, IPAddress? client)
    {
        if (!_entries.TryGetValue(Key(email, client), out var entry) || entry.Failures < FreeFailures)
        {
            return TimeSpan.Zero;
        }

        var until = entry.Last + Delay(entry.Failures);
        var now = clock.GetUtcNow();
        return until > now ? until - now : TimeSpan.Zero;
    }

    public void Failed(string email, IPAddress? client)
    {
        var now = clock.GetUtcNow();
        if (_entries.Count >= MaxEntries)
        {
            Sweep(now);
        }

        _entries.AddOrUpdate(Key(email, client), _ => new Entry(1, now), (_, e) => new Entry(e.Failures + 1, now));
    }

    public void Succeeded(string email, IPAddress? client) => _entries.TryRemove(Key(email, client), out _);

    /// <summary>The wait after <paramref name="failures"/> failures (none before <see cref="FreeFailures"/>).</summary>
    public static TimeSpan Delay(int failures)
    {
        if (failures < FreeFailures)
        {
            return TimeSpan.Zero;
        }

        var doublings = Math.Min(failures - FreeFailures, 10);
        var delay = FirstDelay * Math.Pow(2, doublings);
        return delay < MaxDelay ? delay : MaxDelay;
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
        {
            if (now - entry.Last > Forget)
            {
                _entries.TryRemove(key, out _);
            }
        }
    }

    private static (string, string) Key(string email, IPAddress? client) =>
        (email.Trim().ToUpperInvariant(), client?.ToString() ?? "unknown");
}
