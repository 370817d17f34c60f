namespace Disclosure.Domain;

/// <summary>
/// China Standard Time (UTC+8, no daylight saving): the time in which report years, dates of publication and
/// deadlines are reckoned and every time is shown. Instants are stored in UTC; convert only here.
/// </summary>
public static class BeijingTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The instant as a Beijing wall-clock time.</summary>
    public static DateTimeOffset Of(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>The Beijing calendar date of the instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(Of(instant).DateTime);

    /// <summary>Today's date in Beijing by <paramref name="clock"/> (the day the 条例's clock counts).</summary>
    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());

    /// <summary>Midnight starting <paramref name="date"/> in Beijing, as an instant.</summary>
    public static DateTimeOffset StartOf(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), Offset);

    /// <summary>「2024-01-31 09:30」 (or another format) in Beijing time; "" for null.</summary>
    public static string Format(DateTimeOffset? instant, string format = "yyyy-MM-dd HH:mm") =>
        instant is { } at ? Of(at).ToString(format, System.Globalization.CultureInfo.InvariantCulture) : "";
}
