using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Disclosure.Web.Infrastructure;

/// <summary>
/// Views live beside their controller: a controller in namespace <c>Disclosure.Web.Features.Admin.Reports</c> finds
/// its views in <c>/Features/Admin/Reports/</c>; shared views are in <c>/Features/Shared/</c>.
/// </summary>
public sealed class FeatureViewLocationExpander : IViewLocationExpander
{
    private const string Key = "feature";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor controller
            && controller.ControllerTypeInfo.Namespace is { } ns
            && ns.StartsWith("Disclosure.Web.", StringComparison.Ordinal))
        {
            context.Values[Key] = "/" + ns["Disclosure.Web.".Length..].Replace('.', '/');
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations) =>
        context.Values.TryGetValue(Key, out var folder) && folder is not null
            ? viewLocations.Prepend(folder + "/{0}" + RazorViewEngine.ViewExtension)
            : viewLocations;
}
