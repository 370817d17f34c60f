namespace Disclosure.EndToEnd.Infrastructure;

/// <summary>A browser theory, skipped or failed on a missing browser as <see cref="BrowserFactAttribute"/> explains.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        var reason = BrowserFactAttribute.SkipReason(File.Exists(Chromium.ExecutablePath), Environment.GetEnvironmentVariable(Chromium.RequireVariable));
        if (reason is not null)
        {
            Skip = reason;
        }
    }
}
