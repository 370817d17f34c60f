using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Disclosure.Data;
using Disclosure.Domain.Agencies;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Serialization;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.DemoData;

/// <summary>
/// Fills an empty database with the bundled sample reports (real published reports, figures as printed) so a fresh
/// <c>dotnet run</c> shows a living portal. Runs only where <c>Demo:Enabled</c> is true (Development by default).
/// </summary>
public sealed class DemoDataSeeder(DisclosureDbContext db, TimeProvider clock, ILogger<DemoDataSeeder> logger)
{
    private const string ResourcePrefix = "DemoData.Reports.";

    private static readonly JsonSerializerOptions _jsonOptions = new() { PropertyNameCaseInsensitive = true, Converters = { new JsonStringEnumConverter() } };

    /// <summary>True when the database was empty (no agency, no account) and has been filled.</summary>
    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Agencies.AnyAsync(cancellationToken) || await db.Users.AnyAsync(cancellationToken))
        {
            return false;
        }

        var assembly = typeof(DemoDataSeeder).Assembly;
        var agencies = new Dictionary<string, Agency>(StringComparer.Ordinal);
        foreach (var entry in ReadAgencies(assembly))
        {
            var parent = entry.Parent is null ? null : agencies[entry.Parent];
            var agency = new Agency(entry.Slug, entry.Name, entry.Level, parent, entry.Address, entry.Phone);
            agencies.Add(agency.Slug, agency);
            db.Agencies.Add(agency);
        }

        var now = clock.GetUtcNow();
        var count = 0;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            await using var stream = assembly.GetManifestResourceStream(name)!;
            var content = CanonicalJson.Read(stream);
            var agency = agencies.GetValueOrDefault(content.Agency.Slug)
                ?? throw new InvalidOperationException($"Demo report {name} names agency '{content.Agency.Slug}', which agencies.json lacks.");
            var report = new Report(agency, content.Year);
            report.PublishAsPrinted(content, ReportOrigin.Demo, "示例数据：" + name[ResourcePrefix.Length..], now);
            db.Reports.Add(report);
            count++;
        }

        // Two saves: a report points at its current version, which points back at the report.
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded demo data: {AgencyCount} agencies, {ReportCount} published reports", agencies.Count, count);
        return true;
    }

    private static DemoAgency[] ReadAgencies(Assembly assembly)
    {
        using var stream = assembly.GetManifestResourceStream("DemoData.agencies.json")!;
        return JsonSerializer.Deserialize<DemoAgency[]>(stream, _jsonOptions) ?? [];
    }

    private sealed record DemoAgency(string Slug, string Name, AgencyLevel Level, string? Parent, string? Address, string? Phone);
}
