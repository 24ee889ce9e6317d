using System.Globalization;
using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ProjectMethod.Api.Tests.Infrastructure;
using ProjectMethod.Domain.Roles;
using Scenario = ProjectMethod.Api.Tests.Infrastructure.Scenario;

namespace ProjectMethod.Api.Tests;

/// <summary>The documents a steering group, a project office and the council read: fetched as the API offers them and read back.</summary>
public abstract class DocumentTests(ApiFactory api)
{
    private const string Pdf = "application/pdf", Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>A project in its first stage with a highlight report over its cost tolerance, a risk, a product, a benefit and booked costs.</summary>
    private async Task<(Scenario Project, JsonElement Report)> RunningAsync(string sector = "helse")
    {
        var project = await new Scenario(api, sector).InExecutionAsync();
        await project.SeniorUser.Post($"{project.Url}/risks",
            new { kind = "risk", title = "Leverandøren leverer sensorene for sent", probability = 4, consequence = 5, proximity = "Q2", strategy = "reduce", ownerUserId = "per" })
            .Expect(HttpStatusCode.Created);
        var report = await project.ProjectManager.Post($"{project.Url}/forecasts", new
        {
            stage = 1,
            values = new { time = "2027-03-31", cost = 900000, quality = 0, scope = 0, benefit = 500000 },
            comment = "Sensorene ble dyrere",
            narrative = new { achieved = "Pilot i sone nord er i drift", next = "Utrulling i sone sør", issuesAndRisks = "Sensorprisen har steget", dimensionComments = new { cost = "Over rammen" } },
        }).Expect(HttpStatusCode.Created);
        await api.As("okonomi", GlobalRoles.Integrator).Put($"{project.Url}/actuals/1/2026-03", new { amount = 120000 }).Expect(HttpStatusCode.Created);
        return (project, report);
    }

