using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using NodaTime;
using NodaTime.Text;
using ProjectMethod.Api.ManageByException;
using ProjectMethod.Domain.Gates;

namespace ProjectMethod.Api.Web;

/// <summary>
/// A refusal as the API words it, for the form it concerns, in the reader's language: the problem's title by its type,
/// the API's own detail, the fields it names with their messages, and the criteria unmet.
/// </summary>
public sealed partial record Refused(
    string Form, string Title, string Detail, string Type, IReadOnlyDictionary<string, string[]> Fields, IReadOnlyList<string> Unmet, bool DetailIsEnglish = true)
{
    public static Refused From(string form, ProblemHttpResult problem, IStringLocalizer texts)
    {
        var details = problem.ProblemDetails;
        var type = details.Type?.Replace(Infrastructure.Problems.TypePrefix, "", StringComparison.Ordinal) ?? "";
        var fields = details.Extensions.TryGetValue("errors", out var errors) && errors is IDictionary<string, string[]> named
            ? named.ToDictionary(f => f.Key, f => f.Value.Select(m => FieldMessage(m, texts)).ToArray())
            : new Dictionary<string, string[]>();
        var unmet = details.Extensions.TryGetValue("unmetCriteria", out var criteria) && criteria is IEnumerable<CriterionResult> results
            ? results.Select(c => Criterion(c, texts)).ToList()
            : [];
        var title = texts[$"Problem.{type}"];
        // The service's own (English) detail is shown to an English reader only: a Norwegian page says what its title says.
        var (detail, english) = NorwegianDetail(type, details.Extensions, fields.Count > 0 || unmet.Count > 0, texts) is { } norwegian
            ? (norwegian, false)
            : texts["Texts.Language"].Value == "en" ? (details.Detail ?? "", true) : ("", false);
        return new Refused(form, title.ResourceNotFound ? details.Title ?? "" : title.Value, detail, type, fields, unmet, english);
    }

    /// <summary>
    /// The refusal's detail in Norwegian where the page has it: none where the fields or the criteria already say what is
    /// wrong, the broken role rule by its id, or the problem type's own sentence; null to show the service's detail.
    /// </summary>
    private static string? NorwegianDetail(string type, IDictionary<string, object?> extensions, bool shownBeside, IStringLocalizer texts)
    {
        if (shownBeside)
        {
            return "";
        }

        if (extensions.TryGetValue("rule", out var rule) && texts[$"Rule.{rule}"] is { ResourceNotFound: false } broken)
        {
            return broken.Value;
        }

        return texts[$"ProblemDetail.{type}"] is { ResourceNotFound: false } sentence ? sentence.Value : null;
    }

    /// <summary>Keeps the refusal for the request, where the form fields of the page and its partials find it.</summary>
    public Refused Keep(HttpContext http)
    {
        http.Items[typeof(Refused)] = this;
        return this;
    }

    /// <summary>The refusal of the form sent in this request, if it was refused.</summary>
    public static Refused? Of(HttpContext http) => http.Items.TryGetValue(typeof(Refused), out var kept) ? kept as Refused : null;

    /// <summary>A refusal found by the page before the use case was asked: a field that is not a number or not a date.</summary>
    public static Refused OfFields(string form, IReadOnlyDictionary<string, string[]> fields, IStringLocalizer texts) =>
        new(form, texts["Problem.validation"], "", "validation", fields, []);

    /// <summary>A criterion in the reader's language, by its id; the API's description where no translation is kept.</summary>
    public static string Criterion(CriterionResult criterion, IStringLocalizer texts)
    {
        var text = texts[$"Criterion.{criterion.Id}"];
        return text.ResourceNotFound ? criterion.Description : text.Value;
    }

    /// <summary>
    /// A validation message of the API in the reader's language: the messages a form meets most by their pattern, any
    /// other as the API gave it to an English reader and as "not valid" to a Norwegian one (the field is named beside it).
    /// </summary>
    public static string FieldMessage(string message, IStringLocalizer texts)
    {
        if (RequiredMessage().IsMatch(message))
        {
            return texts["Field.Required"];
        }

        foreach (var (pattern, key) in FieldPatterns)
        {
            if (pattern.Match(message) is { Success: true } match)
            {
                return texts[key, [.. match.Groups.Values.Skip(1).Select(g => (object)g.Value)]];
            }
        }

        return texts["Texts.Language"].Value == "en" ? message : texts["Field.Invalid"];
    }

    private static readonly (Regex Pattern, string Key)[] FieldPatterns =
    [
        (TooLongMessage(), "Field.TooLong"),
        (new Regex(@"^\S+ must be at least (\d+) characters\.$", RegexOptions.Compiled), "Field.TooShort"),
        (new Regex(@"^\S+ must be 2–50 lowercase letters", RegexOptions.Compiled), "Field.Slug"),
        (new Regex(@"^No person with the id '(.*)' is known", RegexOptions.Compiled), "Field.UnknownPerson"),
        (new Regex(@"^'(.*)' is an archived sector; the sectors are: (.*)\.$", RegexOptions.Compiled), "Field.ArchivedSector"),
        (new Regex(@"^'(.*)' is no sector of the municipality; the sectors are: (.*)\.$", RegexOptions.Compiled), "Field.UnknownSector"),
        (new Regex(@"^\S+ is (-?\d+) to (\d+)\.$", RegexOptions.Compiled), "Field.Range"),
        (new Regex(@"^\S+ must be between (-?\d+) and (\d+)\.$", RegexOptions.Compiled), "Field.Range"),
        (new Regex(@"^\S+ must be one of (.*)\.$", RegexOptions.Compiled), "Field.OneOf"),
        (new Regex(@"^This operation takes no query parameter by that name; it takes (.*)\.$", RegexOptions.Compiled), "Field.UnknownQuery"),
        (new Regex(@"^This operation takes no query parameters\.$", RegexOptions.Compiled), "Field.NoQuery"),
        (new Regex(@"^\S+ must be an instant in ISO-8601 UTC", RegexOptions.Compiled), "Field.Instant"),
        (new Regex(@"^\S+ is 0 or more", RegexOptions.Compiled), "Field.NotNegative"),
        (new Regex(@"^At most (\d+) ", RegexOptions.Compiled), "Field.AtMost"),
        (new Regex(@"^A failed review lists its defects\.$", RegexOptions.Compiled), "Field.FailedReviewDefects"),
        (new Regex(@"^A passed review leaves no open defects", RegexOptions.Compiled), "Field.PassedReviewDefects"),
        (new Regex(@"^A (?:baseline|target) has a value and a date\.$", RegexOptions.Compiled), "Field.ValueAndDate"),
        (new Regex(@"^\S+ is an e-mail address\.$", RegexOptions.Compiled), "Field.Email"),
    ];

    [GeneratedRegex(@"^\S+ is required\.$")]
    private static partial Regex RequiredMessage();

    [GeneratedRegex(@"^\S+ must be at most (\d+) characters\.$")]
    private static partial Regex TooLongMessage();
}

