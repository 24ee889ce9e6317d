using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Primitives;
using NodaTime;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Tests.Infrastructure;
using ProjectMethod.Api.Web;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Benefits;
using ProjectMethod.Domain.Checklists;
using ProjectMethod.Domain.Exceptions;
using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Products;
using ProjectMethod.Domain.Risks;
using ProjectMethod.Domain.Roles;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Tests;

/// <summary>
/// The web application's words: every text a page asks for exists in bokmål and English, every value of the domain a page
/// names has its name, refusals read in Norwegian, and forms read numbers and dates the way a Norwegian writes them.
/// </summary>
public sealed partial class WebTextsTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static readonly string Folder = Repository.PathOf("src/ProjectMethod.Api/Web");

    private static HashSet<string> Keys(string file) =>
        XDocument.Load(Path.Combine(Folder, file)).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

    [Fact]
    public void Bokmal_and_english_hold_the_same_texts()
    {
        var bokmal = Keys("Texts.resx");
        var english = Keys("Texts.en.resx");

        bokmal.Except(english).Should().BeEmpty("every bokmål text has its English one");
        english.Except(bokmal).Should().BeEmpty("every English text has its bokmål one");
    }

    [Fact]
    public void Every_text_a_page_asks_for_exists()
    {
        var bokmal = Keys("Texts.resx");
        var pages = Directory.EnumerateFiles(Path.Combine(Folder, "Pages"), "*.cshtml", SearchOption.AllDirectories).ToList();
        pages.Should().HaveCountGreaterThan(10);

        var asked = pages.SelectMany(p => TextKey().Matches(File.ReadAllText(p)).Select(m => (Page: Path.GetFileName(p), Key: m.Groups[1].Value))).ToList();

        asked.Should().HaveCountGreaterThan(100);
        asked.Where(a => !bokmal.Contains(a.Key)).Should().BeEmpty("a page that asks for a text nobody wrote shows its key");
    }

    [Fact]
    public void Every_value_a_page_names_has_a_name_in_both_languages()
    {
        var bokmal = Keys("Texts.resx");
        static IEnumerable<string> Named<TEnum>(string prefix)
            where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(v => $"{prefix}.{v.Wire()}");

        var named = new[]
        {
            Named<Phase>("Phase"), Named<ProjectRole>("Role"), Named<ToleranceLevel>("Level"), Named<ExceptionState>("ExceptionState"),
            Named<ExceptionDecision>("ExceptionDecision"), Named<ProductState>("ProductState"), Named<ReviewResult>("ReviewResult"),
            Named<UncertaintyKind>("UncertaintyKind"), Named<RiskStatus>("RiskStatus"), Named<BenefitType>("BenefitType"),
            Named<ChangeDecision>("ChangeDecision"), Named<ChecklistStatus>("ChecklistStatus"), Named<BusinessCaseStanding>("CaseStanding"),
            Named<ToleranceStatus>("ToleranceStatus"), Named<Rag>("Rag"), Named<Decision>("Decision"), Named<Decider>("Decider"),
            Enum.GetValues<Dimension>().Select(d => $"Dimension.{ToleranceRules.Name(d)}"),
            Enum.GetValues<DecisionPoint>().SelectMany(p => CriteriaCatalogue.Default.For(p)).Select(c => $"Criterion.{c.Id}"),
            typeof(EventTypes).GetFields().Select(f => (string)f.GetValue(null)!).Where(t => !t.StartsWith("handbook", StringComparison.Ordinal)
                && !t.StartsWith("webhook", StringComparison.Ordinal) && t != "*").Select(t => $"Event.{t}"),
        }.SelectMany(k => k).Distinct().ToList();

        named.Where(k => !bokmal.Contains(k)).Should().BeEmpty();
    }

    [Fact]
    public void Every_refusal_the_domain_gives_has_a_norwegian_title()
    {
        var bokmal = Keys("Texts.resx");
        var source = Directory.EnumerateFiles(Repository.PathOf("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Select(File.ReadAllText);
        var codes = source.SelectMany(text => DomainCode().Matches(text).Select(m => m.Groups[1].Value)).Distinct().ToList();

        codes.Should().Contain(["four-eyes", "criteria-unmet", "role-rule-broken", "outside-tolerance-limit"]);
        codes.Where(c => !bokmal.Contains($"Problem.{c}")).Should().BeEmpty("a refusal the pages show in Norwegian has its Norwegian title");
    }

    [Fact]
    public void Every_operation_a_page_asks_about_is_an_operation_of_the_api()
    {
        var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Repository.PathOf("openapi/ProjectMethod.v1.json")));
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => op.Value.GetProperty("operationId").GetString()!)).ToHashSet();
        var pages = Directory.EnumerateFiles(Path.Combine(Folder, "Pages"), "*.cs*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Folder, "*.cs"));

        var named = pages.SelectMany(p => OperationName().Matches(File.ReadAllText(p)).Select(m => (Page: Path.GetFileName(p), Operation: m.Groups["op"].Value))).ToList();

        named.Should().HaveCountGreaterThan(30);
        named.Where(n => !operations.Contains(n.Operation)).Should().BeEmpty("a page that names an operation the API does not have would fail when it is shown");
    }

    [Fact]
    public void A_refusal_reads_in_norwegian_with_the_apis_own_detail_kept()
    {
        var texts = Texts("nb-NO");
        var problem = Problems.From(new DomainError(ErrorKind.Conflict, "four-eyes", "Four eyes", "Whoever asked for the decision cannot make it.")
        {
            Extensions = new Dictionary<string, object?>
            {
                ["unmetCriteria"] = new[] { new CriterionResult("executive-named", Principle.P3, "An Executive is named.", false, "No Executive.") },
            },
        });

        var refused = Refused.From("decide", problem, texts);

        refused.Title.Should().Be("Fire øyne: den som ba om beslutningen kan ikke ta den");
        refused.Detail.Should().Be("Whoever asked for the decision cannot make it.");
        refused.Unmet.Should().Equal("En prosjekteier er utpekt.");
        Refused.From("decide", problem, Texts("en")).Title.Should().Be("Four eyes: whoever asked cannot decide");
    }

    [Fact]
    public void The_apis_field_messages_read_in_norwegian()
    {
        var texts = Texts("nb-NO");
        var validation = new Validation().Text("purpose", null, 10).Text("background", new string('x', 11), 10)
            .That(false, "lessonIds", "Name the lessons that were read.");

        var refused = Refused.From("mandate", Problems.Validation(validation.Errors), texts);

        refused.Title.Should().Be("Noen felt er ikke fylt ut riktig");
        refused.Fields["purpose"].Should().Equal("Må fylles ut.");
        refused.Fields["background"].Should().Equal("Kan ha høyst 10 tegn.");
        refused.Fields["lessonIds"].Should().Equal("Name the lessons that were read.");
    }

    [Theory]
    [InlineData("1 200 000", 1_200_000)]
    [InlineData("1\u00a0200\u00a0000 kr", 1_200_000)]
    [InlineData("12,5", 12.5)]
    [InlineData("-3", -3)]
    [InlineData("800000.25", 800_000.25)]
    public void A_form_reads_numbers_as_they_are_written_in_norwegian(string written, decimal expected)
    {
        var form = Form(("cost", written));

        form.Number("cost").Should().Be(expected);
        form.IsValid.Should().BeTrue();
    }

    [Fact]
    public void A_form_reads_dates_both_ways_and_names_what_it_cannot_read()
    {
        var form = Form(("a", "31.03.2027"), ("b", "2027-03-31"), ("c", "31/3"), ("d", "tolv"), ("e", "1,5"), ("f", ""));

        form.Date("a").Should().Be(new LocalDate(2027, 3, 31));
        form.Date("b").Should().Be(new LocalDate(2027, 3, 31));
        form.Date("f").Should().BeNull("an empty field is absent, so the API names it as required");
        form.IsValid.Should().BeTrue();
        form.Date("c").Should().BeNull();
        form.Number("d").Should().BeNull();
        form.WholeNumber("e").Should().BeNull();

        form.Errors.Keys.Should().BeEquivalentTo(["c", "d", "e"]);
        form.Errors["c"].Should().Equal("Skriv en dato, for eksempel 31.03.2027.");
        form.Errors["e"].Should().Equal("Skriv et helt tall.");
    }

    [Fact]
    public void A_form_leaves_out_a_tolerance_band_with_nothing_filled_in()
    {
        var tolerances = Form(("tolerances.cost.plan", "900 000"), ("tolerances.cost.upper", "50 000"), ("tolerances.time.plan", "2027-04-30"))
            .Tolerances("tolerances.");

        tolerances.Cost.Should().Be(new Tolerances.AmountBand(900_000, null, 50_000));
        tolerances.Time.Should().Be(new Tolerances.DateBand(new LocalDate(2027, 4, 30)));
        tolerances.Quality.Should().BeNull();
        tolerances.Benefit.Should().BeNull();
    }

    private IStringLocalizer Texts(string culture)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            var localizer = (IStringLocalizer)api.Services.GetService(typeof(IStringLocalizer<Texts>))!;
            return new Fixed(localizer, new CultureInfo(culture));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private FormReader Form(params (string Name, string Value)[] fields) =>
        new(new FormCollection(fields.ToDictionary(f => f.Name, f => new StringValues(f.Value))), Texts("nb-NO"));

    /// <summary>A localizer that answers in one culture whatever the thread's.</summary>
    private sealed class Fixed(IStringLocalizer inner, CultureInfo culture) : IStringLocalizer
    {
        public LocalizedString this[string name] => In(() => inner[name]);

        public LocalizedString this[string name, params object[] arguments] => In(() => inner[name, arguments]);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => In(() => inner.GetAllStrings(includeParentCultures).ToList());

        private T In<T>(Func<T> read)
        {
            var before = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = culture;
            try
            {
                return read();
            }
            finally
            {
                CultureInfo.CurrentUICulture = before;
            }
        }
    }

    [GeneratedRegex("""(?:May|Check)\("(?<op>[a-zA-Z]+)"|SendAsync\([^,]+, [^,]+, "(?<op>[a-zA-Z]+)"|Step\(id, productId, "(?<op>[a-zA-Z]+)"|\("(?<op>[a-zA-Z]+)", "(?:Approve|Submit|Review|Accept|Reject)",""")]
    private static partial Regex OperationName();

    [GeneratedRegex("""T\["([A-Za-z0-9.]+)"\]""")]
    private static partial Regex TextKey();

    [GeneratedRegex(@"(?:DomainError\.(?:Conflict|Invalid)\(|new DomainError\(ErrorKind\.\w+,|Problems\.Problem\(StatusCodes\.\w+,)\s*""([a-z][a-z0-9-]+)""")]
    private static partial Regex DomainCode();
}
