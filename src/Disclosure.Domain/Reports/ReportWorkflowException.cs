namespace Disclosure.Domain.Reports;

/// <summary>A workflow step that the report's state does not allow; the message says why, in Chinese, for the user.</summary>
public sealed class ReportWorkflowException(string message) : InvalidOperationException(message);