/// <summary>
/// A form sent and shown again without a refusal, for its sender to review before it is sent for good: its fields show
/// what was sent, as after a refusal.
/// </summary>
public static class SentForm
{
    private static readonly object Key = new();

    public static void Keep(HttpContext http, string form) => http.Items[Key] = form;

    /// <summary>Whether the fields of this form show what the request sent: it was refused, or is being reviewed.</summary>
    public static bool ShowsSent(HttpContext http, string form) =>
        Refused.Of(http)?.Form == form || (http.Items.TryGetValue(Key, out var kept) && kept as string == form);
}

/// <summary>A page whose forms can be refused.</summary>
public interface IRefusable
{
    Refused? Refusal { get; }
}

/// <summary>
/// Reads a posted form into the API's request types: empty means absent (so the use case names what is required), and
/// numbers and dates are read the Norwegian way too (<c>1 200 000,50</c>, <c>31.03.2027</c>). What cannot be read is a
/// field error before the use case is asked.
/// </summary>
public sealed partial class FormReader(IFormCollection form, IStringLocalizer texts)
{
    private static readonly LocalDatePattern Iso = LocalDatePattern.Iso;
    private static readonly LocalDatePattern[] Norwegian =
        [.. new[] { "d.M.yyyy", "d/M/yyyy", "d.M.yy", "d/M/yy" }.Select(LocalDatePattern.CreateWithInvariantCulture)];

    private readonly Dictionary<string, string[]> errors = [];

    public IReadOnlyDictionary<string, string[]> Errors => errors;

    public bool IsValid => errors.Count == 0;

    public string? Text(string name) => form[name].ToString() is { Length: > 0 } text ? text : null;

    /// <summary>A field the page could not read, with what it expected; the use case is not asked.</summary>
    public void Refuse(string name, string message) => errors[name] = [message];

