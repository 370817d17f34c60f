using Microsoft.Playwright;

namespace Disclosure.EndToEnd.Infrastructure;

/// <summary>
/// The Chromium the browser tests drive, launched headless and offline: Debian's (<c>/usr/bin/chromium</c>) unless
/// <c>DISCLOSURE_CHROMIUM</c> names another executable. The GitHub workflow sets it to the Chromium that Playwright
/// installs on that runner only (Ubuntu's chromium package is a snap shim); nothing here ever downloads a browser.
/// </summary>
public static class Chromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    public const string PathVariable = "DISCLOSURE_CHROMIUM";

    public const string RequireVariable = "DISCLOSURE_REQUIRE_BROWSER";

    public static string ExecutablePath { get; } =
        Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path ? path : DefaultPath;

    public static BrowserTypeLaunchOptions LaunchOptions => new()
    {
        ExecutablePath = ExecutablePath,
        Headless = true,
        Args =
        [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    };
}
