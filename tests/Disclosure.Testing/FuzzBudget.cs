using System.Diagnostics;
using System.Globalization;

namespace Disclosure.Testing;

/// <summary>
/// How many generated cases a fuzz test tries: a fixed number by default, so that every run — a laptop, a busy CI
/// machine — tries exactly the same inputs (the generators are seeded) in a time that depends only on the machine's
/// speed. <c>FUZZ_SECONDS=60 dotnet test …</c> keeps generating, from the same seed, until that many seconds have
/// passed (never fewer than the fixed number).
/// </summary>
/// <example><code>
/// var budget = new FuzzBudget(cases: 500);
/// while (budget.Next()) { … one generated case … }
/// output.WriteLine($"import: {budget}");
/// </code></example>
public sealed class FuzzBudget
{
    public const string Variable = "FUZZ_SECONDS";

    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public FuzzBudget(int cases)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cases);
        Cases = cases;
        Duration = double.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : null;
    }

    /// <summary>The number of cases a default run tries.</summary>
    public int Cases { get; }

    /// <summary>How long to keep going, when <c>FUZZ_SECONDS</c> is set.</summary>
    public TimeSpan? Duration { get; }

    /// <summary>The cases started so far.</summary>
    public int Runs { get; private set; }

    /// <summary>Whether to try another case (and counts it).</summary>
    public bool Next()
    {
        if (Runs < Cases || (Duration is { } duration && _clock.Elapsed < duration))
        {
            Runs++;
            return true;
        }

        return false;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Runs} cases in {_clock.Elapsed.TotalSeconds:F1} s")
        + (Duration is { } d ? string.Create(CultureInfo.InvariantCulture, $" ({Variable}={d.TotalSeconds})") : "");
}
