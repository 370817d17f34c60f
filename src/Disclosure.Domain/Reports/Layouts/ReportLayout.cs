namespace Disclosure.Domain.Reports.Layouts;

/// <summary>The three table layouts of one format.</summary>
public sealed record ReportLayout(ReportFormat Format, TableLayout Proactive, TableLayout Applications, TableLayout Reviews)
{
    public static readonly ReportLayout Format2021 =
        new(ReportFormat.Format2021, ProactiveLayout.Format2021, ApplicationsLayout.Format2021, ReviewsLayout.Layout);

    public static readonly ReportLayout Format2019 =
        new(ReportFormat.Format2019, ProactiveLayout.Format2019, ApplicationsLayout.SingleOtherRow, ReviewsLayout.Layout);

    public static readonly ReportLayout Hybrid =
        new(ReportFormat.Hybrid, ProactiveLayout.Format2021, ApplicationsLayout.SingleOtherRow, ReviewsLayout.Layout);

    public static ReportLayout For(ReportFormat format) => format switch
    {
        ReportFormat.Format2021 => Format2021,
        ReportFormat.Format2019 => Format2019,
        ReportFormat.Hybrid => Hybrid,
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public TableLayout Table(ReportTableId id) => id switch
    {
        ReportTableId.Proactive => Proactive,
        ReportTableId.Applications => Applications,
        ReportTableId.Reviews => Reviews,
        _ => throw new ArgumentOutOfRangeException(nameof(id)),
    };

    public IEnumerable<TableLayout> Tables => [Proactive, Applications, Reviews];
}
