using Microsoft.Playwright;

namespace Disclosure.EndToEnd.Infrastructure;

/// <summary>Debian's Chromium, launched headless and offline; Playwright's own browser downloads are never used.</summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public const string RequireVariable = "DISCLOSURE_REQUIRE_BROWSER";

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
