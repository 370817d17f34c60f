using Disclosure.Domain.Reports.Layouts;

namespace Disclosure.Domain.Rules;

public enum RuleSeverity
{
    /// <summary>Hard rules (R…): block submission, or need an explicit override with a reason.</summary>
    Error,

    /// <summary>Soft rules (S…): warnings.</summary>
    Warning,
}

/// <summary>
/// One consistency finding: which rule, how serious, and the cell it concerns with the value the rule expected
/// (blanks counted as 0 in sums) and the value published (null = blank).
/// </summary>
public sealed record RuleViolation(
    string RuleId,
    RuleSeverity Severity,
    ReportTableId Table,
    string RowKey,
    string? ColumnKey,
    long? Expected,
    long? Actual);
