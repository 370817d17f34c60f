namespace Disclosure.Web.Features.Admin.Register;

/// <summary>"Today" for the register: the date in China (UTC+8, no daylight saving), whatever the server's zone.</summary>
public static class RegisterClock
{
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(ChinaOffset).DateTime);
}