    private static async Task<HttpResponseMessage> Fetch(HttpClient client, string url, string mediaType, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd(mediaType);
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        var answer = await client.SendAsync(request);
        answer.StatusCode.Should().Be(HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
        answer.Content.Headers.ContentType!.MediaType.Should().Be(mediaType);
        return answer;
    }

    private static async Task<Poppler.Pdf> FetchPdf(HttpClient client, string url, string? language = null)
    {
        using var answer = await Fetch(client, url, Pdf, language);
        return new Poppler.Pdf(await answer.Content.ReadAsByteArrayAsync());
    }

    [ProviderFact]
    public async Task The_steering_pack_holds_the_timeline_status_exceptions_risks_products_benefits_and_the_decisions_of_the_phase()
    {
        var (project, report) = await RunningAsync();
        await project.Executive.Post($"{project.Url}/actions", new { what = "Avklar leveransen med leverandøren", ownerUserId = "per", dueOn = "2027-01-15" })
            .Expect(HttpStatusCode.Created);

        var pack = await project.Outsider.GetAsync($"{project.Url}/steering-pack").Expect(HttpStatusCode.OK);
        pack.GetProperty("openActions").EnumerateArray().Select(a => a.Str("what")).Should().Equal("Avklar leveransen med leverandøren");
        var timeline = pack.GetProperty("timeline");
        timeline.GetProperty("phases").EnumerateArray().Select(p => p.Str("phase")).Should().Equal("proposed", "concept", "planning", "execution");
        timeline.GetProperty("phases")[3].GetProperty("end").ValueKind.Should().Be(JsonValueKind.Null, "execution lasts");
        timeline.Str("plannedEnd").Should().Be("2027-06-30", "the project tolerance's time plan");
        var stage = timeline.GetProperty("stages").EnumerateArray().Single();
        (stage.GetProperty("stage").GetInt32(), stage.Str("plannedEnd")).Should().Be((1, "2027-03-31"));
        var points = timeline.GetProperty("decisionPoints").EnumerateArray().ToList();
        stage.Str("start").Should().Be(points[2].Str("decided"), "BP3 began the first stage");
        points.Select(p => p.Str("decisionPoint")).Should().Equal("bp1", "bp2", "bp3", "bp4");
        points.Take(3).Should().OnlyContain(p => p.Str("decision") == "approve" && p.GetProperty("decided").ValueKind == JsonValueKind.String);
        (points[3].Str("planned"), points[3].GetProperty("decided").ValueKind).Should().Be(("2027-03-31", JsonValueKind.Null), "the stage's end is BP4's planned day");

        var status = pack.GetProperty("status").EnumerateArray().Single();
        status.Str("forecastId").Should().Be(report.Str("id"));
        status.Str("overall").Should().Be("red");
        status.GetProperty("dimensions").Str("cost").Should().Be("red");
        pack.GetProperty("openExceptions").EnumerateArray().Select(e => e.Str("dimension")).Should().Contain("cost");
        pack.GetProperty("topRisks").EnumerateArray().Select(r => r.Str("title")).Should().Equal("Leverandøren leverer sensorene for sent");
        pack.GetProperty("products").EnumerateArray().Should().ContainSingle();
        pack.GetProperty("benefits").EnumerateArray().Should().ContainSingle();
        pack.GetProperty("decisions").EnumerateArray().Select(d => d.Str("decisionPoint")).Should().Equal(["bp3"], "by default the decisions since the project entered its phase");
        var all = await project.Outsider.GetAsync($"{project.Url}/steering-pack?since=2000-01-01T00:00:00Z").Expect(HttpStatusCode.OK);
        all.GetProperty("decisions").EnumerateArray().Select(d => d.Str("decisionPoint")).Should().Equal("bp1", "bp2", "bp3");
        await project.Outsider.GetAsync($"{project.Url}/steering-pack?since=i%20fjor").ExpectProblem(HttpStatusCode.BadRequest, "validation");
        await project.Outsider.GetAsync($"/api/v1/projects/{Guid.NewGuid()}/steering-pack").ExpectProblem(HttpStatusCode.NotFound, "not-found");

        using var pdf = await FetchPdf(project.Outsider, $"{project.Url}/steering-pack");
        pdf.Info.Should().Contain("Styringsgruppepakke: Digital hjemmetjeneste").And.MatchRegex(@"Tagged:\s+yes").And.MatchRegex(@"Pages:\s+[2-9]");
        var text = pdf.Text();
        text.Should().Contain("Tidslinje").And.Contain("Beslutningspunkter").And.Contain("31.03.2027").And.Contain("Leveransefase 1")
            .And.Contain("Rød").And.Contain("Leverandøren leverer sensorene for sent").And.Contain(TestPeople.NameOf("per"))
            .And.Contain("De største risikoene").And.Contain("Åpne unntak").And.Contain("Gevinster").And.Contain("BP3 godkjent")
            .And.Contain("Timer per uke (timer)").And.NotContain("hours").And.NotContain("executive").And.NotContain("red ")
            .And.Contain("Oppfølgingspunkter").And.Contain("Avklar leveransen med leverandøren").And.Contain("15.01.2027");
        pdf.Picture("styringsgruppepakke", pages: 3);
    }

    [ProviderFact]
    public async Task The_status_report_prints_its_narrative_and_the_rag_of_each_dimension_in_bokmal_or_english()
    {
        var (project, report) = await RunningAsync();
        var url = $"{project.Url}/forecasts/{report.Str("id")}";

        var read = await project.Outsider.GetAsync(url).Expect(HttpStatusCode.OK);
        read.GetProperty("narrative").Str("achieved").Should().Be("Pilot i sone nord er i drift");

        using (var pdf = await FetchPdf(project.Outsider, url))
        {
            pdf.Info.Should().Contain("Statusrapport: Digital hjemmetjeneste").And.MatchRegex(@"Tagged:\s+yes");
            pdf.Text().Should().Contain("Oppnådd i perioden").And.Contain("Pilot i sone nord er i drift").And.Contain("Utrulling i sone sør")
                .And.Contain("Sensorprisen har steget").And.Contain("Status per dimensjon").And.Contain("Kostnad").And.Contain("Over rammen")
                .And.Contain("Rød").And.Contain("900 000").And.Contain("120 000").And.Contain(TestPeople.NameOf("per")).And.Contain(TestPeople.NameOf("eva"));
            pdf.Picture("statusrapport");
        }

        using (var english = await FetchPdf(project.Outsider, url, "en-GB"))
        {
            english.Info.Should().Contain("Highlight report: Digital hjemmetjeneste");
            english.Text().Should().Contain("Achieved this period").And.Contain("Cost").And.Contain("Red").And.NotContain("Oppnådd");
        }

        using var missing = new HttpRequestMessage(HttpMethod.Get, $"{project.Url}/forecasts/{Guid.NewGuid()}");
        missing.Headers.Accept.ParseAdd(Pdf);
        (await project.Outsider.SendAsync(missing)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        await project.Outsider.GetAsync($"{project.Url}/forecasts/{Guid.NewGuid()}").ExpectProblem(HttpStatusCode.NotFound, "not-found");
    }

    [ProviderFact]
    public async Task The_end_and_lessons_reports_print_with_what_closure_hands_over()
    {
        var project = await new Scenario(api).InClosureAsync();
        await project.ProjectManager.Post($"{project.Url}/lessons", new
        {
            title = "Involver brukerne tidlig", description = "Brukerne kom inn sent i konseptfasen", recommendation = "Ta med brukerrådet fra BP1", tags = new[] { "medvirkning" },
        }).Expect(HttpStatusCode.Created);
        await project.ProjectManager.Post($"{project.Url}/end-report", new { summary = "Levert innenfor rammene", details = "Alle soner er i drift" }).Expect(HttpStatusCode.Created);
        await project.ProjectManager.Post($"{project.Url}/lessons-report", new { summary = "Involver brukerne tidligere" }).Expect(HttpStatusCode.Created);
        var reports = (await project.Outsider.GetAsync($"{project.Url}/reports").Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().ToList();
        var end = reports.Single(r => r.Str("kind") == "endReport").Str("id");
        var lessons = reports.Single(r => r.Str("kind") == "lessonsReport").Str("id");

        (await project.Outsider.GetAsync($"{project.Url}/reports/{end}").Expect(HttpStatusCode.OK)).Str("summary").Should().Be("Levert innenfor rammene");
        using (var pdf = await FetchPdf(project.Outsider, $"{project.Url}/reports/{end}"))
        {
            pdf.Info.Should().Contain("Sluttrapport: Digital hjemmetjeneste");
            pdf.Text().Should().Contain("Levert innenfor rammene").And.Contain("Alle soner er i drift").And.Contain("Produkter").And.Contain("Godkjent")
                .And.Contain("Gevinster").And.Contain(TestPeople.NameOf("per"));
            pdf.Picture("sluttrapport");
        }

        using (var pdf = await FetchPdf(project.Outsider, $"{project.Url}/reports/{lessons}"))
        {
            pdf.Info.Should().Contain("Erfaringsrapport: Digital hjemmetjeneste");
            pdf.Text().Should().Contain("Involver brukerne tidligere").And.Contain("Involver brukerne tidlig").And.Contain("Ta med brukerrådet fra BP1");
            pdf.Picture("erfaringsrapport");
        }

        await project.Outsider.GetAsync($"{project.Url}/reports/{Guid.NewGuid()}").ExpectProblem(HttpStatusCode.NotFound, "not-found");
    }

    [ProviderFact]
    public async Task The_portfolio_report_sums_per_sector_and_prints_as_pdf_workbook_with_numbers_and_csv()
    {
        var (running, _) = await RunningAsync("kultur");
        var other = await new Scenario(api, "helse").InConceptAsync();
        var board = api.As("bjorn", GlobalRoles.PortfolioBoard);

        var report = await board.GetAsync("/api/v1/portfolio/report").Expect(HttpStatusCode.OK);
        var projects = report.GetProperty("projects").EnumerateArray().ToList();
        var row = projects.Single(p => p.Str("id") == running.Id.ToString());
        (row.GetProperty("budget").GetDecimal(), row.GetProperty("forecast").GetDecimal(), row.GetProperty("actual").GetDecimal(), row.Str("rag"))
            .Should().Be((800000m, 900000m, 120000m, "red"));
        var concept = projects.Single(p => p.Str("id") == other.Id.ToString());
        concept.GetProperty("budget").ValueKind.Should().Be(JsonValueKind.Null, "no stage is planned yet");
        var total = report.GetProperty("total");
        total.GetProperty("projects").GetInt32().Should().Be(projects.Count);
        total.GetProperty("budget").GetDecimal().Should().Be(projects.Sum(p => p.GetProperty("budget").ValueKind == JsonValueKind.Null ? 0 : p.GetProperty("budget").GetDecimal()));
        var culture = report.GetProperty("sectors").EnumerateArray().Single(s => s.Str("sector") == "kultur");
        culture.Str("name").Should().Be("Kultur");
        culture.GetProperty("projects").GetInt32().Should().Be(projects.Count(p => p.Str("sector") == "kultur"));
        culture.GetProperty("actual").GetDecimal().Should().BeGreaterThanOrEqualTo(120000m);
        var filtered = await board.GetAsync("/api/v1/portfolio/report?sector=kultur").Expect(HttpStatusCode.OK);
        filtered.GetProperty("projects").EnumerateArray().Should().OnlyContain(p => p.Str("sector") == "kultur");

        using (var pdf = await FetchPdf(board, "/api/v1/portfolio/report"))
        {
            pdf.Info.Should().Contain("Porteføljerapport: Hele porteføljen").And.MatchRegex(@"Tagged:\s+yes");
            pdf.Text().Should().Contain("Prosjekter per fase").And.Contain("Budsjett, prognose og bokført kostnad per sektor").And.Contain("Kultur")
                .And.Contain("Gevinster planlagt og realisert").And.Contain("Ansatt").And.Contain("Samskaping i porteføljen")
                .And.Contain("800 000 kr");
            pdf.Picture("porteføljerapport", pages: 2);
        }

        using (var answer = await Fetch(board, "/api/v1/portfolio/report", Xlsx))
        {
            using var workbook = SpreadsheetDocument.Open(new MemoryStream(await answer.Content.ReadAsByteArrayAsync()), false);
            var part = workbook.WorkbookPart!;
            var sheets = part.Workbook.Sheets!.Elements<Sheet>().ToList();
            sheets.Select(s => s.Name!.Value).Should().Contain(["Prosjekter", "Sektorer", "Faser", "Idéer", "Samskaping", "Om rapporten"]);
            var rows = Cells(part, sheets.Single(s => s.Name == "Prosjekter"));
            var header = rows[0].Select(c => c.Text).ToList();
            var mine = rows.Single(r => r.Any(c => c.Text == "Kultur") && r[header.IndexOf("Bokført")].Number == 120000m);
            mine[header.IndexOf("Budsjett")].Number.Should().Be(800000m, "a number is a number, not text");
            mine[header.IndexOf("Prognose")].Number.Should().Be(900000m);
            mine[header.IndexOf("Status")].Text.Should().Be("Rød");
            var about = Cells(part, sheets.Single(s => s.Name == "Om rapporten"));
            about.Single(r => r[0].Text == "Rapportdato")[1].Number.Should().BeGreaterThan(45000, "the date is a date: a serial day number with a date format");
        }

        using (var answer = await Fetch(board, "/api/v1/portfolio/report", "text/csv"))
        {
            var lines = (await answer.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            var header = lines[0].Split(',');
            header.Should().StartWith(["id", "name", "sector", "phase", "stage", "rag", "budget", "forecast", "actual"]);
            var mine = lines.Single(l => l.StartsWith(running.Id.ToString(), StringComparison.Ordinal)).Split(',');
            (mine[Array.IndexOf(header, "budget")], mine[Array.IndexOf(header, "forecast")], mine[Array.IndexOf(header, "rag")], mine[Array.IndexOf(header, "phase")])
                .Should().Be(("800000", "900000", "red", "execution"));
            lines.Should().HaveCount(projects.Count + 1);
        }
    }

    [ProviderFact]
    public async Task Every_other_decision_has_its_record_an_exception_a_benefit_change_an_idea_answer_and_a_handbook_publication()
    {
        var (project, report) = await RunningAsync();
        var exception = report.GetProperty("raisedExceptions").EnumerateArray().Single(e => e.Str("dimension") == "cost");
        var exceptionUrl = $"{project.Url}/exceptions/{exception.Str("id")}";
        await project.ProjectManager.Post($"{exceptionUrl}/report", new
        {
            cause = "Sensorprisen har steget", consequences = "Fasen blir 100 000 kr dyrere",
            options = new[] { new { title = "Utvid budsjettet", effect = "Gevinsten holder" }, new { title = "Færre sensorer", effect = "Mindre gevinst" } },
            recommendation = "Utvid budsjettet",
        }).Expect(HttpStatusCode.OK);
        await project.Executive.Post($"{exceptionUrl}/decision", new
        {
            decision = "approveExceptionPlan", rationale = "Økt budsjett innenfor prosjektets ramme", plan = new { plannedEnd = "2027-03-31", budget = 900000, productsInScope = 4 },
        }).Expect(HttpStatusCode.OK);
        using (var pdf = await FetchPdf(project.Outsider, exceptionUrl))
        {
            pdf.Info.Should().Contain("Unntak: Digital hjemmetjeneste – Kostnad");
            pdf.Text().Should().Contain("Avviksrapport").And.Contain("Sensorprisen har steget").And.Contain("Færre sensorer").And.Contain("Godkjenn avviksplanen")
                .And.Contain($"{TestPeople.NameOf("eva")}, prosjekteier").And.Contain("Økt budsjett innenfor prosjektets ramme").And.Contain(TestPeople.NameOf("per"));
            pdf.Picture("unntak");
        }

        var benefitUrl = $"{project.Url}/benefits/{project.BenefitId}";
        var change = await project.ProjectManager.Post($"{benefitUrl}/changes", new { proposed = new { target = new { value = 70, date = "2028-06-30" } }, rationale = "Flere brukere på sensorer" })
            .Expect(HttpStatusCode.Created);
        await project.Executive.Post($"{benefitUrl}/changes/{change.Str("id")}/decision", new { decision = "approve", rationale = "Godt begrunnet" }).Expect(HttpStatusCode.OK);
        (await project.Outsider.GetAsync($"{benefitUrl}/changes/{change.Str("id")}").Expect(HttpStatusCode.OK)).Str("state").Should().Be("approved");
        using (var pdf = await FetchPdf(project.Outsider, $"{benefitUrl}/changes/{change.Str("id")}"))
        {
            pdf.Info.Should().Contain("Endring av gevinst: Færre timer til manuell oppfølging");
            pdf.Text().Should().Contain("Flere brukere på sensorer").And.Contain("70 timer (30.06.2028)").And.NotContain("hours").And.Contain("Godkjent").And.Contain("Godt begrunnet")
                .And.Contain(TestPeople.NameOf("eva"));
            pdf.Picture("gevinstendring");
        }

        await project.Outsider.GetAsync($"{benefitUrl}/changes/{Guid.NewGuid()}").ExpectProblem(HttpStatusCode.NotFound, "not-found");

        var sender = api.As("nils");
        var idea = await sender.Post("/api/v1/ideas", new { title = "Lånesykler ved rådhuset", description = "Bysykler for ansatte", origin = "employee", sector = "samfunn" })
            .Expect(HttpStatusCode.Created);
        await api.As("bjorn", GlobalRoles.PortfolioBoard).Post($"/api/v1/ideas/{idea.Str("id")}/triage", new { decision = "decline", rationale = "Dekkes av fylkets bysykkelordning" })
            .Expect(HttpStatusCode.OK);
        using (var pdf = await FetchPdf(sender, $"/api/v1/ideas/{idea.Str("id")}"))
        {
            pdf.Info.Should().Contain("Svar på idé: Lånesykler ved rådhuset");
            pdf.Text().Should().Contain("Avslått").And.Contain("Dekkes av fylkets bysykkelordning").And.Contain(TestPeople.NameOf("bjorn")).And.Contain(TestPeople.NameOf("nils"));
            pdf.Picture("svar-pa-ide");
        }

        using (var elsewhere = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/ideas/{idea.Str("id")}"))
        {
            elsewhere.Headers.Accept.ParseAdd(Pdf);
            (await api.As("per").SendAsync(elsewhere)).StatusCode.Should().Be(HttpStatusCode.NotFound, "an idea is the sender's and the project office's, on paper too");
        }

        using (var pdf = await FetchPdf(project.Outsider, "/api/v1/handbooks/standard/versions/1"))
        {
            pdf.Info.Should().MatchRegex("Håndbok publisert: .*, versjon 1");
            pdf.Text().Should().Contain("Toleransedimensjoner i bruk").And.Contain("Kostnad").And.Contain("Sjekkliste").And.Contain("BP1")
                .And.Contain("Journalføring i arkivet").And.Contain("X – organinternt, uten oppfølging");
            pdf.Picture("handbok");
        }

        using (var english = await FetchPdf(project.Outsider, exceptionUrl, "en"))
        {
            english.Info.Should().Contain("Exception: Digital hjemmetjeneste – Cost");
            english.Text().Should().Contain("Exception report").And.Contain("Rationale");
        }
    }

    /// <summary>Each row of a sheet as its cells: the text (shared strings resolved) and the number, when the cell holds one.</summary>
    private static List<List<(string Text, decimal? Number)>> Cells(WorkbookPart part, Sheet sheet)
    {
        var strings = part.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var data = ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet.GetFirstChild<SheetData>()!;
        return data.Elements<Row>().Select(r => r.Elements<Cell>().Select(c =>
        {
            var value = c.CellValue?.Text ?? c.InnerText;
            if (c.DataType?.Value == CellValues.SharedString)
            {
                return (strings[int.Parse(value, CultureInfo.InvariantCulture)], (decimal?)null);
            }

            if (c.DataType is null || c.DataType.Value == CellValues.Number)
            {
                return (value, decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : (decimal?)null);
            }

            return (c.InnerText, (decimal?)null);
        }).ToList()).ToList();
    }
}

public sealed class DocumentTestsOnSqlite(SqliteApi api) : DocumentTests(api), IClassFixture<SqliteApi>;

public sealed class DocumentTestsOnPostgres(PostgresApi api) : DocumentTests(api), IClassFixture<PostgresApi>;

public sealed class DocumentTestsOnSqlServer(SqlServerApi api) : DocumentTests(api), IClassFixture<SqlServerApi>;
