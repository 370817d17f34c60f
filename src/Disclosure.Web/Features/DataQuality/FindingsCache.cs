using System.Collections.Concurrent;
using Disclosure.Domain.Rules;

namespace Disclosure.Web.Features.DataQuality;

/// <summary>The findings of one version checked against one previous-year version: errors and warnings, S1 counted.</summary>
public sealed record ReportCheck(IReadOnlyList<RuleViolation> Findings, int Blanks)
{
    public bool Has(string rule) => rule == ConsistencyRules.S1 ? Blanks > 0 : Findings.Any(f => f.RuleId == rule);
}

/// <summary>
/// Findings per (version, previous-year version). A published version is never edited and a correction is a new
/// version with a new id, so an entry never goes stale; the key changes when either year is corrected.
/// </summary>
public sealed class FindingsCache
{
    public const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<(int Version, int? Previous), ReportCheck> _checks = new();

    public bool TryGet(int version, int? previous, out ReportCheck check) =>
        _checks.TryGetValue((version, previous), out check!);

    public void Add(int version, int? previous, ReportCheck check)
    {
        if (_checks.Count >= MaxEntries)
        {
            _checks.Clear();
        }

        _checks[(version, previous)] = check;
    }
}
