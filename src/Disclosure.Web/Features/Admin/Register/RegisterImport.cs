using System.Globalization;
using Disclosure.Data;
using Disclosure.Domain.Audit;
using Disclosure.Domain.Register;
using Microsoft.EntityFrameworkCore;
using C = Disclosure.Domain.Register.RegisterColumns;

namespace Disclosure.Web.Features.Admin.Register;

/// <summary>One problem of an import: the spreadsheet row (0 for the file as a whole, 1 for the header), the column and why.</summary>
public sealed record ImportProblem(int Row, string Column, string Message)
{
    public override string ToString() => Row == 0 ? $"{Column}：{Message}" : $"第 {Row} 行，{Column}：{Message}";
}

/// <summary>A row that adds an application.</summary>
public sealed record ImportAddition(int Row, ApplicationRecord Record);

/// <summary>A row that changes an existing application (which columns differ), checked against its revision on apply.</summary>
public sealed record ImportUpdate(int Row, int ApplicationId, int Revision, ApplicationRecord Record, IReadOnlyList<string> ChangedColumns);

/// <summary>
/// What an import would do, before anything is written: the rows to add and to update, how many are unchanged,
/// the columns not in the template (ignored, named), and every problem. With any problem nothing may be applied.
/// </summary>
public sealed record RegisterImportPreview(
    IReadOnlyList<ImportAddition> Additions,
    IReadOnlyList<ImportUpdate> Updates,
    int Unchanged,
    IReadOnlyList<string> UnknownColumns,
    IReadOnlyList<ImportProblem> Problems)
{
    public bool IsRefused => Problems.Count > 0;

    /// <summary>One line for the person importing (no personal data).</summary>
    public string Summary =>
        $"新增 {Additions.Count} 条，更新 {Updates.Count} 条，未变 {Unchanged} 条"
        + (UnknownColumns.Count > 0 ? $"；未识别的列（已忽略）：{string.Join("、", UnknownColumns)}" : "");
}

