using System.Text.Json;

namespace Disclosure.Testing;

/// <summary>
/// The published sample reports in <c>tests/Fixtures</c> (see its README), copied beside the test assembly at build
/// time. Each report is <c>NAME.txt</c> (the text copied from its web page) and <c>NAME.json</c> (canonical JSON).
/// </summary>
public static class Fixtures
{
    public const string Zhongwei2023 = "zhongwei-commerce-2023";
    public const string Pingtan2021 = "pingtan-2021";
    public const string Hongze2023 = "hongze-district-2023";
    public const string Shanghai2019 = "shanghai-govoffice-2019-old-format";

    /// <summary>The folder holding the fixture files: <c>Fixtures/</c> beside the test assembly.</summary>
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>The names (without extension) of every canonical <c>.json</c> report, in ordinal order.</summary>
    public static IReadOnlyList<string> JsonNames => NamesOf("*.json");

    /// <summary>The names (without extension) of every <c>.txt</c> page copy, in ordinal order.</summary>
    public static IReadOnlyList<string> PageTextNames => NamesOf("*.txt");

    /// <summary>The full path of a fixture file, e.g. <c>PathOf("pingtan-2021.txt")</c>.</summary>
    public static string PathOf(string fileName)
    {
        var path = Path.Combine(Folder, fileName);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"No fixture {fileName} in {Folder} (tests/Fixtures is copied there at build time).", path);
    }

    /// <summary>The canonical JSON of a report, as text.</summary>
    public static string Json(string name) => File.ReadAllText(PathOf(name + ".json"));

    /// <summary>The canonical JSON of a report, as bytes.</summary>
    public static byte[] JsonBytes(string name) => File.ReadAllBytes(PathOf(name + ".json"));

    /// <summary>The canonical JSON of a report, parsed; dispose it.</summary>
    public static JsonDocument JsonDocument(string name) => System.Text.Json.JsonDocument.Parse(Json(name));

    /// <summary>The text a browser copies from the report's published web page.</summary>
    public static string PageText(string name) => File.ReadAllText(PathOf(name + ".txt"));

    private static string[] NamesOf(string pattern)
    {
        if (!Directory.Exists(Folder))
        {
            throw new DirectoryNotFoundException($"No fixture folder {Folder} (tests/Fixtures is copied there at build time).");
        }

        return Directory.GetFiles(Folder, pattern)
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToArray();
    }
}
