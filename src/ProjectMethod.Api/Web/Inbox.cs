using NodaTime;
using ProjectMethod.Api.Benefits;
using ProjectMethod.Api.ManageByException;
using ProjectMethod.Api.Gates;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Projects;
using ProjectMethod.Api.Roles;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Benefits;
using ProjectMethod.Domain.Exceptions;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.Web;

/// <summary>
/// What waits for an employee — requests for a decision (as the portfolio board at the board's decision points, as a
/// project's Executive at its own, as an awaited board member under consensus), exceptions whose tolerance they own (the
/// board's escalations among them) or must report on as Project Manager, proposed changes of benefits they decide, and
/// co-creation inputs they answer, product descriptions to approve, quality reviews to record, products to accept,
/// highlight reports and benefit measurements due, and (the portfolio board) ideas to answer — read for "Til beslutning",
/// "Mine prosjekter" and the count beside the menu item, once per request.
/// </summary>
public sealed class Inbox(Database database, GateReader gates, WebOperations operations, IClock clock)
{
    /// <summary>
    /// The day a stage's next highlight report falls due: the project's interval (its category's profile) after the last
    /// one, or after the stage began (or now, before either).
    /// </summary>
    public static LocalDate ReportDue(Instant? lastReport, Instant? stageBegan, Instant now, int intervalDays) =>
        (lastReport ?? stageBegan ?? now).InZone(BenefitMath.Oslo).Date.PlusDays(intervalDays);

    /// <summary>How far ahead a report or measurement is shown as waiting: what falls due within two weeks, and what is overdue.</summary>
    public static readonly Period DueAhead = Period.FromDays(14);

    public enum StepKind
    {
        ApproveProduct,
        ReviewProduct,
        AcceptProduct,
        HighlightReport,
        Measurement,
        Idea,
        Action,
    }

    /// <summary>A step waiting for the employee besides decisions: on a project (or, for an idea, none), about a subject, maybe by a date.</summary>
    public sealed record WaitingStep(StepKind Kind, ProjectRef? Project, string Subject, LocalDate? Due, string Link);

    public sealed record ProjectRef(Guid Id, string Name);

    /// <summary>A benefit the employee owns or answers for, with its figures as of today.</summary>
    public sealed record OwnedBenefit(WebStore.MyBenefit Benefit, BenefitView View);

    private Contents? read;

    private (string UserId, IReadOnlyList<OwnedBenefit> Benefits)? owned;

    public sealed record Waiting(ProjectRow Project, GateView Gate);

    public sealed record ExceptionWaiting(ProjectRow Project, ExceptionView Exception, bool ToReport);

    /// <summary>What waits for one employee, oldest first within each kind.</summary>
    public sealed record Contents(IReadOnlyList<Waiting> Requests, IReadOnlyList<ExceptionWaiting> Exceptions, IReadOnlyList<ProjectRow> BenefitChanges)
    {
        /// <summary>The projects with co-creation inputs the employee answers ("you said, we did"): not decisions, so not counted.</summary>
        public IReadOnlyList<ProjectRow> InputsToAnswer { get; init; } = [];

        /// <summary>Products, reports, measurements and ideas: dated ones first, the earliest (the overdue) first.</summary>
        public IReadOnlyList<WaitingStep> Steps { get; init; } = [];

        public LocalDate Today { get; init; }

        public int Count => Requests.Count + Exceptions.Count + BenefitChanges.Count + InputsToAnswer.Count + Steps.Count;

        /// <summary>What waits for the employee on one project, as the texts name it: a decision point, an exception to report or decide, a benefit change.</summary>
        public IEnumerable<string> On(Guid projectId) =>
            Requests.Where(r => r.Project.Id == projectId).Select(r => r.Gate.OpenRequest!.DecisionPoint.Wire())
                .Concat(Exceptions.Where(e => e.Project.Id == projectId).Select(e => e.ToReport ? "exceptionReport" : "exceptionDecision"))
                .Concat(BenefitChanges.Where(p => p.Id == projectId).Select(_ => "benefitChange"))
                .Concat(InputsToAnswer.Where(p => p.Id == projectId).Select(_ => "inputsToAnswer"))
                .Concat(Steps.Where(s => s.Project?.Id == projectId).Select(s => s.Kind.Wire()).Distinct());
    }

