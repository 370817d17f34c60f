namespace Disclosure.EndToEnd.Infrastructure;

/// <summary>
/// A browser test: skipped, with the reason shown, where Debian's Chromium is not installed, unless
/// <c>DISCLOSURE_REQUIRE_BROWSER=1</c> (as in CI), where a missing browser fails the test instead.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        var reason = SkipReason(File.Exists(Chromium.ExecutablePath), Environment.GetEnvironmentVariable(Chromium.RequireVariable));
        if (reason is not null)
        {
            Skip = reason;
        }
    }

    /// <summary>Why a browser test is skipped, or null when it runs (and fails if the browser is missing).</summary>
    public static string? SkipReason(bool chromiumInstalled, string? requireBrowser) =>
        chromiumInstalled || requireBrowser == "1"
            ? null
            : $"Chromium is not installed at {Chromium.ExecutablePath} (apt-get install chromium); set {Chromium.RequireVariable}=1 to make this a failure.";
}
