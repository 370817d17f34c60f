using Disclosure.EndToEnd.Infrastructure;

namespace Disclosure.EndToEnd;

public sealed class BrowserFactAttributeTests
{
    [Fact]
    public void MissingChromium_IsASkipWithAReason()
    {
        var reason = BrowserFactAttribute.SkipReason(chromiumInstalled: false, requireBrowser: null);

        Assert.NotNull(reason);
        Assert.Contains("/usr/bin/chromium", reason, StringComparison.Ordinal);
        Assert.Contains("DISCLOSURE_REQUIRE_BROWSER=1", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingChromium_WhenTheBrowserIsRequired_RunsTheTestSoItFails()
    {
        Assert.Null(BrowserFactAttribute.SkipReason(chromiumInstalled: false, requireBrowser: "1"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("1")]
    public void InstalledChromium_RunsTheTest(string? requireBrowser)
    {
        Assert.Null(BrowserFactAttribute.SkipReason(chromiumInstalled: true, requireBrowser));
    }

    [Fact]
    public async Task RequiredButMissingBrowser_FailsWithAnExplanation()
    {
        var fixture = new BrowserFixture();

        var error = Assert.Throws<InvalidOperationException>(() => fixture.Browser);

        Assert.Contains(Chromium.ExecutablePath, error.Message, StringComparison.Ordinal);
        await fixture.DisposeAsync();
    }
}
