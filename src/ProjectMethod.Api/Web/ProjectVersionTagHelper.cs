using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ProjectMethod.Api.Web;

/// <summary>
/// Every form a project's page posts carries the project's version as the page showed it, and is sent with it as the
/// API's <c>If-Match</c>: a form filled in while someone else changed the project is refused (412) instead of overwriting
/// what the other wrote.
/// </summary>
[HtmlTargetElement("form", Attributes = "method")]
public sealed class ProjectVersionTagHelper : TagHelper
{
    public const string Field = "projectVersion";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public string Method { get; set; } = "";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.SetAttribute("method", Method);
        if (string.Equals(Method, "post", StringComparison.OrdinalIgnoreCase) && ViewContext.ViewData.Model is ProjectPageModel { Project: { } project })
        {
            output.PostContent.AppendHtml($"<input type=\"hidden\" name=\"{Field}\" value=\"{project.Version}\">");
        }
    }
}
