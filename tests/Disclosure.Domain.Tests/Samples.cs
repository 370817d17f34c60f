using System.Text.Json.Nodes;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Serialization;
using Disclosure.Testing;

namespace Disclosure.Domain.Tests;

/// <summary>
/// The published sample reports (<c>tests/Fixtures</c>, read through <see cref="Fixtures"/>) as domain objects and
/// theory data.
/// </summary>
public static class Samples
{
    public const string Zhongwei2023 = Fixtures.Zhongwei2023;
    public const string Pingtan2021 = Fixtures.Pingtan2021;
    public const string Hongze2023 = Fixtures.Hongze2023;
    public const string Shanghai2019 = Fixtures.Shanghai2019;

    /// <summary>The directory holding the sample files.</summary>
    public static string Folder => Fixtures.Folder;

    /// <summary>The names (without extension) of every <c>*.json</c> sample.</summary>
    public static IReadOnlyList<string> JsonNames => Fixtures.JsonNames;

    /// <summary>Theory data: every <c>*.json</c> sample by name.</summary>
    public static TheoryData<string> AllJson => new(Fixtures.JsonNames);

    public static string Text(string name) => Fixtures.Json(name);

    public static byte[] Bytes(string name) => Fixtures.JsonBytes(name);

    /// <summary>The sample's <c>.txt</c>: the text a browser copies from the published report page.</summary>
    public static string PageText(string name) => Fixtures.PageText(name);

    /// <summary>The names (without extension) of every sample that has a <c>.txt</c> page copy.</summary>
    public static TheoryData<string> AllPageTexts => new(Fixtures.PageTextNames);

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
}
