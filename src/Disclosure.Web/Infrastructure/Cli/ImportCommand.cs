using Disclosure.Data;
using Disclosure.Domain.Agencies;
using Disclosure.Domain.Import;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Infrastructure.Cli;

/// <summary>The parsed command line of <c>import FILE... [--agency SLUG] [--dry-run] [--scope agency|jurisdiction] [--correction "更正说明"]</c>.</summary>
public sealed record ImportCommandLine(IReadOnlyList<string> Files, string? AgencySlug, bool DryRun, ReportScope? Scope, string? Correction)
{
    public const string Usage =
        "usage: import FILE... [--agency SLUG] [--dry-run] [--scope agency|jurisdiction] [--correction \"更正说明\"]";

    public static bool TryParse(IReadOnlyList<string> args, out ImportCommandLine? command, out string? error)
    {
        command = null;
        error = null;
        var files = new List<string>();
        string? agency = null, correction = null;
        ReportScope? scope = null;
        var dryRun = false;
        for (var i = args.Count > 0 && args[0] == "import" ? 1 : 0; i < args.Count; i++)
        {
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            switch (args[i])
            {
                case "--agency":
                    agency = Value();
                    if (!Agency.IsValidSlug(agency))
                    {
                        error = $"--agency needs a slug (lower-case letters, digits, hyphens), not '{agency}'";
                        return false;
                    }

                    break;
                case "--dry-run":
                    dryRun = true;
                    break;
                case "--scope":
                    if (!ReportFormatCodes.TryParseScope(Value(), out var parsed))
                    {
                        error = "--scope is agency or jurisdiction";
                        return false;
                    }

                    scope = parsed;
                    break;
                case "--correction":
                    correction = Value();
                    if (string.IsNullOrWhiteSpace(correction) || correction.Trim().Length > ReportVersion.NoteMaxLength)
                    {
                        error = $"--correction needs the reason (更正说明), at most {ReportVersion.NoteMaxLength} characters";
                        return false;
                    }

                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    error = $"unknown option {option}";
                    return false;
                default:
                    files.Add(args[i]);
                    break;
            }
        }

        if (files.Count == 0)
        {
            error = "no FILE given";
            return false;
        }

        command = new ImportCommandLine(files, agency, dryRun, scope, correction?.Trim());
        return true;
    }
}