    public IReadOnlyList<string> Lines(string name) =>
        (Text(name) ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The choices ticked under one name; a value that is none of them is left out.</summary>
    public IReadOnlyList<TEnum> Enums<TEnum>(string name)
        where TEnum : struct, Enum =>
        form[name].Select(v => System.Enum.TryParse<TEnum>(v, ignoreCase: true, out var value) ? value : (TEnum?)null).OfType<TEnum>().Distinct().ToList();

    /// <summary>The ids of the boxes ticked under one name; a value that is no id is left out.</summary>
    public IReadOnlyList<Guid> Ids(string name) => form[name].Select(v => Guid.TryParse(v, out var id) ? id : (Guid?)null).OfType<Guid>().ToList();

    public Guid? Id(string name) => Guid.TryParse(Text(name), out var id) ? id : null;

    public bool? Bool(string name) => Text(name) switch { "true" => true, "false" => false, _ => null };

    public TEnum? Enum<TEnum>(string name)
        where TEnum : struct, Enum =>
        Text(name) is { } text && System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value) ? value : null;

    public decimal? Number(string name)
    {
        if (Text(name) is not { } text)
        {
            return null;
        }

        if (Amount(text) is { } value)
        {
            return value;
        }

        errors[name] = [texts["Field.NotANumber"]];
        return null;
    }

    /// <summary>
    /// A number as people write it: spaces or points between the thousands (1 500 000, 1.500.000), a decimal comma (12,5),
    /// kr before or after, and mill or mrd for millions and billions (1,5 mill); null when it is none.
    /// </summary>
    public static decimal? Amount(string text)
    {
        var plain = text.Trim().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal)
            .Replace("nok", "", StringComparison.Ordinal).Replace("kr", "", StringComparison.Ordinal).TrimEnd('.', ',', '-');
        var factor = 1m;
        foreach (var (suffix, scale) in Scales)
        {
            if (plain.EndsWith(suffix, StringComparison.Ordinal))
            {
                (plain, factor) = (plain[..^suffix.Length].TrimEnd('.'), scale);
                break;
            }
        }

        // Points between groups of three are thousands (1.500.000); a single point or comma elsewhere is the decimal sign.
        plain = ThousandPoints().IsMatch(plain) ? plain.Replace(".", "", StringComparison.Ordinal) : plain;
        plain = plain.Replace(',', '.');
        return decimal.TryParse(plain, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value * factor
            : null;
    }

    private static readonly (string Suffix, decimal Scale)[] Scales =
    [
        ("milliarder", 1_000_000_000m), ("milliard", 1_000_000_000m), ("mrd", 1_000_000_000m),
        ("millioner", 1_000_000m), ("million", 1_000_000m), ("mill", 1_000_000m), ("mnok", 1_000_000m), ("tusen", 1_000m),
    ];

    [GeneratedRegex(@"^-?\d{1,3}(\.\d{3})+(,\d+)?$")]
    private static partial Regex ThousandPoints();

    public int? WholeNumber(string name)
    {
        if (Number(name) is not { } value)
        {
            return null;
        }

        if (value == decimal.Truncate(value) && Math.Abs(value) <= int.MaxValue)
        {
            return (int)value;
        }

        errors[name] = [texts["Field.NotAWholeNumber"]];
        return null;
    }

    /// <summary>A tolerance set under a prefix: a dimension with nothing filled in is left out, as the API reads an absent band.</summary>
    public ToleranceSetRequest Tolerances(string prefix = "")
    {
        AmountBand? Band(string name) => Given(prefix, name)
            ? new AmountBand(Number($"{prefix}{name}.plan"), Number($"{prefix}{name}.lower"), Number($"{prefix}{name}.upper"))
            : null;

        var time = Given(prefix, "time") ? new DateBand(Date($"{prefix}time.plan"), Number($"{prefix}time.lower"), Number($"{prefix}time.upper")) : null;
        return new ToleranceSetRequest(time, Band("cost"), Band("quality"), Band("scope"), Band("risk"), Band("benefit"), Band("sustainability"));
    }

    /// <summary>The tolerance fields as changes to a baseline: a band whose fields are all empty is no change.</summary>
    public ToleranceSetChange ToleranceChanges(string prefix = "") => Tolerances(prefix).AsChange();

    private bool Given(string prefix, string name) =>
        Text($"{prefix}{name}.plan") is not null || Text($"{prefix}{name}.lower") is not null || Text($"{prefix}{name}.upper") is not null;

    public LocalDate? Date(string name)
    {
        if (Text(name) is not { } text)
        {
            return null;
        }

        foreach (var pattern in Norwegian.Prepend(Iso))
        {
            if (pattern.Parse(text.Trim()) is { Success: true } parsed)
            {
                return parsed.Value;
            }
        }

        errors[name] = [texts["Field.NotADate"]];
        return null;
    }
}

/// <summary>A tolerance form's content: which form and handler, the active dimensions, the stage, and the tolerances set now.</summary>
public sealed record ToleranceForm(
    string Form, string Handler, string Title, IReadOnlyList<Domain.Tolerances.Dimension> Dimensions, int? Stage,
    IReadOnlyList<ToleranceView>? Current, string Prefix = "");
