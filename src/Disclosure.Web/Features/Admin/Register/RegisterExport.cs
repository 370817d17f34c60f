using System.Globalization;
using CsvHelper;
using Disclosure.Data;
using Disclosure.Data.Register;
using Disclosure.Domain.Register;
using Disclosure.Web.Features.Api;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using C = Disclosure.Domain.Register.RegisterColumns;

namespace Disclosure.Web.Features.Admin.Register;

/// <summary>
/// Export of a year of an office's register in the exchange template, plus the computed 答复期限 / 状态 / 是否逾期,
/// as CSV (UTF-8 with BOM, text that a spreadsheet would run as a formula escaped) or XLSX; and the blank template.
/// The export contains 申请人 and 联系方式: it is for that office's staff only.
/// </summary>
public static class RegisterExport
{
    /// <summary>The export's columns: the template's, then the three computed ones.</summary>
    public static readonly IReadOnlyList<string> Columns = [.. C.Template, C.Due, C.State, C.Overdue];

    /// <summary>The rows of year <paramref name="year"/>'s export: every application its table 三 counts, by receipt date and number.</summary>
    public static async Task<IReadOnlyList<string[]>> RowsAsync(
        DisclosureDbContext db, int agencyId, int year, DateOnly today, CancellationToken cancellationToken = default)
    {
        var applications = await RegisterQueries.CountedInYear(db, agencyId, year)
            .OrderBy(a => a.ReceivedOn).ThenBy(a => a.Number)
            .ToListAsync(cancellationToken);
        return applications.ConvertAll(a => Row(a, today));
    }

    public static string[] Row(DisclosureApplication a, DateOnly today)
    {
        static string D(DateOnly? date) => date is { } d ? WorkingCalendar.Format(d) : "";
        return
        [
            a.Number, D(a.ReceivedOn), a.ApplicantType.Label(), a.Content, a.Channel?.Label() ?? "", a.ApplicantName ?? "",
            a.ApplicantContact ?? "", D(a.CorrectionRequestedOn), D(a.CorrectionReceivedOn), D(a.ConsultationStartedOn),
            D(a.ConsultationRepliedOn), a.ExtensionDays == 0 ? "" : a.ExtensionDays.ToString(CultureInfo.InvariantCulture),
            D(a.AnsweredOn), a.Outcome is { } o ? RegisterVocabulary.TemplateLabel(RegisterVocabulary.Outcome(o)) : "", a.Remarks ?? "",
            D(a.Due), a.State.ExportLabel(), a.IsOverdue(today) ? "是" : "否",
        ];
    }

    /// <summary>Writes CSV (UTF-8 with BOM, CRLF, formula-like text escaped with an apostrophe).</summary>
    public static void WriteCsv(Stream output, IEnumerable<string[]> rows)
    {
        var options = new CsvWriterOptions
        {
            WriteByteOrderMark = true,
            Injection = CsvInjection.Escape,
        };
        using var csv = CsvWriter.Create(output, options, leaveOpen: true);
        csv.WriteHeader([.. Columns]);
        foreach (var row in rows)
        {
            csv.WriteRecord(row);
        }

        csv.Flush();
    }

    /// <summary>The same rows as an XLSX sheet (dates as <c>yyyy-MM-dd</c> text, which the import reads back).</summary>
    public static byte[] WriteXlsx(IEnumerable<string[]> rows, int year)
    {
        IEnumerable<IReadOnlyList<ExportValue>> Sheet()
        {
            yield return [.. Columns.Select(c => new ExportValue(c, false))];
            foreach (var row in rows)
            {
                yield return [.. row.Select(v => new ExportValue(v, false))];
            }
        }

        return XlsxWorkbook.Write([new XlsxSheet($"{year}年登记台账", Sheet().ToList(), HasHeader: true)]);
    }

    /// <summary>
    /// The blank template: the header row, and drop-down lists for 申请人类型, 申请方式 and 办理结果 (their values on a
    /// hidden sheet 选项, since Excel limits an inline list to 255 characters).
    /// </summary>
    public static byte[] Template()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());

            var lists = new (string Column, IReadOnlyList<string> Values)[]
            {
                (C.ApplicantType, RegisterVocabulary.ApplicantTypeLabels),
                (C.Channel, RegisterVocabulary.ChannelLabels),
                (C.Outcome, RegisterVocabulary.OutcomeLabels),
            };

            var register = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var header = new Row { RowIndex = 1 };
            for (var i = 0; i < C.Template.Count; i++)
            {
                header.Append(TextCell(XlsxWorkbook.ColumnName(i) + "1", C.Template[i]));
            }

            data.Append(header);
            var columns = new Columns();
            for (var i = 0; i < C.Template.Count; i++)
            {
                var width = C.Template[i] is C.Content or C.Outcome or C.Remarks ? 40 : 16;
                columns.Append(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = width, CustomWidth = true });
            }

            var validations = new DataValidations();
            for (var l = 0; l < lists.Length; l++)
            {
                var column = XlsxWorkbook.ColumnName(C.Template.ToList().IndexOf(lists[l].Column));
                var listColumn = XlsxWorkbook.ColumnName(l);
                validations.Append(new DataValidation
                {
                    Type = DataValidationValues.List,
                    AllowBlank = true,
                    ShowErrorMessage = true,
                    ErrorTitle = lists[l].Column,
                    Error = $"请从列表中选择{lists[l].Column}",
                    SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{column}2:{column}10000" },
                    Formula1 = new Formula1($"选项!${listColumn}$2:${listColumn}${lists[l].Values.Count + 1}"),
                });
            }

            validations.Count = (uint)lists.Length;
            var sheetViews = new SheetViews(new SheetView(new Pane
            {
                VerticalSplit = 1,
                TopLeftCell = "A2",
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            })
            { WorkbookViewId = 0 });
            register.Worksheet = new Worksheet(sheetViews, columns, data, validations);
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(register), SheetId = 1, Name = "登记台账" });

            var options = workbook.AddNewPart<WorksheetPart>();
            var optionData = new SheetData();
            var rowCount = lists.Max(l => l.Values.Count) + 1;
            for (var r = 1; r <= rowCount; r++)
            {
                var row = new Row { RowIndex = (uint)r };
                for (var l = 0; l < lists.Length; l++)
                {
                    var text = r == 1 ? lists[l].Column : r - 2 < lists[l].Values.Count ? lists[l].Values[r - 2] : null;
                    if (text is not null)
                    {
                        row.Append(TextCell(XlsxWorkbook.ColumnName(l) + r.ToString(CultureInfo.InvariantCulture), text));
                    }
                }

                optionData.Append(row);
            }

            options.Worksheet = new Worksheet(optionData);
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(options), SheetId = 2, Name = "选项", State = SheetStateValues.Hidden });
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Cell TextCell(string reference, string text) =>
        new() { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };
}
