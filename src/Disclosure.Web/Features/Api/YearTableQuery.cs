using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Disclosure.Data;
using Disclosure.Domain.Agencies;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using Disclosure.Web.Features.Statistics;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Features.Api;

/// <summary>One published report of the year with the non-blank cells of one table.</summary>
public sealed record YearTableReport(string Slug, string Name, AgencyLevel Level, ReportFormat Format, IReadOnlyDictionary<(string Row, string Column), CellValue> Cells);

/// <summary>The cells of tables 二, 三 and 四 of every current version of a year, for the bulk downloads.</summary>
public sealed class YearTableQuery(DisclosureDbContext db)
{
    public static readonly IReadOnlyList<ReportTableId> Tables = [ReportTableId.Proactive, ReportTableId.Applications, ReportTableId.Reviews];

    /// <summary>
    /// Which current versions the year has, and the slug, name and level of their agencies: the downloads are rebuilt
    /// when either changes. An Administrator renames an agency without a new version, and the files print its name; the
    /// agencies are read here, with the versions, so a rename made by any instance shows in the next download.
    /// </summary>
    public async Task<YearFingerprint> FingerprintAsync(int year, CancellationToken cancellationToken)
    {
        var versions = await db.ReportVersions.AsNoTracking()
            .Where(v => v.IsCurrent && v.Report.Year == year)
            .OrderBy(v => v.Id)
            .Select(v => new { v.Id, v.Report.Agency.Slug, v.Report.Agency.Name, v.Report.Agency.Level })
            .ToListAsync(cancellationToken);
        var fingerprint = YearFingerprint.Of(versions.ConvertAll(v => v.Id));
        using var agencies = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var v in versions)
        {
            agencies.AppendData(Encoding.UTF8.GetBytes(FormattableString.Invariant($"{v.Id}\u001f{v.Slug}\u001f{v.Name}\u001f{v.Level}\u001e")));
        }

        return fingerprint with { IdHash = fingerprint.IdHash ^ BinaryPrimitives.ReadInt64LittleEndian(agencies.GetHashAndReset()) };
    }

    /// <summary>Every report of the year (by slug) with the cells of <paramref name="table"/>; empty when no report of the year is published.</summary>
    public async Task<IReadOnlyList<YearTableReport>> LoadAsync(int year, ReportTableId table, CancellationToken cancellationToken)
    {
        var all = await LoadAsync(year, [table], cancellationToken);
        return all[table];
    }

    public async Task<IReadOnlyDictionary<ReportTableId, IReadOnlyList<YearTableReport>>> LoadAsync(
        int year, IReadOnlyCollection<ReportTableId> tables, CancellationToken cancellationToken)
    {
        var versions = await db.ReportVersions.AsNoTracking()
            .Where(v => v.IsCurrent && v.Report.Year == year)
            .OrderBy(v => v.Report.Agency.Slug)
            .Select(v => new { v.Id, v.Report.Agency.Slug, v.Report.Agency.Name, v.Report.Agency.Level, v.Format })
            .ToListAsync(cancellationToken);

        // One query for all cells of the year's current versions; grouped per version below.
        var cells = await (
                from c in db.ReportCells.AsNoTracking()
                join v in db.ReportVersions on c.ReportVersionId equals v.Id
                where v.IsCurrent && v.Report.Year == year && tables.Contains(c.Table)
                select new { c.ReportVersionId, c.Table, c.Row, c.Column, c.Number, c.Text })
            .ToListAsync(cancellationToken);
        var byVersion = cells.ToLookup(c => (c.ReportVersionId, c.Table));

        var result = new Dictionary<ReportTableId, IReadOnlyList<YearTableReport>>();
        foreach (var table in tables)
        {
            result[table] = versions
                .Select(v => new YearTableReport(v.Slug, v.Name, v.Level, v.Format,
                    byVersion[(v.Id, table)].ToDictionary(c => (c.Row, c.Column), c => new CellValue(c.Number, c.Text))))
                .ToList();
        }

        return result;
    }

    /// <summary>The column keys a table has in any format, in printed order (2021 first).</summary>
    public static IReadOnlyList<ColumnDefinition> ColumnsOf(ReportTableId table) =>
        new[] { ReportLayout.Format2021, ReportLayout.Hybrid, ReportLayout.Format2019 }
            .SelectMany(layout => layout.Table(table).Rows)
            .SelectMany(row => row.Columns)
            .DistinctBy(c => c.Key)
            .ToList();

    public static string FileTitle(ReportTableId table) => table switch
    {
        ReportTableId.Proactive => "表二 主动公开政府信息情况",
        ReportTableId.Applications => "表三 收到和处理政府信息公开申请情况",
        ReportTableId.Reviews => "表四 行政复议、行政诉讼情况",
        _ => table.ToString(),
    };
}