/// <summary>
/// Import of the exchange template (register.md) into an office's register, in two steps usable by the command
/// line and the import form alike: <see cref="PreviewAsync"/> parses and checks every row against the register
/// (nothing written), <see cref="ApplyAsync"/> writes a clean preview in one transaction — all or nothing.
/// </summary>
public static class RegisterImport
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy/MM/dd", "yyyy年M月d日", "yyyy年MM月dd日", "yyyy.M.d",
    ];

    /// <summary>Parses and checks <paramref name="sheet"/> for <paramref name="agencyId"/>; writes nothing.</summary>
    public static async Task<RegisterImportPreview> PreviewAsync(
        DisclosureDbContext db, int agencyId, RegisterSheet sheet, DateOnly today, CancellationToken cancellationToken = default)
    {
        var problems = new List<ImportProblem>();
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var unknown = new List<string>();
        for (var i = 0; i < sheet.Headers.Count; i++)
        {
            var header = Normalise(sheet.Headers[i]);
            if (header.Length == 0)
            {
                continue;
            }

            if (!C.Template.Contains(header))
            {
                // The computed columns of an export are read back without complaint: the register works them out.
                if (header is not (C.Due or C.State or C.Overdue))
                {
                    unknown.Add(header);
                }
            }
            else if (!columns.TryAdd(header, i))
            {
                problems.Add(new ImportProblem(1, header, "该列出现了两次"));
            }
        }

        var missing = C.Required.Where(r => !columns.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            problems.Add(new ImportProblem(1, string.Join("、", missing), "缺少必填列（表头须为模板中的列名）"));
        }

        if (problems.Count > 0)
        {
            return new RegisterImportPreview([], [], 0, unknown, problems);
        }

        if (sheet.Rows.Count == 0)
        {
            return new RegisterImportPreview([], [], 0, unknown, [new ImportProblem(0, "文件", "没有数据行")]);
        }

        var parsed = new List<(int Row, ApplicationRecord Record)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in sheet.Rows)
        {
            var rowProblems = new List<ImportProblem>();
            var record = ParseRow(row, columns, today, rowProblems);
            if (record is not null && seen.TryGetValue(record.Number, out var first))
            {
                rowProblems.Add(new ImportProblem(row.RowNumber, C.Number, $"申请编号 {record.Number} 与第 {first} 行重复"));
            }
            else if (record is not null)
            {
                seen[record.Number] = row.RowNumber;
            }

            problems.AddRange(rowProblems);
            if (record is not null && rowProblems.Count == 0)
            {
                parsed.Add((row.RowNumber, record));
            }
        }

        var numbers = parsed.Select(p => p.Record.Number).ToList();
        var existing = new Dictionary<string, DisclosureApplication>(StringComparer.Ordinal);
        foreach (var chunk in numbers.Chunk(1000))
        {
            var found = await db.RegisterApplications.AsNoTracking()
                .Where(a => a.AgencyId == agencyId && chunk.Contains(a.Number))
                .ToListAsync(cancellationToken);
            foreach (var application in found)
            {
                existing[application.Number] = application;
            }
        }

        var additions = new List<ImportAddition>();
        var updates = new List<ImportUpdate>();
        var unchanged = 0;
        foreach (var (rowNumber, record) in parsed)
        {
            if (!existing.TryGetValue(record.Number, out var current))
            {
                additions.Add(new ImportAddition(rowNumber, record));
                continue;
            }

            if (current.VoidedOn is not null)
            {
                problems.Add(new ImportProblem(rowNumber, C.Number, $"申请编号 {record.Number} 的申请已作废，不能通过导入修改"));
                continue;
            }

            var changed = ChangedColumns(current.ToRecord(), record);
            if (changed.Count == 0)
            {
                unchanged++;
            }
            else
            {
                updates.Add(new ImportUpdate(rowNumber, current.Id, current.Revision, record, changed));
            }
        }

        return new RegisterImportPreview(additions, updates, unchanged, unknown,
            [.. problems.OrderBy(p => p.Row).ThenBy(p => ColumnOrder(p.Column))]);
    }

    /// <summary>
    /// Writes a preview that has no problems, in one transaction. An application changed by someone else since the
    /// preview fails the whole import (<see cref="DbUpdateConcurrencyException"/>).
    /// </summary>
    /// <remarks>
    /// One save, so all or nothing without a transaction of our own (SQL Server's retrying execution strategy refuses
    /// a transaction begun outside it); <paramref name="audit"/>, the staff member's entry, is part of that save.
    /// </remarks>
    public static async Task<(int Added, int Updated)> ApplyAsync(
        DisclosureDbContext db, int agencyId, RegisterImportPreview preview, WorkingCalendar calendar, DateOnly today, AuditEntry? audit = null, CancellationToken cancellationToken = default)
    {
        if (preview.IsRefused)
        {
            throw new InvalidOperationException("An import with problems cannot be applied.");
        }

        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var chunk in preview.Updates.Chunk(1000))
            {
                var ids = chunk.Select(u => u.ApplicationId).ToList();
                var tracked = await db.RegisterApplications.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
                foreach (var update in chunk)
                {
                    var application = tracked[update.ApplicationId];
                    db.Entry(application).Property(a => a.Revision).OriginalValue = update.Revision;
                    application.Restate(update.Record, calendar, today);
                }
            }

            foreach (var addition in preview.Additions)
            {
                db.RegisterApplications.Add(DisclosureApplication.Register(agencyId, addition.Record, calendar, today));
            }

            if (audit is not null)
            {
                db.AuditEntries.Add(audit);
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(cancellationToken);
            return (preview.Additions.Count, preview.Updates.Count);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>A date as the template allows it: <c>yyyy-MM-dd</c>, <c>yyyy/M/d</c>, <c>yyyy年M月d日</c>, or an Excel date serial.</summary>
    public static bool TryParseDate(SheetCell cell, out DateOnly date)
    {
        date = default;
        if (cell.Number is { } serial)
        {
            // Excel's serials: 1 = 1900-01-01; a register's dates are 2000–2100.
            if (serial is >= 36526 and < 73051 && serial == Math.Floor(serial))
            {
                date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
                return true;
            }

            return false;
        }

        var text = cell.Text.Trim();
        // A date cell exported as text may carry midnight: "2024/9/27 0:00:00".
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0 && text[(space + 1)..].Trim() is "0:00:00" or "00:00:00" or "0:00" or "00:00")
        {
            text = text[..space];
        }

        return DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static ApplicationRecord? ParseRow(SheetRow row, Dictionary<string, int> columns, DateOnly today, List<ImportProblem> problems)
    {
        var n = row.RowNumber;
        string? Text(string column) => columns.TryGetValue(column, out var i) ? Unescape(row[i].Text.Trim()) is { Length: > 0 } t ? t : null : null;
        SheetCell Cell(string column) => columns.TryGetValue(column, out var i) ? row[i] : default;
        void Problem(string column, string message) => problems.Add(new ImportProblem(n, column, message));

        DateOnly? Date(string column, bool required)
        {
            var cell = Cell(column);
            if (cell.IsEmpty)
            {
                if (required)
                {
                    Problem(column, $"{column}不能为空");
                }

                return null;
            }

            if (TryParseDate(cell, out var date))
            {
                return date;
            }

            Problem(column, $"“{Shorten(cell.Text)}”不是日期（应为 yyyy-MM-dd、yyyy/M/d 或 yyyy年M月d日）");
            return null;
        }

        var before = problems.Count;
        var number = Text(C.Number);
        var received = Date(C.ReceivedOn, required: true);
        ApplicantType? type = null;
        if (Text(C.ApplicantType) is { } typeText)
        {
            type = RegisterVocabulary.ParseApplicantType(typeText);
            if (type is null)
            {
                Problem(C.ApplicantType, $"“{Shorten(typeText)}”不是申请人类型（应为 {string.Join(" · ", RegisterVocabulary.ApplicantTypeLabels)}）");
            }
        }
        else
        {
            Problem(C.ApplicantType, "申请人类型不能为空");
        }

        ApplicationChannel? channel = null;
        if (Text(C.Channel) is { } channelText)
        {
            channel = RegisterVocabulary.ParseChannel(channelText);
            if (channel is null)
            {
                Problem(C.Channel, $"“{Shorten(channelText)}”不是申请方式（应为 {string.Join(" · ", RegisterVocabulary.ChannelLabels)}）");
            }
        }

        var extension = 0;
        var extensionCell = Cell(C.ExtensionDays);
        if (!extensionCell.IsEmpty)
        {
            var value = extensionCell.Number ?? (double.TryParse(extensionCell.Text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : double.NaN);
            if (double.IsNaN(value) || value != Math.Floor(value) || value is < 0 or > AnswerDeadline.MaxExtensionDays)
            {
                Problem(C.ExtensionDays, $"“{Shorten(extensionCell.Text)}”不是 0–{AnswerDeadline.MaxExtensionDays} 的整数");
            }
            else
            {
                extension = (int)value;
            }
        }

        string? outcome = null;
        if (Text(C.Outcome) is { } outcomeText)
        {
            outcome = RegisterVocabulary.ParseOutcome(outcomeText)?.Key;
            if (outcome is null)
            {
                Problem(C.Outcome, $"“{Shorten(outcomeText)}”不是表三的办理结果（如 予以公开、部分公开、本机关不掌握相关政府信息）");
            }
        }

        var correctionRequested = Date(C.CorrectionRequestedOn, required: false);
        var correctionReceived = Date(C.CorrectionReceivedOn, required: false);
        var consultationStarted = Date(C.ConsultationStartedOn, required: false);
        var consultationReplied = Date(C.ConsultationRepliedOn, required: false);
        var answered = Date(C.AnsweredOn, required: false);
        if (problems.Count > before || received is null || type is null)
        {
            if (number is null)
            {
                Problem(C.Number, "申请编号不能为空");
            }

            return null;
        }

        var record = new ApplicationRecord(
            number ?? "", received.Value, type.Value, Text(C.Content) ?? "", channel, Text(C.ApplicantName), Text(C.ApplicantContact),
            correctionRequested, correctionReceived, consultationStarted, consultationReplied, extension, answered, outcome, Text(C.Remarks));
        foreach (var problem in record.Problems(today))
        {
            Problem(problem.Field, problem.Message);
        }

        return problems.Count > before ? null : record;
    }

    private static List<string> ChangedColumns(ApplicationRecord a, ApplicationRecord b)
    {
        var changed = new List<string>();
        void Compare<T>(string column, T x, T y)
        {
            if (!EqualityComparer<T>.Default.Equals(x, y))
            {
                changed.Add(column);
            }
        }

        Compare(C.ReceivedOn, a.ReceivedOn, b.ReceivedOn);
        Compare(C.ApplicantType, a.ApplicantType, b.ApplicantType);
        Compare(C.Content, a.Content, b.Content);
        Compare(C.Channel, a.Channel, b.Channel);
        Compare(C.ApplicantName, a.ApplicantName, b.ApplicantName);
        Compare(C.ApplicantContact, a.ApplicantContact, b.ApplicantContact);
        Compare(C.CorrectionRequestedOn, a.CorrectionRequestedOn, b.CorrectionRequestedOn);
        Compare(C.CorrectionReceivedOn, a.CorrectionReceivedOn, b.CorrectionReceivedOn);
        Compare(C.ConsultationStartedOn, a.ConsultationStartedOn, b.ConsultationStartedOn);
        Compare(C.ConsultationRepliedOn, a.ConsultationRepliedOn, b.ConsultationRepliedOn);
        Compare(C.ExtensionDays, a.ExtensionDays, b.ExtensionDays);
        Compare(C.AnsweredOn, a.AnsweredOn, b.AnsweredOn);
        Compare(C.Outcome, a.Outcome, b.Outcome);
        Compare(C.Remarks, a.Remarks, b.Remarks);
        return changed;
    }

    /// <summary>A header as typed: trimmed, full-width brackets and a trailing asterisk (必填 marks) ignored.</summary>
    private static string Normalise(string header) => header.Trim().TrimStart('\uFEFF').TrimEnd('*', '＊').Trim();

    /// <summary>Our export escapes a text that a spreadsheet would run as a formula with a leading apostrophe; undo it.</summary>
    private static string Unescape(string text) =>
        text.Length > 1 && text[0] == '\'' && text[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? text[1..] : text;

    private static string Shorten(string text)
    {
        var t = text.Trim();
        return t.Length <= 20 ? t : t[..20] + "…";
    }

    private static int ColumnOrder(string column)
    {
        var i = C.Template.ToList().IndexOf(column);
        return i < 0 ? int.MaxValue : i;
    }
}