    /// <summary>What waits for the employee; read once per request, however many parts of the page ask.</summary>
    public async Task<Contents> ReadAsync(System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken) =>
        read ??= await ReadAnewAsync(user, cancellationToken);

    /// <summary>The benefits the employee owns in the line or answers for as Benefit Owner, each with its status and next measurement as of today.</summary>
    public async Task<IReadOnlyList<OwnedBenefit>> BenefitsAsync(string userId, CancellationToken cancellationToken)
    {
        // Mine gevinster and the menu's count both ask in one request: read once.
        if (owned is { } known && known.UserId == userId)
        {
            return known.Benefits;
        }

        var benefits = await ReadBenefitsAsync(userId, cancellationToken);
        owned = (userId, benefits);
        return benefits;
    }

    private async Task<IReadOnlyList<OwnedBenefit>> ReadBenefitsAsync(string userId, CancellationToken cancellationToken)
    {
        var today = BenefitMath.Today(clock);
        return await database.ReadAsync(async db =>
        {
            var owned = new List<OwnedBenefit>();
            foreach (var project in (await WebStore.MyBenefitsAsync(db, userId)).GroupBy(b => b.ProjectId))
            {
                var rows = (await BenefitStore.ForProjectAsync(db, project.Key)).ToDictionary(r => r.Id);
                var measurements = await BenefitStore.MeasurementsAsync(db, project.Key);
                owned.AddRange(project.Where(b => rows.ContainsKey(b.BenefitId)).Select(b =>
                    new OwnedBenefit(b, BenefitView.From(rows[b.BenefitId], measurements, today, Json.Parse<Phase>(b.Phase)))));
            }

            return owned;
        }, cancellationToken);
    }

    private async Task<Contents> ReadAnewAsync(System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var actor = user.ToActor();
        var standings = new Dictionary<Guid, (ProjectRow Project, ProjectStanding Standing)?>();
        async Task<(ProjectRow Project, ProjectStanding Standing)?> StandingOn(Guid id)
        {
            if (!standings.TryGetValue(id, out var known))
            {
                known = standings[id] = await database.ReadAsync<(ProjectRow, ProjectStanding)?>(async db =>
                    await ProjectStore.GetAsync(db, id) is { } project
                        ? (project, await Programmes.ProgrammeStore.StandingAsync(db, actor, await RoleStore.ForProjectAsync(db, id), project))
                        : null, cancellationToken);
            }

            return known;
        }

        var (asked, open, changes, inputs) = await database.ReadAsync(async db =>
            (await WebStore.AwaitingDecisionAsync(db), await ExceptionStore.OpenAsync(db), await WebStore.BenefitChangesProposedAsync(db),
                await WebStore.InputsToAnswerAsync(db)), cancellationToken);

        var requests = new List<Waiting>();
        foreach (var id in asked)
        {
            if (await StandingOn(id) is not { } on || (await gates.ReadAsync(on.Project, null, cancellationToken)).Value is not { OpenRequest: not null } gate)
            {
                continue;
            }

            var decides = ProjectAccess.Decides(on.Standing, gate.Decider);
            var votes = gate.Consensus is { } consensus && consensus.Awaited.Contains(actor.UserId);
            if (decides || votes)
            {
                requests.Add(new Waiting(on.Project, gate));
            }
        }

        var exceptions = new List<ExceptionWaiting>();
        foreach (var exception in open)
        {
            if (await StandingOn(exception.ProjectId) is not { } on)
            {
                continue;
            }

            var toReport = exception.State == ExceptionState.Raised && operations.Check(Operations.ReportException, on.Standing) is null;
            var toDecide = exception.State is ExceptionState.Reported or ExceptionState.Escalated
                && ProjectAccess.Decides(on.Standing, exception.Owner);
            if (toReport || toDecide)
            {
                exceptions.Add(new ExceptionWaiting(on.Project, exception, toReport));
            }
        }

        // The projects among these on which the employee may take the operation.
        async Task<List<ProjectRow>> WhereMay(IEnumerable<Guid> ids, OperationId operation)
        {
            var projects = new List<ProjectRow>();
            foreach (var id in ids)
            {
                if (await StandingOn(id) is { } on && operations.Check(operation, on.Standing) is null)
                {
                    projects.Add(on.Project);
                }
            }

            return projects;
        }

        var today = BenefitMath.Today(clock);
        return new Contents(requests, exceptions, await WhereMay(changes, Operations.DecideBenefitChange))
        {
            InputsToAnswer = await WhereMay(inputs, Operations.AnswerCoCreationInput),
            Steps = [.. (await StepsAsync(actor, today, cancellationToken)).OrderBy(s => s.Due ?? LocalDate.MaxIsoValue).ThenBy(s => s.Project?.Name).ThenBy(s => s.Subject)],
            Today = today,
        };
    }

