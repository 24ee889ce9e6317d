using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ProjectMethod.Api.Web;

/// <summary>
/// One labelled form field: <c>&lt;field form="mandate" name="purpose" label="Formål" type="textarea" /&gt;</c>. The name is
/// the API's field name, so a refusal's field errors land under the field they concern, tied to it with
/// <c>aria-describedby</c>; after a refusal the field shows what was sent.
/// </summary>
[HtmlTargetElement("field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper(HtmlEncoder encoder) : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>The form the field belongs to, as the page names it when it keeps a refusal.</summary>
    public string Form { get; set; } = "";

    public string Name { get; set; } = "";

    public string Label { get; set; } = "";

    /// <summary>text, textarea, number, date, select or person (a name, part of one, or a user id: <see cref="PersonPicker"/>).</summary>
    public string Type { get; set; } = "text";

    public string? Value { get; set; }

    /// <summary>A line under the label saying what is asked for.</summary>
    public string? Hint { get; set; }

    /// <summary>The choices of a select: value and text.</summary>
    public IEnumerable<KeyValuePair<string, string>>? Options { get; set; }

    public int Rows { get; set; } = 3;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = $"{Form}-{Name.Replace('.', '-').Replace('[', '-').Replace("]", "", StringComparison.Ordinal)}";
        var refusal = Refused.Of(ViewContext.HttpContext) is { } refused && refused.Form == Form ? refused : null;
        var request = ViewContext.HttpContext.Request;
        var value = SentForm.ShowsSent(ViewContext.HttpContext, Form) && request.HasFormContentType ? request.Form[Name].ToString() : Value ?? "";
        var errors = refusal?.Fields.GetValueOrDefault(Name);
        var described = string.Join(" ", new[] { Hint is null ? null : $"{id}-hint", errors is null ? null : $"{id}-error" }.OfType<string>());

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", errors is null ? "field" : "field invalid");
        var html = new System.Text.StringBuilder();
        html.Append($"<label for=\"{id}\">{E(Label)}</label>");
        if (Hint is not null)
        {
            html.Append($"<span class=\"hint\" id=\"{id}-hint\">{E(Hint)}</span>");
        }

        var common = $"id=\"{id}\" name=\"{E(Name)}\"" + (described.Length > 0 ? $" aria-describedby=\"{described}\"" : "")
            + (errors is null ? "" : " aria-invalid=\"true\"");
        var choices = Type == "person" && refusal is not null ? PersonPicker.ChoicesOf(ViewContext.HttpContext, Name) : null;
        switch (Type)
        {
            case "person" when choices is not null:
                // What was typed matched several people: the field offers them to choose from.
                html.Append($"<select {common}>");
                foreach (var person in choices)
                {
                    html.Append($"<option value=\"{E(person.Id)}\">{E(PersonPicker.Describe(person))}</option>");
                }

                html.Append("</select>");
                break;
            case "person":
                html.Append($"<input {common} type=\"text\" autocomplete=\"off\" value=\"{E(value)}\">");
                break;
            case "textarea":
                html.Append($"<textarea {common} rows=\"{Rows}\">{E(value)}</textarea>");
                break;
            case "select":
                html.Append($"<select {common}>");
                foreach (var (optionValue, text) in Options ?? [])
                {
                    html.Append($"<option value=\"{E(optionValue)}\"{(optionValue == value ? " selected" : "")}>{E(text)}</option>");
                }

                html.Append("</select>");
                break;
            case "number":
                // Numbers are typed the Norwegian way (1 200 000,50), which a number input would refuse.
                html.Append($"<input {common} type=\"text\" inputmode=\"decimal\" value=\"{E(value)}\">");
                break;
            default:
                html.Append($"<input {common} type=\"{E(Type)}\" value=\"{E(value)}\">");
                break;
        }

        if (errors is not null)
        {
            html.Append($"<p id=\"{id}-error\" class=\"field-error\">{E(string.Join(" ", errors))}</p>");
        }

        output.Content.SetHtmlContent(html.ToString());
    }

    private string E(string text) => encoder.Encode(text);
}
