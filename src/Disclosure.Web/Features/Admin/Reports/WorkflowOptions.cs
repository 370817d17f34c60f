namespace Disclosure.Web.Features.Admin.Reports;

/// <summary>The <c>Workflow</c> settings: how the review step is run.</summary>
public sealed class WorkflowOptions
{
    public const string Section = "Workflow";

    /// <summary>
    /// True only for an office run by one person: whoever submitted a version may then approve it themselves, and the
    /// approval's audit row says so. Otherwise (the default) a submitter's own approval is refused.
    /// </summary>
    public bool SinglePersonOffice { get; set; }
}
