using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using NodaTime;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>
/// The <c>demo</c> sub-command's municipality: a dozen projects in every phase and several sectors, with tolerances,
/// highlight reports (one over tolerance, with its exception reported), products, benefits and measurements. It is made
/// through the service's own API, as the people of the method would make it, so every rule holds for it; only a database
/// without projects is filled. Development only: it signs its requests with the development key.
/// </summary>
public static class Demo
{
    private static readonly (string Name, string Sector, string Description, Phase Reach)[] Projects =
    [
        ("Digital hjemmetjeneste", "helse-og-velferd", "Velferdsteknologi i hjemmetjenesten", Phase.Execution),
        ("Nytt bibliotek på Torget", "kultur", "Meråpent bibliotek med lokaler for frivilligheten", Phase.Execution),
        ("Skolebytte til ny plattform", "oppvekst", "Én læringsplattform for alle grunnskolene", Phase.Execution),
        ("Elektronisk byggesøknad", "teknisk", "Selvbetjent byggesøknad med automatisk kontroll", Phase.Realisation),
        ("Felles innbyggertorg", "samfunn", "Ett kontaktpunkt for innbyggerne", Phase.Closure),
        ("Rusfri møteplass for ungdom", "helse-og-velferd", "Et lavterskeltilbud drevet sammen med frivillige", Phase.Planning),
        ("Smart vannmåling", "teknisk", "Fjernavlesning av vannmålere", Phase.Planning),
        ("Kulturkort for unge", "kultur", "Rabatt på kulturtilbud for unge under 20", Phase.Concept),
        ("Digitalt foreldremøte", "oppvekst", "Felles løsning for foreldremøter i barnehagene", Phase.Concept),
        ("Grønn kommunal flåte", "teknisk", "Utslippsfrie tjenestebiler innen 2028", Phase.Proposed),
        ("Frivilligsentral på nett", "samfunn", "Formidling av frivillige oppdrag", Phase.Proposed),
        ("Språkløft i barnehagen", "oppvekst", "Systematisk språkarbeid med foreldre", Phase.Proposed),
    ];

    /// <summary>What the demo's co-creating projects were told, per sector.</summary>
    private sealed record DemoRegister(string Users, string UsersKind, string Staff, string Meeting, string Workshop, string Said, string Waiting, string Answer);

    private static readonly Dictionary<string, DemoRegister> CoCreation = new()
    {
        ["helse-og-velferd"] = new("Brukere av hjemmetjenesten", "serviceUsers", "Ansatte i hjemmetjenesten", "Dialogmøte på seniorsenteret om trygghet hjemme",
            "Verksted om arbeidsflyt med sensorer", "Alarmen må virke ute, ikke bare hjemme", "Opplæringen bør skje hjemme hos oss",
            "Alarm med GPS er tatt inn i kravene til leveransen"),
        ["samfunn"] = new("Innbyggere som bruker servicetorget", "citizens", "Ansatte på servicetorget", "Dialogmøte på biblioteket om ett kontaktpunkt",
            "Verksted om henvendelser som går i ring", "Vi vil snakke med et menneske, ikke bare en chatbot", "Åpent én kveld i uken",
            "Servicetorget har alltid en veileder i skranken i åpningstiden"),
    };

    /// <summary>Fills an empty database through the API at <paramref name="address"/>; says what it did.</summary>
    public static async Task SeedAsync(Uri address, AuthOptions auth, TextWriter output, CancellationToken cancellationToken)
    {
        using var client = Client(address, auth, "bjorn", "Bjørn Virksomhetsledelsen", Domain.Roles.GlobalRoles.PortfolioBoard);
        var existing = await client.GetFromJsonAsync<JsonElement>("/api/v1/projects?limit=1", cancellationToken);
        if (existing.GetProperty("items").GetArrayLength() > 0)
        {
            await output.WriteLineAsync("demo: the database has projects already; nothing was added.");
            return;
        }

        // The municipality's directory tells the service who its people are, as a nightly sync would.
        using (var directory = Client(address, auth, "katalog", "Katalogsynkronisering", Domain.Roles.GlobalRoles.Integrator))
        {
            foreach (var (userId, name, unit, title, _) in Web.Web.DemoUsers)
            {
                using var put = await directory.PutAsJsonAsync($"/api/v1/people/{userId}", new { name, email = $"{userId}@kommune.example", unit, title }, cancellationToken);
                put.EnsureSuccessStatusCode();
            }
        }

        var people = new People(address, auth);
        for (var i = 0; i < Projects.Length; i++)
        {
            var (name, sector, description, reach) = Projects[i];
            await new Walk(people, cancellationToken).RunAsync(name, sector, description, reach, overTolerance: i == 1, atRisk: i == 2,
                firstProposal: reach == Phase.Proposed && Array.FindIndex(Projects, p => p.Reach == Phase.Proposed) == i);
        }

        // An employee's idea waits for the board's answer.
        using var idea = await people.Proposer.PostAsJsonAsync("/api/v1/ideas", new
        {
            title = "Delingsordning for el-sykler", description = "Ansatte kan låne el-sykkel til møter i sentrum", origin = "employee", sector = "teknisk",
        }, cancellationToken);
        idea.EnsureSuccessStatusCode();

        await output.WriteLineAsync($"demo: {Projects.Length} projects added; sign in at {address} as one of the demo users.");
    }

