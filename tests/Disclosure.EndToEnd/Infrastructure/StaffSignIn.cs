using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Disclosure.EndToEnd.Infrastructure;

/// <summary>Signing in as a demo staff member, as a person does it on the login page (one helper for every browser test).</summary>
public static partial class StaffSignIn
{
    public const string Password = "demo-password-2024";

    /// <summary>
    /// Opens the login page, types the account and password, presses 登录 and waits until the browser is at the staff
    /// area. It waits for the new address, not for every resource of the page to load: on a busy runner the load event
    /// can come later than the sign-in itself, and the next step waits for what it needs anyway. A sign-in that does
    /// not arrive is reported with where the browser stayed and a screenshot.
    /// </summary>
    public static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/login");
        await page.Locator("#f-Email").FillAsync(email);
        await page.Locator("#f-Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        try
        {
            await page.WaitForURLAsync(AdminPage(), new() { Timeout = 30_000, WaitUntil = WaitUntilState.Commit });
            await page.Locator("main").WaitForAsync(new() { Timeout = 30_000 });
        }
        catch (TimeoutException)
        {
            await Screenshots.SaveAsync(page, "staff-signin-failed-" + email);
            throw new InvalidOperationException($"sign-in as {email} stayed on {page.Url}: {await page.Locator("main").InnerTextAsync()}");
        }
    }

    [GeneratedRegex("/admin")]
    private static partial Regex AdminPage();
}
