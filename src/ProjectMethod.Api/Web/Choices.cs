using System.Globalization;
using Microsoft.Extensions.Localization;
using NodaTime;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Web;

/// <summary>Numbers and dates as a Norwegian reader writes them: 1 200 000, 1 200 000 kr, 31.03.2027 and 31.03.2027 14:05.</summary>
public static class Numbers
{
    private static readonly NumberFormatInfo Norwegian = new() { NumberGroupSeparator = "\u00a0", NumberDecimalSeparator = ",", NegativeSign = "−" };
    private static readonly DateTimeZone Oslo = DateTimeZoneProviders.Tzdb["Europe/Oslo"];

    public static string Format(decimal value) => value.ToString(value == decimal.Truncate(value) ? "#,0" : "#,0.##", Norwegian);

    public static string Kroner(decimal value) => $"{Format(value)}\u00a0kr";

    public static string Format(LocalDate date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    public static string Date(Instant instant) => Format(instant.InZone(Oslo).Date);

    public static string DateTime(Instant instant) => instant.InZone(Oslo).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A form field's value for a number: plain digits with a decimal comma, as the reader would type it.</summary>
    public static string Field(decimal? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ',') : "";

    /// <summary>A date field's value (the ISO form a date input takes).</summary>
    public static string Field(LocalDate? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}

/// <summary>The choices of the forms' select fields, in the reader's language: the API's values with the texts' names.</summary>
public static class Choices
{
    public static IEnumerable<KeyValuePair<string, string>> Of<TEnum>(IStringLocalizer texts, string prefix, bool empty = true)
        where TEnum : struct, Enum =>
        (empty ? [new KeyValuePair<string, string>("", texts["Choose"])] : Array.Empty<KeyValuePair<string, string>>())
            .Concat(Enum.GetValues<TEnum>().Select(v => new KeyValuePair<string, string>(v.Wire(), texts[$"{prefix}.{v.Wire()}"])));

    public static IEnumerable<KeyValuePair<string, string>> Roles(IStringLocalizer texts) => Of<ProjectRole>(texts, "Role");

    /// <summary>A benefit's unit in the page's language (timer, antall, prosent, kr); a unit of the owner's own words as it is.</summary>
    public static string Unit(string unit, IStringLocalizer texts) => texts[$"Unit.{unit}"] is { ResourceNotFound: false } named ? named.Value : unit;

    /// <summary>A decision point as the method names it: BP1–BP6, or the stage boundary.</summary>
    public static string Point(Domain.Phases.DecisionPoint point, IStringLocalizer texts) =>
        point == Domain.Phases.DecisionPoint.StageBoundary ? texts["StageBoundary"] : point.Wire().ToUpperInvariant();

    /// <summary>A history entry's event in the reader's language; its type where no name is kept.</summary>
    public static string Event(string type, IStringLocalizer texts) => texts[$"Event.{type}"] is { ResourceNotFound: false } named ? named.Value : type;
}
