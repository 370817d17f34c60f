using System.Diagnostics;
using System.Globalization;
using Disclosure.Data;
using Disclosure.Data.Register;
using Disclosure.Data.Sqlite;
using Disclosure.Domain.Agencies;
using Disclosure.Domain.Register;
using Disclosure.Web.Features.Admin.Register;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

// generate --db FILE [--count 100000]   a fresh database with one city office's decade (2016–2025) of applications
// queries  --db FILE                    table 三 of each year, the register list's filters, the dashboard summary
// import   --db FILE [--rows 10000]     a generated XLSX of that many rows imported into another office (time, peak memory)
var command = args.FirstOrDefault();
string Option(string name, string fallback)
{
    var i = Array.IndexOf(args, "--" + name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

var db = Option("db", "/tmp/disclosure-register-bench.db");
var today = new DateOnly(2026, 3, 2);
DisclosureDbContext Context()
{
    var options = new DbContextOptionsBuilder<DisclosureDbContext>();
    options.UseDisclosureSqlite($"Data Source={db}");
    return new DisclosureDbContext(options.Options);
}

switch (command)
{
    case "generate":
        await Generate(int.Parse(Option("count", "100000"), CultureInfo.InvariantCulture));
        return 0;
    case "queries":
        await Queries();
        return 0;
    case "import":
        await Import(int.Parse(Option("rows", "10000"), CultureInfo.InvariantCulture));
        return 0;
    default:
        Console.Error.WriteLine("usage: generate|queries|import --db FILE [--count N] [--rows N]");
        return 2;
}

async Task Generate(int count)
{
    foreach (var file in new[] { db, db + "-wal", db + "-shm" })
    {
        File.Delete(file);
    }

    await using var context = Context();
    await context.Database.MigrateAsync();
    await RegisterCalendar.SeedAsync(context, DateTimeOffset.UtcNow);
    context.Agencies.Add(new Agency("bench-city", "基准市人民政府办公室", AgencyLevel.CityGovernment));
    context.Agencies.Add(new Agency("bench-import", "基准市商务局", AgencyLevel.CityDepartment));
    await context.SaveChangesAsync();
    var agencyId = await context.Agencies.Where(a => a.Slug == "bench-city").Select(a => a.Id).SingleAsync();
    var calendar = await RegisterCalendar.LoadAsync(context);
    context.ChangeTracker.AutoDetectChangesEnabled = false;
    var watch = Stopwatch.StartNew();
    foreach (var batch in Applications(agencyId, count, calendar).Chunk(5000))
    {
        context.RegisterApplications.AddRange(batch);
        await context.SaveChangesAsync();
        context.ChangeTracker.Clear();
    }

    await context.Database.ExecuteSqlRawAsync("ANALYZE");
    Console.WriteLine($"generated {count} applications in {watch.Elapsed.TotalSeconds:0.0} s into {db}");
}

IEnumerable<DisclosureApplication> Applications(int agencyId, int count, WorkingCalendar calendar)
{
    var random = new Random(13);
    var outcomes = RegisterVocabulary.Outcomes.Select(o => o.Key).ToArray();
    var first = new DateOnly(2016, 1, 4);
    var days = new DateOnly(2025, 12, 31).DayNumber - first.DayNumber;
    var subjects = new[] { "征收补偿方案", "项目立项批复", "行政处罚决定书", "财政资金使用情况", "规划许可材料", "环评报告", "招标文件", "会议纪要" };
    for (var i = 0; i < count; i++)
    {
        var received = first.AddDays(random.Next(days));
        var answered = received.AddDays(random.Next(3, 45));
        var open = answered > today || random.Next(200) == 0;
        var record = new ApplicationRecord(
            $"{received.Year}-{i:D6}", received, (ApplicantType)(random.Next(10) < 7 ? 1 : random.Next(2, 7)),
            $"关于{received.Year}年某区{subjects[random.Next(subjects.Length)]}的公开申请（{i}）",
            (ApplicationChannel)random.Next(1, 6), "申请人" + i, "1380000" + (i % 10000).ToString("D4", CultureInfo.InvariantCulture),
            ExtensionDays: random.Next(20) == 0 ? 10 : 0,
            AnsweredOn: open ? null : answered, Outcome: open ? null : outcomes[random.Next(10) < 6 ? 0 : random.Next(outcomes.Length)]);
        yield return DisclosureApplication.Register(agencyId, record, calendar, today);
    }
}

async Task Queries()
{
    await using var context = Context();
    var agencyId = await context.Agencies.Where(a => a.Slug == "bench-city").Select(a => a.Id).SingleAsync();
    var calendar = await RegisterCalendar.LoadAsync(context);
    Console.WriteLine($"{await context.RegisterApplications.CountAsync()} applications; times in ms: cold, then median / max of 10");

    async Task Measure(string name, Func<Task<string>> run)
    {
        var watch = Stopwatch.StartNew();
        var result = await run();
        var cold = watch.Elapsed.TotalMilliseconds;
        var times = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            watch.Restart();
            await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine($"{name,-52} {cold,8:0.0} {times[5],8:0.0} {times[^1],8:0.0}   {result}");
    }

    foreach (var year in new[] { 2016, 2020, 2024, 2025 })
    {
        await Measure($"table 三 {year}", async () =>
        {
            var table = await RegisterQueries.TableAsync(context, agencyId, year);
            return $"新收 {table.Number("new", "total")}，结转 {table.Number("carried_forward", "total")}";
        });
    }

    foreach (var (name, request) in new (string, RegisterListRequest)[]
    {
        ("list 2025, all, page 1", new(agencyId, today, 2025)),
        ("list 2025, all, page 150", new(agencyId, today, 2025, Page: 150)),
        ("list 办理中 (all years)", new(agencyId, today, null, RegisterFilter.InProgress)),
        ("list 三个工作日内到期", new(agencyId, today, null, RegisterFilter.DueSoon)),
        ("list 已逾期", new(agencyId, today, null, RegisterFilter.Overdue)),
        ("list 2024 已办结", new(agencyId, today, 2024, RegisterFilter.Answered)),
        ("list 2024, search content 征收补偿", new(agencyId, today, 2024, Search: "征收补偿")),
        ("list all years, search number 2023-0123", new(agencyId, today, null, Search: "2023-0123")),
    })
    {
        await Measure(name, async () =>
        {
            var page = await RegisterQueries.ListAsync(context, calendar, request);
            return $"{page.Total} found, {page.Items.Count} shown";
        });
    }

    // What the list page of 2025 adds to a search: the other years holding numbers with that prefix.
    await Measure("list 2025, search number 2023-0123 + other years", async () =>
    {
        var page = await RegisterQueries.ListAsync(context, calendar, new(agencyId, today, 2025, Search: "2023-0123"));
        var others = await RegisterQueries.OtherYearsByNumberAsync(context, agencyId, 2025, "2023-0123");
        return $"{page.Total} in 2025, other years: {string.Join(", ", others.Select(o => $"{o.Year}: {o.Count}"))}";
    });

    await Measure("other years by number 2023-0123 (alone)", async () =>
        string.Join(", ", (await RegisterQueries.OtherYearsByNumberAsync(context, agencyId, 2025, "2023-0123")).Select(o => $"{o.Year}: {o.Count}")));

    await Measure("dashboard due summary (all offices)", async () =>
        $"{(await RegisterQueries.DueSummaryAsync(context, calendar, today)).Sum(s => s.Overdue)} overdue");
}

async Task Import(int rows)
{
    var path = Path.Combine(Path.GetTempPath(), $"register-import-{rows}.xlsx");
    WriteXlsx(path, rows);
    var size = new FileInfo(path).Length;
    GC.Collect();
    var before = Process.GetCurrentProcess().WorkingSet64;
    var watch = Stopwatch.StartNew();
    await using var context = Context();
    var agencyId = await context.Agencies.Where(a => a.Slug == "bench-import").Select(a => a.Id).SingleAsync();
    await context.RegisterApplications.Where(a => a.AgencyId == agencyId).ExecuteDeleteAsync();
    var prepared = watch.Elapsed.TotalSeconds;
    watch.Restart();
    RegisterSheet sheet;
    await using (var stream = File.OpenRead(path))
    {
        sheet = RegisterSheetReader.Read(stream);
    }

    var read = watch.Elapsed.TotalSeconds;
    var preview = await RegisterImport.PreviewAsync(context, agencyId, sheet, today);
    var previewed = watch.Elapsed.TotalSeconds;
    if (preview.IsRefused)
    {
        throw new InvalidOperationException(string.Join("\n", preview.Problems.Take(5)));
    }

    await RegisterImport.ApplyAsync(context, agencyId, preview, await RegisterCalendar.LoadAsync(context), today);
    var total = watch.Elapsed.TotalSeconds;
    var process = Process.GetCurrentProcess();
    Console.WriteLine(FormattableString.Invariant(
        $"import of {rows} rows ({size / 1024} KB XLSX): read {read:0.00} s, preview {previewed - read:0.00} s, apply {total - previewed:0.00} s, total {total:0.00} s (cleanup {prepared:0.00} s not counted); peak working set {process.PeakWorkingSet64 / 1024 / 1024} MB (before {before / 1024 / 1024} MB); {preview.Summary}"));
}

static void WriteXlsx(string path, int rows)
{
    var random = new Random(7);
    using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
    var workbook = document.AddWorkbookPart();
    workbook.Workbook = new Workbook();
    var part = workbook.AddNewPart<WorksheetPart>();
    using (var writer = OpenXmlWriter.Create(part))
    {
        writer.WriteStartElement(new Worksheet());
        writer.WriteStartElement(new SheetData());
        void Row(uint index, IEnumerable<Cell> cells)
        {
            writer.WriteStartElement(new Row { RowIndex = index });
            foreach (var cell in cells)
            {
                writer.WriteElement(cell);
            }

            writer.WriteEndElement();
        }

        static Cell Text(string text) => new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };
        static Cell Number(double number) => new() { CellValue = new CellValue(number) };
        Row(1, RegisterColumns.Template.Select(Text));
        var first = new DateOnly(2025, 1, 2);
        for (var i = 0; i < rows; i++)
        {
            var received = first.AddDays(random.Next(330));
            var serial = received.DayNumber - new DateOnly(1899, 12, 30).DayNumber;
            var answered = random.Next(10) < 8;
            Row((uint)i + 2,
            [
                Text($"SW-{i:D6}"), Number(serial), Text(RegisterVocabulary.ApplicantTypeLabels[random.Next(6)]),
                Text($"关于某商贸项目资金拨付情况的公开申请（{i}）"), Text("网络"), Text("申请人" + i), Text("13900000000"),
                Text(""), Text(""), Text(""), Text(""), Text(""),
                answered ? Number(serial + random.Next(3, 25)) : Text(""), Text(answered ? "予以公开" : ""), Text(""),
            ]);
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    workbook.Workbook.AppendChild(new Sheets()).Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = "台账" });
    workbook.Workbook.Save();
}
