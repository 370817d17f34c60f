using System.Globalization;
using Disclosure.Domain.Reports.Layouts;

namespace Disclosure.Domain.Reports;

/// <summary>The parts of a report a person edits on one form each.</summary>
public enum ReportPart
{
    Metadata,
    Sections,
    Proactive,
    Applications,
    Reviews,
}

/// <summary>One changed field: a metadata field, a narrative section, or a cell (<c>row.column</c>).</summary>
public sealed record ReportChange(ReportPart Part, string Field, string Before, string After);

/// <summary>What differs between two versions of the same report's content.</summary>
public static class ReportChanges
{
    /// <summary>The part of the report a table is.</summary>
    public static ReportPart PartOf(ReportTableId table) => table switch
    {
        ReportTableId.Proactive => ReportPart.Proactive,
        ReportTableId.Applications => ReportPart.Applications,
        _ => ReportPart.Reviews,
    };

    public static IReadOnlyList<ReportChange> Between(AnnualReport before, AnnualReport after)
    {
        var changes = new List<ReportChange>();
        void Compare(ReportPart part, string field, string a, string b)
        {
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                changes.Add(new ReportChange(part, field, a, b));
            }
        }

        Compare(ReportPart.Metadata, "title", before.Title, after.Title);
        Compare(ReportPart.Metadata, "scope", before.Scope.ToCode(), after.Scope.ToCode());
        Compare(ReportPart.Metadata, "published_on", Date(before.PublishedOn), Date(after.PublishedOn));
        Compare(ReportPart.Metadata, "original_url", before.OriginalUrl ?? "", after.OriginalUrl ?? "");
        Compare(ReportPart.Sections, "preamble", before.Sections.Preamble, after.Sections.Preamble);
        Compare(ReportPart.Sections, "overview", Overview(before.Sections), Overview(after.Sections));
        Compare(ReportPart.Sections, "problems", before.Sections.Problems, after.Sections.Problems);
        Compare(ReportPart.Sections, "other", before.Sections.Other, after.Sections.Other);

        if (before.Format == after.Format)
        {
            foreach (var table in before.Tables)
            {
                var part = PartOf(table.Id);
                var other = after.Table(table.Id);
                foreach (var row in table.Layout.Rows)
                {
                    foreach (var column in row.Columns)
                    {
                        Compare(part, $"{row.Key}.{column.Key}", table[row.Key, column.Key].Format(column.Kind), other[row.Key, column.Key].Format(column.Kind));
                    }
                }
            }
        }

        return changes;
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string Overview(ReportSections sections) =>
        string.Join("\n\n", sections.Overview.Select(p => p.Heading + "\n" + p.Body));
}
