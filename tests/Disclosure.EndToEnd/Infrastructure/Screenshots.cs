using Microsoft.Playwright;

namespace Disclosure.EndToEnd.Infrastructure;

/// <summary>Full-page screenshots for a person to look at: <c>DISCLOSURE_SCREENSHOTS</c>, or TestResults/screenshots in the output.</summary>
public static class Screenshots
{
    public static string Folder { get; } =
        Environment.GetEnvironmentVariable("DISCLOSURE_SCREENSHOTS") is { Length: > 0 } folder
            ? folder
            : Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public static async Task<string> SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 0, $"empty screenshot {path}");
        return path;
    }
}
