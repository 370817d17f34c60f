namespace Disclosure.Web.Tests.Infrastructure;

/// <summary>The reference material beside the checkout (<c>../shared</c>), read by tests only.</summary>
public static class SharedSamples
{
    private static readonly Lazy<string> _folder = new(Locate);

    public static IReadOnlyList<string> Names =>
        Directory.GetFiles(_folder.Value, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToArray()!;

    public static string Json(string name) => File.ReadAllText(Path.Combine(_folder.Value, name + ".json"));

    public static string Path_(string file) => Path.Combine(_folder.Value, file);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "samples");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("../shared/samples not found above " + AppContext.BaseDirectory);
    }
}
