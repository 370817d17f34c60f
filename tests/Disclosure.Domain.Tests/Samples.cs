using System.Text.Json.Nodes;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Serialization;

namespace Disclosure.Domain.Tests;

/// <summary>
/// The real published reports in <c>../shared/samples</c> (a sibling of the repository), read at test time.
/// </summary>
public static class Samples
{
    public const string Zhongwei2023 = "zhongwei-commerce-2023";
    public const string Pingtan2021 = "pingtan-2021";
    public const string Hongze2023 = "hongze-district-2023";
    public const string Shanghai2019 = "shanghai-govoffice-2019-old-format";

    private static readonly Lazy<string> _folder = new(FindFolder);

    /// <summary>The directory holding the sample files.</summary>
    public static string Folder => _folder.Value;

    /// <summary>The names (without extension) of every <c>*.json</c> sample.</summary>
    public static IReadOnlyList<string> JsonNames =>
        System.IO.Directory.GetFiles(Folder, "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>Theory data: every <c>*.json</c> sample by name.</summary>
    public static TheoryData<string> AllJson
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in JsonNames)
            {
                data.Add(name);
            }

            return data;
        }
    }

    public static string Text(string name) => File.ReadAllText(PathOf(name));

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    /// <summary>The sample's <c>.txt</c>: the text a browser copies from the published report page.</summary>
    public static string PageText(string name) => File.ReadAllText(Path.Combine(Folder, name + ".txt"));

    /// <summary>The names (without extension) of every sample that has a <c>.txt</c> page copy.</summary>
    public static TheoryData<string> AllPageTexts
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in System.IO.Directory.GetFiles(Folder, "*.txt").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal))
            {
                data.Add(name);
            }

            return data;
        }
    }

    /// <summary>A freshly parsed report; callers may change it.</summary>
    public static AnnualReport Report(string name) => CanonicalJson.Read(Text(name));

    public static (string Text, AnnualReport Report) Load(string name)
    {
        var text = Text(name);
        return (text, CanonicalJson.Read(text));
    }

    /// <summary>The sample's JSON after <paramref name="change"/>, as text (for reader tests).</summary>
    public static string ModifiedText(string name, Action<JsonObject> change)
    {
        var node = JsonNode.Parse(Text(name))!.AsObject();
        change(node);
        return node.ToJsonString();
    }

    /// <summary>The sample read after <paramref name="change"/> was applied to its JSON (e.g. another year).</summary>
    public static AnnualReport Modified(string name, Action<JsonObject> change) =>
        CanonicalJson.Read(ModifiedText(name, change));

    private static string PathOf(string name) => Path.Combine(Folder, name + ".json");

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "samples");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"No shared/samples directory above {AppContext.BaseDirectory}; the samples live in ../shared/samples beside the repository.");
    }
}
