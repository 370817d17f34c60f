using System.Diagnostics;
using System.Globalization;
using Disclosure.Data;
using Disclosure.Data.Sqlite;
using Disclosure.Data.Summaries;
using Disclosure.Domain.Agencies;
using Disclosure.Domain.Reports;
using Disclosure.Statistics.Benchmarks;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

// generate --db FILE [--agencies 2000] [--years 5] [--last-year 2024] [--seed 42]
//   A fresh SQLite database (migrated) with synthetic agencies and published reports.
// sql --db FILE "STATEMENT"
//   Runs one SQL statement (the benchmark adds a candidate index this way).
var command = args.FirstOrDefault();
string Option(string name, string fallback)
{
    var i = Array.IndexOf(args, "--" + name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

switch (command)
{
    case "generate":
        await GenerateAsync(
            Option("db", "disclosure-bench.db"),
            int.Parse(Option("agencies", "2000"), CultureInfo.InvariantCulture),
            int.Parse(Option("years", "5"), CultureInfo.InvariantCulture),
            int.Parse(Option("last-year", "2024"), CultureInfo.InvariantCulture),
            int.Parse(Option("seed", "42"), CultureInfo.InvariantCulture));
        return 0;
    case "sql" when args.Length >= 4:
        await using (var connection = new SqliteConnection($"Data Source={Option("db", "")}"))
        {
            await connection.OpenAsync();
            await using var sql = connection.CreateCommand();
            sql.CommandText = args[^1];
            var watch = Stopwatch.StartNew();
            var result = await sql.ExecuteScalarAsync();
            Console.WriteLine($"{result} ({watch.ElapsedMilliseconds} ms)");
        }

        return 0;
    default:
        Console.Error.WriteLine("usage: generate --db FILE [--agencies 2000] [--years 5] [--last-year 2024] [--seed 42] | sql --db FILE \"STATEMENT\"");
        return 2;
}

static async Task<int> InsertCellsAsync(string connectionString, List<(ReportVersion Version, List<StoredCell> Cells)> versions)
{
    await using var connection = new SqliteConnection(connectionString);
    await connection.OpenAsync();
    await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
    await using var insert = connection.CreateCommand();
    insert.Transaction = transaction;
    insert.CommandText = "INSERT INTO ReportCells (ReportVersionId, \"Table\", Row, \"Column\", Number, Text) VALUES ($v, $t, $r, $c, $n, $x)";
    var v = insert.Parameters.Add("$v", SqliteType.Integer);
    var t = insert.Parameters.Add("$t", SqliteType.Integer);
    var r = insert.Parameters.Add("$r", SqliteType.Text);
    var c = insert.Parameters.Add("$c", SqliteType.Text);
    var n = insert.Parameters.Add("$n", SqliteType.Integer);
    var x = insert.Parameters.Add("$x", SqliteType.Text);
    await insert.PrepareAsync();
    var count = 0;
    foreach (var (version, versionCells) in versions)
    {
        foreach (var cell in versionCells)
        {
            v.Value = version.Id;
            t.Value = (int)cell.Table;
            r.Value = cell.Row;
            c.Value = cell.Column;
            n.Value = (object?)cell.Number ?? DBNull.Value;
            x.Value = (object?)cell.Text ?? DBNull.Value;
            await insert.ExecuteNonQueryAsync();
            count++;
        }
    }

    await transaction.CommitAsync();
    return count;
}

static async Task GenerateAsync(string file, int agencyCount, int years, int lastYear, int seed)
{
    foreach (var path in new[] { file, file + "-wal", file + "-shm" })
    {
        File.Delete(path);
    }

    var connectionString = $"Data Source={Path.GetFullPath(file)}";
    DisclosureDbContext Context()
    {
        var options = new DbContextOptionsBuilder<DisclosureDbContext>();
        options.UseDisclosureSqlite(connectionString);
        var db = new DisclosureDbContext(options.Options);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        return db;
    }

    var watch = Stopwatch.StartNew();
    await using (var db = Context())
    {
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }

    var synthetic = new SyntheticReports(seed);
    var seeds = SyntheticReports.Agencies(agencyCount);
    var agencies = new Agency[seeds.Count];
    await using (var db = Context())
    {
        for (var i = 0; i < seeds.Count; i++)
        {
            var s = seeds[i];
            agencies[i] = new Agency(s.Slug, s.Name, s.Level, s.ParentIndex is { } p ? agencies[p] : null);
            db.Agencies.Add(agencies[i]);
        }

        await db.SaveChangesAsync();
    }

    Console.WriteLine($"{agencies.Length} agencies ({watch.ElapsedMilliseconds} ms)");
    var random = new Random(seed + 1);
    var publishedAt = new DateTimeOffset(lastYear + 1, 1, 31, 0, 0, 0, TimeSpan.Zero);
    var reports = 0;
    var cells = 0;
    const int Batch = 400;
    var db2 = Context();
    var pending = new List<(ReportVersion Version, List<StoredCell> Cells)>();
    try
    {
        var inBatch = 0;
        for (var a = 0; a < agencies.Length; a++)
        {
            var carry = new SyntheticReports.Carry();
            var attached = false;
            for (var year = lastYear - years + 1; year <= lastYear; year++)
            {
                var content = synthetic.Report(seeds[a], year, carry);

                // About 1 office in 30 has not published a given year.
                if (random.Next(30) == 0)
                {
                    continue;
                }

                if (!attached)
                {
                    db2.Attach(agencies[a]);
                    attached = true;
                }

                var report = new Report(agencies[a], year);
                report.PublishAsPrinted(content, ReportOrigin.Imported, "synthetic", publishedAt.AddYears(year - lastYear));
                db2.Reports.Add(report);
                pending.Add((report.Versions[0], report.Versions[0].Cells.ToList()));
                reports++;
                inBatch++;
            }

            if (inBatch >= Batch || a == agencies.Length - 1)
            {
                // EF writes agencies, reports and versions; the cells (200 a report) go in by one prepared INSERT.
                db2.ChangeTracker.DetectChanges();
                foreach (var (_, versionCells) in pending)
                {
                    foreach (var cell in versionCells)
                    {
                        db2.Entry(cell).State = EntityState.Detached;
                    }
                }

                await db2.SaveChangesAsync();
                cells += await InsertCellsAsync(connectionString, pending);
                pending.Clear();
                await db2.DisposeAsync();
                db2 = Context();
                inBatch = 0;
                Console.Write($"\r{reports} reports, {cells} cells ({watch.ElapsedMilliseconds} ms)");
            }
        }
    }
    finally
    {
        await db2.DisposeAsync();
    }

    // The cells went in around the context, so the summaries publication keeps were worked out without them: sum
    // every year again from the cells now, as the portal would on its first start with this database.
    await using (var db = Context())
    {
        var summaries = new YearSummaries(db);
        for (var year = lastYear - years + 1; year <= lastYear; year++)
        {
            await summaries.RebuildAsync(year, CancellationToken.None);
        }

        Console.WriteLine($"\nsummaries of {years} years summed from the cells ({watch.ElapsedMilliseconds} ms)");
        await db.Database.ExecuteSqlRawAsync("ANALYZE;");
    }

    SqliteConnection.ClearAllPools();
    Console.WriteLine($"\ndone: {agencies.Length} agencies, {reports} reports, {cells} cells in {watch.Elapsed.TotalSeconds:0.0} s → {file}");
}
