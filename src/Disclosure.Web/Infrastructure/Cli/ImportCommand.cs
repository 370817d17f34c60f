using Disclosure.Data;
using Disclosure.Domain.Agencies;
using Disclosure.Domain.Import;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Rules;
using Disclosure.Web.Features.Admin.Import;
using Disclosure.Web.Infrastructure.Caching;
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
public sealed class ImportCommand(DisclosureDbContext db, ImportPlanner planner, ILogger<ImportCommand> logger)
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

        var (plan, refusal) = await planner.PlanAsync(result, command.AgencySlug, command.Correction, name, cancellationToken);
        if (plan is null)
        {
            logger.LogWarning("Import of {File} refused: {Reason}", name, refusal!.Message);
            return $"failed: {file}: {refusal.ForCommandLine}";
        }

        var (agency, content, version) = (plan.Agency, plan.Content, plan.Version);
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
}
