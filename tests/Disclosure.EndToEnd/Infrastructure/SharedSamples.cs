using System.Text.Json;

namespace Disclosure.EndToEnd.Infrastructure;

/// <summary>The published figures beside the checkout (<c>../shared/samples</c>), read by tests only.</summary>
public static class SharedSamples
{
    private static readonly Lazy<string> _folder = new(Locate);

    public static JsonDocument Load(string name) => JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder.Value, name + ".json")));

    /// <summary>A cell as the page prints it: the number, or "" for a blank.</summary>
    public static string Printed(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "",
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.String => value.GetString() ?? "",
        _ => throw new InvalidOperationException($"unexpected cell {value}"),
    };

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

        throw new DirectoryNotFoundException("shared/samples not found above " + AppContext.BaseDirectory);
    }
}