    private static HttpClient Client(Uri address, AuthOptions auth, string userId, string name, params string[] roles)
    {
        var client = new HttpClient { BaseAddress = address };
        var token = Auth.CreateDevelopmentToken(auth, userId, name, roles, SystemClock.Instance.GetCurrentInstant(), Duration.FromHours(1));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The demo users, as the web sign-in offers them.</summary>
    private sealed class People(Uri address, AuthOptions auth)
    {
        public HttpClient Proposer { get; } = Client(address, auth, "pia", "Pia Forslagsstiller");
        public HttpClient Board { get; } = Client(address, auth, "bjorn", "Bjørn Virksomhetsledelsen", Domain.Roles.GlobalRoles.PortfolioBoard);
        public HttpClient Executive { get; } = Client(address, auth, "eva", "Eva Eier");
        public HttpClient ProjectManager { get; } = Client(address, auth, "per", "Per Prosjektleder");
        public HttpClient SeniorUser { get; } = Client(address, auth, "siri", "Siri Seniorbruker");
        public HttpClient SeniorSupplier { get; } = Client(address, auth, "sven", "Sven Seniorleverandør");
        public HttpClient BenefitOwner { get; } = Client(address, auth, "bo", "Bo Gevinstansvarlig");
    }

    /// <summary>One project taken as far as its phase, the way the README's walk-throughs take one.</summary>
    private sealed class Walk(People people, CancellationToken cancellationToken)
    {
        private static readonly string[] AcceptanceCriteria = ["Tjenesten tar det i bruk"];
        private static readonly string[] Reviewers = ["sven"];
        private static readonly string[] UserTags = ["brukermedvirkning"];
        private static readonly string[] SupplierTags = ["anskaffelse"];
        private static readonly string[] Beneficiaries = ["employees", "municipality"];

        private string url = "";

        public async Task RunAsync(string name, string sector, string description, Phase reach, bool overTolerance, bool atRisk, bool firstProposal)
        {
            var project = await Send(people.Proposer, HttpMethod.Post, "/api/v1/projects", new { name, sector, description });
            url = $"/api/v1/projects/{project.GetProperty("id").GetString()}";
            await Send(people.Proposer, HttpMethod.Put, $"{url}/mandate", new
            {
                purpose = description, background = "Behovet er meldt fra tjenestene",
                category = new { estimatedCost = 2_000_000, durationMonths = 18, sectorsInvolved = 1, uncertainty = "medium", importance = "medium" },
            });
            await Assign(people.Board, "executive", "eva", "Eva Eier");
            await Checklist(people.Proposer, "bp1");
            if (reach == Phase.Proposed)
            {
                // The first proposal waits for the board's decision at BP1.
                if (firstProposal)
                {
                    await Send(people.Proposer, HttpMethod.Post, $"{url}/gate/requests", new { recommendation = "Behovet er beskrevet; ber om oppstart av konseptfasen" });
                }

                return;
            }

            await Decide(people.Proposer, people.Board);
            await Assign(people.Executive, "projectManager", "per", "Per Prosjektleder");
            await Assign(people.Executive, "benefitOwner", "bo", "Bo Gevinstansvarlig");
            await Send(people.ProjectManager, HttpMethod.Put, $"{url}/business-case", new
            {
                reasons = "Tjenestene trenger det", options = "Gjøre ingenting; gjennomføre prosjektet", expectedBenefits = "Spart tid og bedre tjenester",
                expectedCosts = "2 MNOK", timescale = "18 måneder", majorRisks = "Brukeraksept",
            });
            await Send(people.Executive, HttpMethod.Post, $"{url}/business-case/reviews", new { justified = true, comment = "Forsvarlig" });
            await Send(people.ProjectManager, HttpMethod.Post, $"{url}/lessons/reviews", new { noneRelevantReason = "Ingen tidligere prosjekter av denne typen" });
            if (CoCreation.TryGetValue(sector, out var register))
            {
                await CoCreateAsync(register);
            }

            await Checklist(people.ProjectManager, "bp2");
            if (reach == Phase.Concept)
            {
                return;
            }

            await Decide(people.ProjectManager, people.Board);
            await Send(people.Executive, HttpMethod.Post, $"{url}/political-decisions", new
            {
                body = "kommunestyre", meetingDate = Domain.Benefits.BenefitMath.Today(SystemClock.Instance).PlusDays(-30).ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
                caseNumber = $"{Domain.Benefits.BenefitMath.Today(SystemClock.Instance).Year}/45",
                outcome = "adopted", summary = "Kommunestyret slutter seg til konseptet og setter av midler i økonomiplanen",
            });
            if (reach == Phase.Planning)
            {
                return;
            }

            await Assign(people.Executive, "seniorUser", "siri", "Siri Seniorbruker");
            await Assign(people.Executive, "seniorSupplier", "sven", "Sven Seniorleverandør");
            var product = (await Send(people.ProjectManager, HttpMethod.Post, $"{url}/products", new
            {
                title = "Første leveranse", purpose = "Det tjenestene trenger først",
                qualityCriteria = new[] { new { criterion = "Brukerne får det til uten hjelp", method = "Brukertest" } },
                acceptanceCriteria = AcceptanceCriteria, qualityResponsibleUserId = "sven", acceptorUserId = "siri",
                receivingLineUnit = "Tjenesten", stage = 1,
            })).GetProperty("id").GetString();
            await Send(people.SeniorUser, HttpMethod.Post, $"{url}/products/{product}/approve", new { comment = "Dette trenger vi" });
            await Send(people.Executive, HttpMethod.Post, $"{url}/business-case/reviews", new { justified = true, comment = "Fortsatt forsvarlig" });
            await Checklist(people.ProjectManager, "bp3");
            await Send(people.Board, HttpMethod.Put, $"{url}/tolerances/project", new
            {
                time = new { plan = "2027-06-30", lower = 30, upper = 14 }, cost = new { plan = 2000000, lower = 200000, upper = 100000 },
                quality = new { plan = 0, upper = 3 }, scope = new { plan = 0, upper = 2 }, risk = new { plan = 0, upper = 40 },
                benefit = new { plan = 500000, lower = 50000 },
            });
            await Send(people.ProjectManager, HttpMethod.Put, $"{url}/stages/1/plan", new { plannedEnd = "2027-03-31", budget = 800000, productsInScope = 1, description = "Første leveransefase" });
            await Send(people.Executive, HttpMethod.Put, $"{url}/stages/1/tolerances", new
            {
                time = new { plan = "2027-03-31", lower = 7, upper = 7 }, cost = new { plan = 800000, lower = 50000, upper = 50000 },
                quality = new { plan = 0, upper = 2 }, scope = new { plan = 0, upper = 1 }, risk = new { plan = 0, upper = 30 },
                benefit = new { plan = 500000, lower = 20000 },
            });
            var benefit = (await Send(people.ProjectManager, HttpMethod.Post, $"{url}/benefits", new
            {
                title = "Spart tid i tjenesten", type = "direct", ownerUnit = "Tjenesten", ownerUserId = "bo", indicator = "Timer per uke", unit = "hours",
                baseline = new { value = 120, date = "2026-01-01" }, target = new { value = 80, date = "2028-01-01" }, allowedShortfall = 5,
                measurementInterval = "P3M", beneficiaries = Beneficiaries, targetGroup = "Ansatte i tjenesten",
            })).GetProperty("id").GetString();
            // The plan rests on the supplier's offer: the Executive exempts its decision's content (the municipality's negotiating position).
            await Decide(people.ProjectManager, people.Executive, new
            {
                decision = "approve", rationale = "Godkjent: leverandørens tilbud ligger innenfor budsjettet med 60 000 kr å gå på", exemption = "offl23",
            });
            var cost = overTolerance ? 900000 : atRisk ? 842000 : 800000;
            await Send(people.ProjectManager, HttpMethod.Post, $"{url}/forecasts", new
            {
                stage = 1, values = new { time = "2027-03-31", cost, quality = 0, scope = 0, benefit = 500000 }, comment = "Statusrapport",
            });
            if (overTolerance)
            {
                var exceptions = await Send(people.ProjectManager, HttpMethod.Get, $"{url}/exceptions", null);
                var raised = exceptions.GetProperty("items")[0].GetProperty("id").GetString();
                await Send(people.ProjectManager, HttpMethod.Post, $"{url}/exceptions/{raised}/report", new
                {
                    cause = "Prisøkning hos leverandøren", consequences = "Fasen blir 100 000 kr dyrere",
                    options = new[] { new { title = "Øke rammen", effect = "Gevinsten holder" }, new { title = "Kutte omfang", effect = "Mindre gevinst" } },
                    recommendation = "Øke rammen",
                });
            }

            if (reach == Phase.Execution)
            {
                // The first product is ready for the Senior Supplier's quality review; a second description waits for the Senior User's approval.
                await Send(people.ProjectManager, HttpMethod.Post, $"{url}/products/{product}/submit", new { comment = "Klar for kontroll" });
                await Send(people.ProjectManager, HttpMethod.Post, $"{url}/products", new
                {
                    title = "Opplæring av de ansatte", purpose = "De ansatte kan ta løsningen i bruk",
                    qualityCriteria = new[] { new { criterion = "Alle ansatte har fått opplæring", method = "Deltakerliste" } },
                    acceptanceCriteria = AcceptanceCriteria, qualityResponsibleUserId = "sven", acceptorUserId = "siri",
                    receivingLineUnit = "Tjenesten", stage = 1,
                });
                return;
            }

            await Send(people.ProjectManager, HttpMethod.Post, $"{url}/products/{product}/submit", new { comment = "Klar for kontroll" });
            await Send(people.SeniorSupplier, HttpMethod.Post, $"{url}/products/{product}/review", new { result = "passed", method = "Brukertest", reviewers = Reviewers });
            await Send(people.SeniorUser, HttpMethod.Post, $"{url}/products/{product}/accept", new { comment = "Godkjent" });
            await Send(people.Executive, HttpMethod.Post, $"{url}/business-case/reviews", new { justified = true, comment = "Fortsatt forsvarlig" });
            await Send(people.BenefitOwner, HttpMethod.Post, $"{url}/benefits/reviews", new { realistic = true, comment = "Realistisk" });
            await Checklist(people.ProjectManager, "bp4");
            await Decide(people.ProjectManager, people.Executive);
            if (reach == Phase.Closure)
            {
                return;
            }

            await Send(people.ProjectManager, HttpMethod.Post, $"{url}/lessons", new
            {
                title = "Brukerne med fra første dag", description = "Brukertestene i konseptfasen fant det meste av det som måtte endres",
                recommendation = "Planlegg brukertester før første leveranse", tags = UserTags,
            });
            await Send(people.ProjectManager, HttpMethod.Post, $"{url}/lessons", new
            {
                title = "Leverandøren tidlig i dialog", description = "Prisøkningen kom sent fordi leverandøren ikke var med i planleggingen",
                recommendation = "Ta med leverandøren i planleggingen av hver leveransefase", tags = SupplierTags,
            });
            await Send(people.ProjectManager, HttpMethod.Post, $"{url}/end-report", new { summary = "Levert innenfor rammene" });
            await Send(people.ProjectManager, HttpMethod.Post, $"{url}/lessons-report", new { summary = "Involver brukerne tidlig" });
            await Checklist(people.ProjectManager, "bp5");
            await Decide(people.ProjectManager, people.Executive);
            // Quarterly measurements up to a week short of three months ago: the next one falls due in a week from the day the demo is made.
            var lastMeasured = Domain.Benefits.BenefitMath.Today(SystemClock.Instance).PlusMonths(-3).PlusDays(7);
            foreach (var (quarter, value) in new[] { (2, 112m), (1, 104m), (0, 97m) })
            {
                var date = lastMeasured.PlusMonths(-3 * quarter).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                await Send(people.BenefitOwner, HttpMethod.Post, $"{url}/benefits/{benefit}/measurements", new { date, value, comment = "Kvartalsmåling" });
            }
        }

        /// <summary>
        /// A co-creation register made in concept: four groups (one hard to reach), the plan, a dialogue meeting the hard-to-reach
        /// group was invited to but did not come to (its gap explained), a workshop with the staff, and what the users said —
        /// one input answered, one not yet.
        /// </summary>
        private async Task CoCreateAsync(DemoRegister register)
        {
            async Task<string> Group(string name, string kind, bool hardToReach) =>
                (await Send(people.ProjectManager, HttpMethod.Post, $"{url}/co-creation/groups", new { name, kind, hardToReach, notes = "" })).GetProperty("id").GetString()!;

            var users = await Group(register.Users, register.UsersKind, false);
            var kin = await Group("Pårørende", "nextOfKin", false);
            var minorities = await Group("Minoritetsspråklige eldre", "citizens", true);
            var staff = await Group(register.Staff, "employees", false);
            await Send(people.ProjectManager, HttpMethod.Put, $"{url}/co-creation/plan", new
            {
                entries = new object[]
                {
                    new { groupId = users, phase = "concept", level = "consult", purpose = "efficiency" },
                    new { groupId = users, phase = "execution", level = "involve", purpose = "efficiency" },
                    new { groupId = kin, phase = "planning", level = "consult", purpose = "efficiency" },
                    new { groupId = minorities, phase = "concept", level = "consult", purpose = "democraticEmpowerment" },
                    new { groupId = minorities, phase = "execution", level = "involve", purpose = "democraticEmpowerment" },
                    new { groupId = staff, phase = "concept", level = "collaborate", purpose = "innovation" },
                },
            });
            var today = Domain.Benefits.BenefitMath.Today(SystemClock.Instance);
            var meeting = (await Send(people.ProjectManager, HttpMethod.Post, $"{url}/co-creation/activities", new
            {
                date = today.PlusDays(-45).ToString("yyyy-MM-dd", null), kind = "dialogueMeeting", phase = "concept", level = "consult",
                groups = new[] { new { groupId = users, participants = 14 }, new { groupId = minorities, participants = 0 } },
                summary = register.Meeting,
            })).GetProperty("id").GetString();
            await Send(people.ProjectManager, HttpMethod.Post, $"{url}/co-creation/activities", new
            {
                date = today.PlusDays(-40).ToString("yyyy-MM-dd", null), kind = "workshop", phase = "concept", level = "collaborate",
                groups = new[] { new { groupId = staff, participants = 9 } }, summary = register.Workshop,
            });
            var answered = (await Send(people.ProjectManager, HttpMethod.Post, $"{url}/co-creation/activities/{meeting}/inputs",
                new { text = register.Said, groupId = users })).GetProperty("id").GetString();
            await Send(people.ProjectManager, HttpMethod.Post, $"{url}/co-creation/activities/{meeting}/inputs", new { text = register.Waiting, groupId = users });
            await Send(people.ProjectManager, HttpMethod.Post, $"{url}/co-creation/inputs/{answered}/response", new { outcome = "adopted", explanation = register.Answer });
            await Send(people.ProjectManager, HttpMethod.Post, $"{url}/co-creation/plan/gaps",
                new { groupId = minorities, phase = "concept", explanation = "Ingen kom til dialogmøtet; vi inviterer via innvandrerrådet og med tolk i gjennomføringen" });
        }

        private Task<JsonElement> Assign(HttpClient who, string role, string userId, string displayName) =>
            Send(who, HttpMethod.Post, $"{url}/roles", new { role, userId, displayName });

        private async Task Checklist(HttpClient who, string decisionPoint)
        {
            var checklist = await Send(who, HttpMethod.Get, $"{url}/checklist", null);
            foreach (var item in checklist.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("decisionPoint").GetString() == decisionPoint))
            {
                await Send(who, HttpMethod.Put, $"{url}/checklist/{item.GetProperty("id").GetString()}", new { status = "done" });
            }
        }

        private async Task Decide(HttpClient requester, HttpClient decider, object? decision = null)
        {
            await Send(requester, HttpMethod.Post, $"{url}/gate/requests", new { recommendation = "Kriteriene er oppfylt" });
            await Send(decider, HttpMethod.Post, $"{url}/gate/decisions", decision ?? new { decision = "approve", rationale = "Godkjent" });
        }

        private async Task<JsonElement> Send(HttpClient who, HttpMethod method, string path, object? body)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            using var response = await who.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"demo: {method} {path} answered {(int)response.StatusCode}: {text}");
            }

            return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        }
    }
}
