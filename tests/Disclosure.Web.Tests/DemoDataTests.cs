using Disclosure.Web.DemoData;

namespace Disclosure.Web.Tests;

/// <summary>The demo reports the portal seeds (embedded from src/Disclosure.Web/DemoData/Reports) are the test fixtures.</summary>
public class DemoDataTests
{
    private const string Prefix = "DemoData.Reports.";

    [Fact]
    public void DemoReports_AreExactlyTheFixtureReports()
    {
        var demo = typeof(DemoDataSeeder).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..^".json".Length])
            .Order(StringComparer.Ordinal);

        Assert.Equal(Fixtures.JsonNames, demo);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void DemoReport_IsByteForByteItsFixture(string name)
    {
        using var stream = typeof(DemoDataSeeder).Assembly.GetManifestResourceStream(Prefix + name + ".json")!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);

        // If this fails, tests/Fixtures and src/Disclosure.Web/DemoData/Reports drifted apart: change both together.
        Assert.Equal(Fixtures.JsonBytes(name), copy.ToArray());
    }

    public static TheoryData<string> Names => new(Fixtures.JsonNames);
}
