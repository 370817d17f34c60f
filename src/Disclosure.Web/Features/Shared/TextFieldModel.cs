namespace Disclosure.Web.Features.Shared;

/// <summary>One labelled input with its error message (from ModelState) and an optional hint.</summary>
public sealed record TextFieldModel(
    string Name,
    string Label,
    string? Value,
    string Type = "text",
    string? Hint = null,
    string? AutoComplete = null,
    int? MaxLength = null,
    bool Multiline = false,
    int Rows = 8,
    bool Required = false)
{
    public string Id => "f-" + Name.Replace('.', '-').Replace('[', '-').Replace("]", "", StringComparison.Ordinal);
}
