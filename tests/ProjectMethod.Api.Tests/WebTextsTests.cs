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
            Named<ToleranceStatus>("ToleranceStatus"), Named<Rag>("Rag"), Named<Decision>("Decision"), Named<Decider>("Decider"), Named<Principle>("Principle"),
            Enum.GetValues<Dimension>().Select(d => $"Dimension.{ToleranceRules.Name(d)}"),
            Enum.GetValues<DecisionPoint>().SelectMany(p => CriteriaCatalogue.Default.For(p)).Select(c => $"Criterion.{c.Id}"),
            EventTypes.Known.Where(t => !t.StartsWith("handbook", StringComparison.Ordinal)
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
        // The codes the service gives in a switch (status code pages, unreadable requests) beside those found by their call.
        var codes = source.SelectMany(text => DomainCode().Matches(text).Select(m => m.Groups[1].Value))
            .Concat(["bad-request", "method-not-allowed", "unsupported-media-type"]).Distinct().ToList();

        codes.Should().Contain(["four-eyes", "criteria-unmet", "role-rule-broken", "outside-tolerance-limit"]);
        codes.Where(c => !bokmal.Contains($"Problem.{c}")).Should().BeEmpty("a refusal the pages show in Norwegian has its Norwegian title");
    }

    [Fact]
    public void Every_reason_a_criterion_gives_and_every_role_rule_it_names_reads_in_norwegian()
    {
        var bokmal = Keys("Texts.resx");
        var domain = Directory.EnumerateFiles(Repository.PathOf("src/ProjectMethod.Domain"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Select(File.ReadAllText).ToList();
        var reasons = domain.SelectMany(text => ReasonCode().Matches(text).Select(m => m.Groups[1].Value))
            .SelectMany(code => code.Contains("{level}", StringComparison.Ordinal) ? [code.Replace("{level}", "stage"), code.Replace("{level}", "project")] : new[] { code })
            .Distinct().ToList();
        var rules = domain.SelectMany(text => RuleId().Matches(text).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value))
            .Concat(["single-executive", "single-project-manager", "single-benefit-owner"])
            .Distinct().ToList();

        reasons.Should().Contain(["checklist-open", "roles-missing", "stage-tolerances-missing", "project-no-tolerances"]);
        reasons.Where(c => !bokmal.Contains($"Reason.{c}")).Should().BeEmpty("a criterion's reason is shown on a Norwegian page");
        rules.Should().Contain(["executive-not-project-manager", "single-executive", "same-holder", "role-required"]);
        rules.Where(r => !bokmal.Contains($"Rule.{r}")).Should().BeEmpty("a broken role rule is named on a Norwegian page");

        var texts = Texts("nb-NO");
        foreach (var code in reasons)
        {
            var arguments = Enumerable.Range(0, 3).Select(i => ReasonArgument.Text($"argument {i}")).ToList();
            Reasons.Text(new Reason(code, arguments), texts).Should().NotBeNullOrEmpty().And.NotContain("{", code);
        }
    }

    [Theory]
    [InlineData("1 500 000", 1_500_000)]
    [InlineData("1500000", 1_500_000)]
    [InlineData("1,5 mill", 1_500_000)]
    [InlineData("1,5 millioner", 1_500_000)]
    [InlineData("2 mrd", 2_000_000_000)]
    [InlineData("1.500.000", 1_500_000)]
    [InlineData("12,5", 12.5)]
    [InlineData("12.5", 12.5)]
    [InlineData("kr 800 000", 800_000)]
    [InlineData("800 000 kr", 800_000)]
    [InlineData("-3", -3)]
    public void Forms_read_amounts_as_people_write_them(string typed, decimal expected) =>
        FormReader.Amount(typed).Should().Be(expected);

    [Theory]
    [InlineData("mye")]
    [InlineData("1,5 milli")]
    [InlineData("1 500 000 000 000 000 000 000 000 000 000")]
    public void An_amount_that_is_none_is_said_to_be_none(string typed)
    {
        var form = Form(("budget", typed));

        form.Number("budget").Should().BeNull();
        form.Errors["budget"].Should().Equal("Skriv et tall, for eksempel 1 200 000 eller 12,5.");
    }

    [Theory]
    [InlineData("31.12.2027")]
    [InlineData("31/12/2027")]
    [InlineData("2027-12-31")]
    [InlineData("31.12.27")]
    public void Forms_read_dates_as_people_write_them(string typed) =>
        Form(("end", typed)).Date("end").Should().Be(new LocalDate(2027, 12, 31));

    [Fact]
    public void Every_operation_a_page_asks_about_is_an_operation_of_the_api()
    {
        var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Repository.PathOf("openapi/ProjectMethod.v1.json")));
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => op.Value.GetProperty("operationId").GetString()!)).ToHashSet();
        var pages = Directory.EnumerateFiles(Path.Combine(Folder, "Pages"), "*.cs*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Folder, "*.cs"));

        // Pages name operations from the catalogue (Operations.Decide); each is the operation id its field holds.
        var catalogue = typeof(Operations).GetFields().Where(f => f.FieldType == typeof(OperationId))
            .ToDictionary(f => f.Name, f => ((OperationId)f.GetValue(null)!).Name);
        var named = pages.SelectMany(p => OperationName().Matches(File.ReadAllText(p))
            .Select(m => (Page: Path.GetFileName(p), Operation: catalogue.GetValueOrDefault(m.Groups["op"].Value, m.Groups["op"].Value)))).ToList();

        named.Should().HaveCountGreaterThan(30);
        named.Where(n => !operations.Contains(n.Operation)).Should().BeEmpty("a page that names an operation the API does not have would fail when it is shown");
    }

    [Fact]
    public void A_refusal_reads_in_norwegian_and_the_services_english_detail_only_where_nothing_norwegian_says_it()
    {
        var texts = Texts("nb-NO");
        var unmet = Problems.From(new DomainError(ErrorKind.Conflict, "criteria-unmet", "Criteria unmet", "BP1 cannot be approved: An Executive is named.")
        {
            Extensions = new Dictionary<string, object?>
            {
                ["unmetCriteria"] = new[] { new CriterionResult("executive-named", Principle.P3, "An Executive is named.", false, "No Executive.") },
            },
        });
        var rule = Problems.From(DomainError.Conflict("role-rule-broken", "Role rule broken", "The Executive cannot also be the Project Manager.")
            with { Extensions = new Dictionary<string, object?> { ["rule"] = "executive-not-project-manager" } });
        var fourEyes = Problems.From(new DomainError(ErrorKind.Forbidden, "four-eyes", "Four eyes", "Whoever asked for the decision cannot make it."));

        var refused = Refused.From("decide", unmet, texts);
        var broken = Refused.From("assign", rule, texts);
        var other = Refused.From("decide", fourEyes, texts);

        refused.Unmet.Should().Equal("En prosjekteier er utpekt.");
        refused.Detail.Should().BeEmpty("the unmet criteria say it in Norwegian");
        broken.Detail.Should().Be("Prosjekteier kan ikke også være prosjektleder.");
        broken.DetailIsEnglish.Should().BeFalse();
        other.Title.Should().Be("Fire øyne: den som ba om beslutningen kan ikke ta den");
        other.Detail.Should().BeEmpty("a Norwegian page never shows the service's English detail; its title says it");
        var english = Refused.From("decide", fourEyes, Texts("en"));
        english.Title.Should().Be("Four eyes: whoever asked cannot decide");
        english.Detail.Should().Be("Whoever asked for the decision cannot make it.");
        english.DetailIsEnglish.Should().BeTrue();
    }

    [Fact]
    public void A_criterions_reason_reads_in_the_pages_language_with_its_arguments_named_there()
    {
        var reason = Reason.Of("roles-missing", ReasonArgument.Of(ReasonArgumentKind.Role, ["projectManager", "benefitOwner"]));
        var tolerances = Reason.Of("stage-tolerances-missing", ReasonArgument.Number(2), ReasonArgument.Of(ReasonArgumentKind.Dimension, ["cost", "risk"]));

        Reasons.Text(reason, Texts("nb-NO")).Should().Be("Mangler: prosjektleder, gevinstansvarlig.");
        Reasons.Text(reason, Texts("en")).Should().Be("Missing: Project Manager, Benefit Owner.");
        Reasons.Text(tolerances, Texts("nb-NO")).Should().Be("Fase 2 mangler toleranse for kostnad, risiko.");
        Reasons.Text(Reason.Of("no-such-reason"), Texts("nb-NO")).Should().BeNull();
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
        refused.Fields["lessonIds"].Should().Equal(["Verdien er ikke gyldig."], "a message without a Norwegian text is never shown in English on a Norwegian page");
    }

    [Fact]
    public void An_english_page_shows_a_message_it_has_no_text_for_as_the_api_gave_it()
    {
        var validation = new Validation().That(false, "lessonIds", "Name the lessons that were read.").Text("purpose", null, 10);

        var refused = Refused.From("mandate", Problems.Validation(validation.Errors), Texts("en"));

        refused.Fields["lessonIds"].Should().Equal("Name the lessons that were read.");
        refused.Fields["purpose"].Should().Equal("Required.");
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

        tolerances.Cost.Should().Be(new ManageByException.AmountBand(900_000, null, 50_000));
        tolerances.Time.Should().Be(new ManageByException.DateBand(new LocalDate(2027, 4, 30)));
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

    [GeneratedRegex(@"\bOperations\.(?<op>[A-Z][a-zA-Z]+)\b")]
    private static partial Regex OperationName();

    [GeneratedRegex("""T\["([A-Za-z0-9.]+)"\]""")]
    private static partial Regex TextKey();

    [GeneratedRegex(@"Reason\.Of\(\$?""([a-z{}-]+)""")]
    private static partial Regex ReasonCode();

    [GeneratedRegex(@"(?:new\(""([a-z][a-z-]+)"", ProjectRole\.|RoleRuleViolation\(""([a-z][a-z-]+)"",)")]
    private static partial Regex RuleId();

    [GeneratedRegex(@"(?:DomainError\.(?:Conflict|Invalid)\(|new DomainError\(ErrorKind\.\w+,|Problems\.Problem\(StatusCodes\.\w+,)\s*""([a-z][a-z0-9-]+)""")]
    private static partial Regex DomainCode();
}
