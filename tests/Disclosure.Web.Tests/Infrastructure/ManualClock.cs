namespace Disclosure.Web.Tests.Infrastructure;

/// <summary>
/// A clock the test sets (<see cref="Now"/>, <see cref="At"/>: Beijing noon of a given day) or moves
/// (<see cref="Advance"/>); it starts at the real time.
/// </summary>
public sealed class ManualClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;

    public static DateTimeOffset At(string chinaDate) =>
        new(DateOnly.Parse(chinaDate, global::System.Globalization.CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(4, 0)), TimeSpan.Zero);
}
