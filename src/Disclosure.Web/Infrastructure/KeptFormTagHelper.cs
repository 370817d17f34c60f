using System.Globalization;
using Disclosure.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Disclosure.Web.Infrastructure;

/// <summary>
/// <c>&lt;form keep-locally&gt;</c>: a staff form whose typing must never be lost (<c>wwwroot/js/form-keeper.js</c>).
/// Adds what the script needs: the key of the local copy (the page's path), when the staff session ends (to warn before
/// it does), and whether the form shows content that is not saved yet (shown again after a refused or conflicting save).
/// </summary>
[HtmlTargetElement("form", Attributes = "keep-locally")]
public sealed class KeptFormTagHelper : TagHelper
{
    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.RemoveAll("keep-locally");
        var http = ViewContext.HttpContext;
        output.Attributes.SetAttribute("data-keep", http.Request.Path.Value);
        if (await SessionLifetime.EndsAtAsync(http) is { } ends)
        {
            output.Attributes.SetAttribute("data-session-ends", ends.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        }

        if (!ViewContext.ModelState.IsValid || ViewContext.ViewData["Conflict"] is not null)
        {
            output.Attributes.SetAttribute("data-unsaved", "true");
        }
    }
}
