using System.Globalization;
using Microsoft.Extensions.Localization;
using ProjectMethod.Domain;

namespace ProjectMethod.Api.Web;

/// <summary>A rule's reason in the page's language: its text by code, each argument named the page's way.</summary>
public static class Reasons
{
    /// <summary>The reason's sentence; null where there is no reason or no text for its code (the page then shows the English detail).</summary>
    public static string? Text(Reason? reason, IStringLocalizer texts)
    {
        if (reason is null || texts[$"Reason.{reason.Code}"] is not { ResourceNotFound: false } template)
        {
            return null;
        }

        var arguments = reason.Arguments.Select(argument => (object)Argument(argument, texts)).ToArray();
        return string.Format(CultureInfo.CurrentCulture, template.Value, arguments);
    }

    private static string Argument(ReasonArgument argument, IStringLocalizer texts) => argument.Kind switch
    {
        ReasonArgumentKind.Role => string.Join(", ", argument.Values.Select(v => texts[$"Role.{v}"].Value)),
        ReasonArgumentKind.Rule => string.Join(" ", argument.Values.Select(v => texts[$"Rule.{v}"].Value)),
        ReasonArgumentKind.Dimension => string.Join(", ", argument.Values.Select(v => texts[$"Dimension.{v}"].Value.ToLower(CultureInfo.CurrentCulture))),
        ReasonArgumentKind.Phase => string.Join(", ", argument.Values.Select(v => texts[$"Phase.{v}"].Value)),
        _ => string.Join("; ", argument.Values),
    };
}