/// <summary>
/// Imports published reports from files (page text or canonical JSON) and publishes each as printed
/// (<see cref="ReportOrigin.Imported"/>, source = the file name). One line per file; exit code 0 when every file was
/// imported, 1 when any failed, 2 for a bad command line.
/// </summary>
/// <remarks>
/// Agency: <c>--agency SLUG</c> names it (created if new, named as the report names it, level guessed by
/// <see cref="GuessLevel"/>); without it, the one agency whose name equals the report's agency name. A published
/// report is never replaced silently: a second import of an agency's year needs <c>--correction</c> and becomes a new
/// version. <c>--dry-run</c> parses, resolves and checks everything and writes nothing.
/// </remarks>
public sealed class ImportCommand(DisclosureDbContext db, TimeProvider clock, ILogger<ImportCommand> logger)
{
    /// <summary>Runs the command in its own scope of <paramref name="services"/> (the built host's, or a test factory's).</summary>
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken = default)
    {
        if (!ImportCommandLine.TryParse(args, out var command, out var error))
        {
            await output.WriteLineAsync($"import: {error}\n{ImportCommandLine.Usage}");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var instance = ActivatorUtilities.CreateInstance<ImportCommand>(scope.ServiceProvider);
        return await instance.RunAsync(command!, output, cancellationToken);
    }

    public async Task<int> RunAsync(ImportCommandLine command, TextWriter output, CancellationToken cancellationToken = default)
    {
        var failed = 0;
        foreach (var file in command.Files)
        {
            var line = await ImportFileAsync(file, command, cancellationToken);
            failed += line.StartsWith("failed:", StringComparison.Ordinal) ? 1 : 0;
            await output.WriteLineAsync(line);
            db.ChangeTracker.Clear();
        }

        if (command.DryRun)
        {
            await output.WriteLineAsync($"dry run: nothing was written ({command.Files.Count} file(s) checked)");
        }

        return failed == 0 ? 0 : 1;
    }

    private async Task<string> ImportFileAsync(string file, ImportCommandLine command, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(file);
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(file, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            logger.LogWarning("Import of {File} failed: file not readable ({Error})", name, ex.GetType().Name);
            return $"failed: {file}: cannot read the file ({ex.Message})";
        }

        var result = ReportImporter.Import(bytes, new ImportOptions { Scope = command.Scope });
        if (!result.Succeeded)
        {
            logger.LogWarning("Import of {File} failed: {ErrorCount} errors, {UnparsedCount} lines not understood", name, result.Errors.Count, result.UnparsedLines.Count);
            var first = result.Errors.Count > 0 ? result.Errors[0].ToString() : "no report found";
            var more = result.Errors.Count > 1 ? $" (and {result.Errors.Count - 1} more error(s))" : "";
            return $"failed: {file}: {first}{more}";
        }

        var agencyName = result.AgencyName!;
        Agency? agency;
        if (command.AgencySlug is { } slug)
        {
            agency = await db.Agencies.SingleOrDefaultAsync(a => a.Slug == slug, cancellationToken);
            if (agency is null)
            {
                if (agencyName.Length > Agency.NameMaxLength)
                {
                    return $"failed: {file}: the agency name is longer than {Agency.NameMaxLength} characters";
                }

                agency = new Agency(slug, agencyName, GuessLevel(agencyName));
                db.Agencies.Add(agency);
            }
        }
        else
        {
            var matches = await db.Agencies.Where(a => a.Name == agencyName).Take(2).ToListAsync(cancellationToken);
            if (matches.Count != 1)
            {
                logger.LogWarning("Import of {File} failed: no single agency matches the report's agency name", name);
                return $"failed: {file}: {(matches.Count == 0 ? "no agency is named" : "several agencies are named")} “{agencyName}”; give --agency SLUG";
            }

            agency = matches[0];
        }

        var content = result.ReportFor(agency.Slug)!;
        var report = agency.Id == 0
            ? null
            : await db.Reports.Include(r => r.Versions).SingleOrDefaultAsync(r => r.AgencyId == agency.Id && r.Year == content.Year, cancellationToken);
        if (report?.CurrentVersion is { } current && command.Correction is null)
        {
            logger.LogWarning("Import of {File} refused: report {ReportId} already has published version {Version}", name, report.Id, current.Number);
            return $"failed: {file}: /reports/{agency.Slug}/{content.Year} is already published (version {current.Number}); give --correction \"更正说明\" to publish a correction";
        }

        if (report is null)
        {
            report = new Report(agency, content.Year);
            db.Reports.Add(report);
        }

        var version = report.PublishAsPrinted(content, ReportOrigin.Imported, Truncate(name, ReportVersion.SourceMaxLength), clock.GetUtcNow(), command.Correction);
        if (!command.DryRun)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex)
            {
                logger.LogError(ex, "Import of {File} failed while saving", name);
                return $"failed: {file}: the database refused the report ({ex.InnerException?.Message ?? ex.Message})";
            }
        }

        logger.LogInformation(
            "Imported {File} as agency {AgencyId} year {Year} version {Version} ({Findings} findings){DryRun}",
            name, agency.Id, content.Year, version.Number, result.Findings.Count, command.DryRun ? " — dry run, not saved" : "");
        var target = $"{file} → /reports/{agency.Slug}/{content.Year}";
        var notes = new List<string>();
        if (result.Findings.Count > 0)
        {
            notes.Add(string.Join(", ", result.Findings.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}×{g.Count()}")));
        }

        if (result.UnparsedLines.Count > 0)
        {
            notes.Add($"{result.UnparsedLines.Count} line(s) not understood");
        }

        var versionNote = version.Number > 1 ? $" (version {version.Number}, correction)" : "";
        return notes.Count == 0
            ? $"imported: {target}{versionNote}"
            : $"imported with findings ({string.Join("; ", notes)}): {target}{versionNote}";
    }

    /// <summary>
    /// The level of a new agency, guessed from its name (without bracketed notes): a 人民政府 or 管委会 is a government,
    /// anything else (局, 委, 办, 厅 …) a department; 县 or 区 makes it county level, else 市 city level, else 省 or
    /// 自治区 provincial; city level when nothing says. An administrator corrects it later if needed.
    /// </summary>
    public static AgencyLevel GuessLevel(string agencyName)
    {
        var bare = ScopeRule.WithoutBrackets(agencyName);
        var government = (bare.EndsWith("人民政府", StringComparison.Ordinal) || agencyName.Contains("管委会", StringComparison.Ordinal)
            || agencyName.Contains("管理委员会", StringComparison.Ordinal))
            && !bare.EndsWith('局') && !bare.EndsWith('厅') && !bare.EndsWith('办') && !bare.EndsWith("办公室", StringComparison.Ordinal);
        var place = bare.Replace("自治区", "省", StringComparison.Ordinal);
        var county = place.Contains('县', StringComparison.Ordinal) || place.Contains('区', StringComparison.Ordinal);
        var city = place.Contains('市', StringComparison.Ordinal);
        var province = !county && !city && place.Contains('省', StringComparison.Ordinal);
        return (government, county, province) switch
        {
            (true, true, _) => AgencyLevel.CountyGovernment,
            (true, false, true) => AgencyLevel.ProvincialGovernment,
            (true, _, _) => AgencyLevel.CityGovernment,
            (false, true, _) => AgencyLevel.CountyDepartment,
            (false, false, true) => AgencyLevel.ProvincialDepartment,
            _ => AgencyLevel.CityDepartment,
        };
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
