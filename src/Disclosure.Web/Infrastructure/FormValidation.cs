using System.Globalization;
using Disclosure.Domain.Text;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

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

    /// <summary>
    /// Refuses a control character (<see cref="ControlCharacters"/>) with its position; in single-line text also tab,
    /// CR and LF.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> NoControlCharacters<T>(this IRuleBuilder<T, string?> rule, bool multiline = false) =>
        rule.Must(text => ControlCharacters.IndexOfRefused(text, multiline) < 0)
            .WithMessage((_, text) => ControlCharacters.Message(text!, ControlCharacters.IndexOfRefused(text, multiline)));
}

/// <summary>
/// Model binding's own messages, in Chinese: a value that cannot be read as the field's type (a tampered choice, a
/// number field given letters) is refused at its field in words a clerk reads, never in English.
/// </summary>
public static class BindingMessages
{
    public static void UseChinese(DefaultModelBindingMessageProvider messages)
    {
        // Every validator rule names its own message; a rule that forgets one still speaks Chinese.
        ValidatorOptions.Global.LanguageManager.Culture = CultureInfo.GetCultureInfo("zh-CN");

        messages.SetAttemptedValueIsInvalidAccessor((value, _) => $"“{value}”不是有效的值。");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}”不是有效的值。");
        messages.SetUnknownValueIsInvalidAccessor(_ => "所填的值无效。");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "所填的值无效。");
        messages.SetValueIsInvalidAccessor(value => $"“{value}”无效。");
        messages.SetValueMustBeANumberAccessor(_ => "请填写数字。");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "请填写数字。");
        messages.SetValueMustNotBeNullAccessor(_ => "请填写此项。");
        messages.SetMissingBindRequiredValueAccessor(_ => "缺少此项。");
        messages.SetMissingKeyOrValueAccessor(() => "缺少此项。");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容为空。");
    }
}

/// <summary>
/// Every form field, whatever its validator says: a posted value holding a control character (tab, CR and LF aside)
/// puts the message at that field in ModelState, so an action that checks <see cref="FormValidation.Validate"/> shows
/// the form again with it. The validators also refuse tab and line breaks in single-line fields.
/// </summary>
public sealed class ControlCharacterFilter : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        var request = context.HttpContext.Request;
        if (!request.HasFormContentType || HttpMethods.IsGet(request.Method)
            || context.HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            // An error page re-executed for a refused POST does not read its form.
            return;
        }

        foreach (var (name, values) in request.Form)
        {
            foreach (var value in values)
            {
                var at = ControlCharacters.IndexOfRefused(value, multiline: true);
                if (at >= 0)
                {
                    context.ModelState.AddModelError(name, ControlCharacters.Message(value!, at));
                    break;
                }
            }
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}
