using System.Globalization;
using System.Text;
using Disclosure.Data;
using Disclosure.Data.Register;
using Disclosure.Domain;
using Disclosure.Domain.Agencies;
using Disclosure.Domain.Register;
using Disclosure.Domain.Serialization;
using Disclosure.Web.Features.Admin.Register;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Infrastructure.Cli;

/// <summary>
/// <c>register import FILE --agency SLUG [--dry-run]</c>, <c>register table --agency SLUG --year YYYY</c>,
/// <c>register export --agency SLUG --year YYYY</c> and <c>register purge-personal [--closed-before-years N] [--dry-run]</c>
/// (register.md). Data goes to standard output, messages to standard error; exit 0 on success, 1 when refused,
/// 2 for a bad command line. Personal fields never appear in what it prints or logs.
/// </summary>
public static class RegisterCommand
{
    public const string Usage = """
        usage: register import FILE.csv|FILE.xlsx --agency SLUG [--dry-run]
               register table  --agency SLUG --year YYYY
               register export --agency SLUG --year YYYY
               register purge-personal [--closed-before-years N] [--dry-run]
        """;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, Stream output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var verb = args.Count > 1 ? args[1] : null;
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        var positional = new List<string>();
        for (var i = 2; i < args.Count; i++)
        {
            if (args[i] is "--dry-run")
            {
                options[args[i]] = null;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                options[args[i]] = i + 1 < args.Count ? args[++i] : "";
            }
            else
            {
                positional.Add(args[i]);
            }
        }

        var known = verb switch
        {
            "import" => ["--agency", "--dry-run"],
            "table" or "export" => ["--agency", "--year"],
            "purge-personal" => new[] { "--closed-before-years", "--dry-run" },
            _ => null,
        };
        if (known is null || options.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown && unknown.Length > 0)
        {
            await error.WriteLineAsync(known is null ? Usage : $"register {verb}: unknown option {options.Keys.First(k => !known.Contains(k))}\n{Usage}");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<DisclosureDbContext>();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RegisterCommand));
        var today = BeijingTime.Today(provider.GetRequiredService<TimeProvider>());

        if (verb == "purge-personal")
        {
            var configured = provider.GetRequiredService<IConfiguration>()["Register:PersonalDataRetentionYears"];
            var yearsText = options.GetValueOrDefault("--closed-before-years") ?? configured;
            if (!int.TryParse(yearsText, NumberStyles.None, CultureInfo.InvariantCulture, out var years) || years < 1)
            {
                await error.WriteLineAsync("register purge-personal: --closed-before-years N (N ≥ 1), or the setting Register:PersonalDataRetentionYears");
                return 2;
            }

            var before = today.AddYears(-years);
            var dryRun = options.ContainsKey("--dry-run");
            var count = await RegisterRetention.ErasePersonalDataAsync(db, before, provider.GetRequiredService<TimeProvider>().GetUtcNow(), dryRun, cancellationToken);
            logger.LogInformation("Personal data of {Count} applications closed before {Before} {Action}", count, before, dryRun ? "would be blanked (dry run)" : "blanked");
            await Write(output, $"{(dryRun ? "将清除" : "已清除")} {count} 件 {WorkingCalendar.Format(before)} 以前办结的申请的申请人和联系方式{(dryRun ? "（试运行，未写入）" : "")}\n");
            return 0;
        }

        var slug = options.GetValueOrDefault("--agency");
        if (!Agency.IsValidSlug(slug))
        {
            await error.WriteLineAsync($"register {verb}: --agency SLUG is required\n{Usage}");
            return 2;
        }

        var agency = await db.Agencies.AsNoTracking().Where(a => a.Slug == slug).Select(a => new { a.Id, a.Name }).SingleOrDefaultAsync(cancellationToken);
        if (agency is null)
        {
            await error.WriteLineAsync($"register {verb}: 没有代码为 {slug} 的机关");
            return 1;
        }

        if (verb == "import")
        {
            if (positional.Count != 1)
            {
                await error.WriteLineAsync($"register import: give one FILE\n{Usage}");
                return 2;
            }

            return await ImportAsync(db, agency.Id, positional[0], options.ContainsKey("--dry-run"), today, output, error, logger, cancellationToken);
        }

        if (!int.TryParse(options.GetValueOrDefault("--year"), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2008 or > 2100)
        {
            await error.WriteLineAsync($"register {verb}: --year YYYY is required\n{Usage}");
            return 2;
        }

        if (verb == "table")
        {
            var table = await RegisterQueries.TableAsync(db, agency.Id, year, cancellationToken);
            await Write(output, CanonicalJson.WriteApplicationsObject(table) + "\n");
            logger.LogInformation("Table 三 of agency {AgencyId} year {Year} computed from the register", agency.Id, year);
            return 0;
        }

        var rows = await RegisterExport.RowsAsync(db, agency.Id, year, today, cancellationToken);
        RegisterExport.WriteCsv(output, rows);
        await output.FlushAsync(cancellationToken);
        logger.LogInformation("Exported {Count} applications of agency {AgencyId} year {Year}", rows.Count, agency.Id, year);
        return 0;
    }

    private static async Task<int> ImportAsync(
        DisclosureDbContext db, int agencyId, string file, bool dryRun, DateOnly today, Stream output, TextWriter error, ILogger logger, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(file);
        RegisterSheet sheet;
        try
        {
            await using var stream = File.OpenRead(file);
            if (stream.Length > RegisterSheetReader.MaxBytes)
            {
                await error.WriteLineAsync($"{file}: 文件超过 {RegisterSheetReader.MaxBytes / 1024 / 1024} MB");
                return 1;
            }

            sheet = RegisterSheetReader.Read(stream);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"{file}: 无法读取文件（{ex.GetType().Name}）");
            return 1;
        }
        catch (RegisterFileException ex)
        {
            await error.WriteLineAsync($"{file}: {ex.Message}");
            return 1;
        }

        var preview = await RegisterImport.PreviewAsync(db, agencyId, sheet, today, cancellationToken);
        if (preview.IsRefused)
        {
            logger.LogWarning("Register import of {File} for agency {AgencyId} refused: {Count} problems", name, agencyId, preview.Problems.Count);
            await error.WriteLineAsync($"{file}: 未导入（全部或全不：有 {preview.Problems.Count} 处错误，未写入任何数据）");
            foreach (var problem in preview.Problems)
            {
                await error.WriteLineAsync(problem.ToString());
            }

            return 1;
        }

        if (!dryRun)
        {
            var calendar = await RegisterCalendar.LoadAsync(db, cancellationToken);
            try
            {
                await RegisterImport.ApplyAsync(db, agencyId, preview, calendar, today, cancellationToken: cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                await error.WriteLineAsync($"{file}: 未导入：导入期间有申请被他人修改，请重新导入");
                return 1;
            }
        }

        logger.LogInformation("Register import of {File} for agency {AgencyId}: {Added} added, {Updated} updated, {Unchanged} unchanged{DryRun}",
            name, agencyId, preview.Additions.Count, preview.Updates.Count, preview.Unchanged, dryRun ? " (dry run)" : "");
        await Write(output, $"{file}: {preview.Summary}{(dryRun ? "（试运行，未写入）" : "")}\n");
        return 0;
    }

    private static async Task Write(Stream output, string text)
    {
        await output.WriteAsync(Utf8.GetBytes(text));
        await output.FlushAsync();
    }
}
