using Microsoft.Playwright;

namespace Disclosure.EndToEnd.Infrastructure;

/// <summary>One Chromium for every browser test; each test opens its own context (cookies, viewport).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException(
        $"No browser: {Chromium.ExecutablePath} is missing and {Chromium.RequireVariable}=1 requires it. Install Debian's chromium package.");

    /// <summary>
    /// A context of its own for one test. Navigation waits up to a minute for the page's load event: on a busy
    /// two-core runner the fonts and scripts of a page have taken longer than Playwright's default 30 s.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options)
    {
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultNavigationTimeout(60_000);
        return context;
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium.ExecutablePath))
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(Chromium.LaunchOptions);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>
/// The browser tests: one Chromium, one portal over HTTP for the public pages and one over HTTPS for the staff
/// pages, shared by every class in the collection (they run one after another).
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>, ICollectionFixture<PortalServer>, ICollectionFixture<HttpsPortalServer>
{
    public const string Name = "Browser";
}
