using System.Globalization;
using System.Resources;
using NodaTime;

namespace ProjectMethod.Api.Infrastructure.Documents;

/// <summary>
/// The texts of a document in its language: the pages' texts (<c>Texts.resx</c>), in bokmål unless English is asked for —
/// by an API caller's <c>Accept-Language</c>, or by the language a reader chose for the pages.
/// </summary>
public sealed class PaperTexts
{
    private static readonly ResourceManager Resources = new("ProjectMethod.Api.Web.Texts", typeof(PaperTexts).Assembly);

    private static readonly string[] NorwegianMonths =
        ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"];

    private static readonly string[] EnglishMonths =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private readonly CultureInfo culture;

    private PaperTexts(CultureInfo culture, string language)
    {
        this.culture = culture;
        Language = language;
    }

    public static PaperTexts Bokmal { get; } = new(CultureInfo.GetCultureInfo("nb-NO"), "nb-NO");

    public static PaperTexts English { get; } = new(CultureInfo.GetCultureInfo("en"), "en");

    /// <summary>The document's language as a PDF names it.</summary>
    public string Language { get; }

    public bool IsEnglish => ReferenceEquals(this, English);

    /// <summary>English when the caller's most preferred language is English; bokmål otherwise (and by default).</summary>
    public static PaperTexts For(HttpRequest request)
    {
        var preferred = request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1).FirstOrDefault();
        return preferred?.Value.Value?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? English : Bokmal;
    }

    /// <summary>The language the pages are read in now.</summary>
    public static PaperTexts OfPages() => Web.Texts.English ? English : Bokmal;

    public string this[string key] => Resources.GetString(key, culture) ?? throw new InvalidOperationException($"No text {key}.");

    public string this[string key, params object[] arguments] => string.Format(CultureInfo.InvariantCulture, this[key], arguments);

    /// <summary>A benefit's unit in the document's language (timer, antall, prosent, kr); a unit of the owner's own words as it is.</summary>
    public string Unit(string unit) => Resources.GetString($"Unit.{unit}", culture) ?? unit;

    /// <summary>«mars 2026» or «March 2026»: a month on a chart's axis.</summary>
    public string Month(LocalDate date) => $"{(IsEnglish ? EnglishMonths : NorwegianMonths)[date.Month - 1][..3]} {date.Year}";

    /// <summary>«4. desember 2026» or «4 December 2026»: written out here, since the service runs without culture data.</summary>
    public string LongDate(LocalDate date) =>
        IsEnglish ? $"{date.Day} {EnglishMonths[date.Month - 1]} {date.Year}" : $"{date.Day}. {NorwegianMonths[date.Month - 1]} {date.Year}";
}
