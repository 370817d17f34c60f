using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace Disclosure.Web.Infrastructure;

public static class FormValidation
{
    /// <summary>Runs a form's validator (shape: ranges, lengths, formats) and puts its messages in ModelState at their fields.</summary>
    public static bool Validate<T>(this Controller controller, IValidator<T> validator, T form)
    {
        var result = validator.Validate(form);
        foreach (var failure in result.Errors)
        {
            controller.ModelState.AddModelError(failure.PropertyName, failure.ErrorMessage);
        }

        return result.IsValid && controller.ModelState.IsValid;
    }
}