    private async Task<IEnumerable<WaitingStep>> StepsAsync(Actor actor, LocalDate today, CancellationToken cancellationToken)
    {
        var horizon = today.Plus(DueAhead);
        var (products, reporting, ideas, actions) = await database.ReadAsync(async db => (
            await WebStore.ProductStepsAsync(db, actor.UserId),
            await WebStore.ReportingAsync(db, actor.UserId),
            actor.IsPortfolioBoard ? await Ideas.IdeaStore.OpenAsync(db) : [],
            await Actions.ActionStore.OfOwnerAsync(db, actor.UserId, horizon)), cancellationToken);

        var steps = products.Select(p => new WaitingStep(
            Json.Parse<Domain.Products.ProductState>(p.State) switch
            {
                Domain.Products.ProductState.Draft => StepKind.ApproveProduct,
                Domain.Products.ProductState.InReview => StepKind.ReviewProduct,
                _ => StepKind.AcceptProduct,
            },
            new ProjectRef(p.ProjectId, p.ProjectName), p.Title, null, $"/prosjekter/{p.ProjectId}/produkter#produkt-{p.Id}")).ToList();

        var now = clock.GetCurrentInstant();
        foreach (var project in reporting)
        {
            var due = ReportDue(project.LastReport, project.StageBegan, now, project.IntervalDays);
            if (due <= horizon)
            {
                steps.Add(new WaitingStep(StepKind.HighlightReport, new ProjectRef(project.ProjectId, project.ProjectName), project.Stage.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    due, $"/prosjekter/{project.ProjectId}/status"));
            }
        }

        foreach (var owned in await BenefitsAsync(actor.UserId, cancellationToken))
        {
            if (owned.View is { Evaluation: null, Figures: { } figures } && BenefitRules.MeasuredIn(Json.Parse<Phase>(owned.Benefit.Phase))
                && figures.NextMeasurementDue <= horizon)
            {
                steps.Add(new WaitingStep(StepKind.Measurement, new ProjectRef(owned.Benefit.ProjectId, owned.Benefit.ProjectName), owned.Benefit.Title,
                    figures.NextMeasurementDue, $"/prosjekter/{owned.Benefit.ProjectId}/gevinster/{owned.Benefit.BenefitId}"));
            }
        }

        steps.AddRange(ideas.Where(i => i.Status == Ideas.IdeaStatus.Received).Select(i => new WaitingStep(StepKind.Idea, null, i.Title, null, "/ideer")));
        steps.AddRange(actions.Select(a => new WaitingStep(StepKind.Action, new ProjectRef(a.ProjectId, a.ProjectName ?? ""), a.What, a.DueOn,
            $"/prosjekter/{a.ProjectId}#oppfolging")));
        return steps;
    }
}
