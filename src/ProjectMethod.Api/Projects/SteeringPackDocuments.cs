using NodaTime;
using ProjectMethod.Api.Benefits;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Infrastructure.Documents;
using ProjectMethod.Api.People;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.Projects;

/// <summary>The steering group's pack on paper, and the timeline drawn for it and for the project's overview.</summary>
public sealed class SteeringPackDocuments(Database database, PeopleReader people, Letterhead letterhead)
{
    /// <summary>The pack as PDF: each part a section, the timeline and each benefit drawn with its figures in a table.</summary>
    public async Task<byte[]> PackAsync(SteeringPackView pack, PaperTexts t, CancellationToken cancellationToken)
    {
        var names = await database.ReadAsync(people.PeopleAsync, cancellationToken);
        string Name(string? userId) => names.NameOf(userId);
        string Date(LocalDate? date) => date is { } d ? Web.Numbers.Format(d) : "–";
        string Day(Instant instant) => Web.Numbers.Date(instant);
        string Rag(Domain.Tolerances.Rag? rag) => t[$"Rag.{rag?.Wire() ?? "none"}"];
        string Point(DecisionPoint point) => point == DecisionPoint.StageBoundary ? t["StageBoundary"] : point.Wire().ToUpperInvariant();
        static IReadOnlyList<string> Row(params string[] cells) => cells;

        var stage = pack.Stage is { } s ? $", {t["Stage"].ToLowerInvariant()} {s}" : "";
        var document = letterhead.Start(t["PackTitle", pack.ProjectName], Letterhead.Subject(pack.ProjectName, pack.Phase, t), t)
            .Fields([
                (t["Project"], pack.ProjectName),
                (t["Phase"], t[$"Phase.{pack.Phase.Wire()}"] + stage),
                (t["PackDecisionsSince"], Day(pack.Since)),
            ]);

        document.Section(t["TimelineTitle"]).Chart(Timeline(pack.Timeline, t))
            .Rows([t["DecisionPoint"], t["LegendPlanned"], t["LegendDecided"], t["Decision"]],
                pack.Timeline.DecisionPoints.Select(d => Row(Point(d.DecisionPoint), Date(d.Planned), Date(d.Decided), d.Decision is { } made ? t[$"Decision.{made.Wire()}"] : "–")).ToList(),
                [0.3, 0.2, 0.2, 0.3]);
        if (pack.Timeline.Stages.Count > 0)
        {
            document.Rows([t["Stage"], t["StageStarted"], t["PlannedEndMark"], t["StageEnded"]],
                pack.Timeline.Stages.Select(st => Row(st.Stage.ToString(System.Globalization.CultureInfo.InvariantCulture), Date(st.Start), Date(st.PlannedEnd), Date(st.End))).ToList(),
                [0.25, 0.25, 0.25, 0.25]);
        }

        document.Section(t["PackStatus"]);
        if (pack.Status.Count == 0)
        {
            document.Text(t["PackNoReports"]);
        }
        else
        {
            var dimensions = pack.Status.SelectMany(l => l.Dimensions.Keys).Distinct().Order().ToList();
            var share = 0.62 / dimensions.Count;
            document.Rows(
                [t["ReportDate"], t["Stage"], t["OverallStatus"], .. dimensions.Select(d => t[$"Dimension.{Domain.Tolerances.ToleranceRules.Name(d)}"])],
                pack.Status.Select(l => Row([Day(l.SubmittedAt), l.Stage.ToString(System.Globalization.CultureInfo.InvariantCulture), Rag(l.Overall),
                    .. dimensions.Select(d => l.Dimensions.TryGetValue(d, out var rag) ? Rag(rag) : "–")])).ToList(),
                [0.13, 0.15, 0.1, .. dimensions.Select(_ => share)]);
        }

        document.Section(t["OpenExceptions"]);
        if (pack.OpenExceptions.Count == 0)
        {
            document.Text(t["PackNoExceptions"]);
        }
        else
        {
            document.Rows([t["DimensionHeader"], t["Level"], t["State"], t["Deviation"], t["Raised"]],
                pack.OpenExceptions.Select(e => Row(t[$"Dimension.{Domain.Tolerances.ToleranceRules.Name(e.Dimension)}"], t[$"Level.{e.Level.Wire()}"],
                    t[$"ExceptionState.{e.State.Wire()}"], $"{Web.Numbers.Format(e.Deviation)} ({t["Allowed"]} {Web.Numbers.Format(e.Allowed)})", Day(e.RaisedAt))).ToList(),
                [0.16, 0.14, 0.3, 0.24, 0.16]);
        }

        document.Section(t["PackTopRisks"]);
        if (pack.TopRisks.Count == 0)
        {
            document.Text(t["PackNoRisks"]);
        }
        else
        {
            document.Rows([t["Title"], t["Exposure"], t["Owner"], t["Status"]],
                pack.TopRisks.Select(r => Row(r.Title, $"{r.Exposure} ({r.Probability} × {r.Consequence})", Name(r.OwnerUserId), t[$"RiskStatus.{r.Status.Wire()}"])).ToList(),
                [0.45, 0.17, 0.22, 0.16]);
        }

        document.Section(t["FollowUpActions"]);
        if (pack.OpenActions.Count == 0)
        {
            document.Text(t["PackNoOpenActions"]);
        }
        else
        {
            document.Rows([t["What"], t["ActionOwner"], t["DueOn"], t["State"]],
                pack.OpenActions.Select(a => Row(a.What, Name(a.OwnerUserId), Web.Numbers.Format(a.DueOn), a.Overdue ? t["ActionOverdue"] : t["ActionState.open"])).ToList(),
                [0.46, 0.22, 0.14, 0.18]);
        }

        document.Section(t["Products"]);
        if (pack.Products.Count == 0)
        {
            document.Text(t["PackNoProducts"]);
        }
        else
        {
            document.Rows([t["Title"], t["Stage"], t["State"], t["OpenDefects"]],
                pack.Products.Select(p => Row(p.Title, p.Stage.ToString(System.Globalization.CultureInfo.InvariantCulture), t[$"ProductState.{p.State.Wire()}"],
                    p.OpenDefects.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList(),
                [0.46, 0.14, 0.26, 0.14]);
        }

        document.Section(t["Benefits"]);
        if (pack.Benefits.Count == 0)
        {
            document.Text(t["PackNoBenefits"]);
        }

        foreach (var benefit in pack.Benefits)
        {
            document.Text(benefit.Title);
            if (Web.BenefitChart.Of(benefit) is { } chart)
            {
                document.Chart(chart.Draw(benefit.Title, t["PackBenefitChart"]));
            }

            string Value(PointView? point) => point is { } p ? $"{Web.Numbers.Format(p.Value)} ({Web.Numbers.Format(p.Date)})" : "–";
            var latest = benefit.Figures?.Latest;
            document.Fields([
                (t["Indicator"], $"{benefit.Indicator} ({t.Unit(benefit.Unit)})"),
                (t["Baseline"], Value(benefit.Baseline)),
                (t["Target"], Value(benefit.Target)),
                (t["LatestMeasurement"], latest is { } l ? $"{Web.Numbers.Format(l.Value)} ({Web.Numbers.Format(l.Date)})" : "–"),
                (t["ForecastAtTarget"], benefit.Figures?.ForecastAtTarget is { } f ? Web.Numbers.Format(f) : "–"),
                (t["Status"], benefit.Figures is { } figures ? t[$"BenefitStatus.{figures.Status.Wire()}"] : "–"),
            ]);
        }

        document.Section(t["PackDecisions", Day(pack.Since)]);
        if (pack.Decisions.Count == 0)
        {
            document.Text(t["PackNoDecisions"]);
        }
        else
        {
            document.Rows([t["DecidedOn"], t["Decision"], t["DecidedBy"]],
                pack.Decisions.Select(d => Row(Day(d.DecidedAt), t.IsEnglish ? Gates.DecisionTitles.Of(d.ProjectName, d.DecisionPoint, d.Decision, d.FromPhase, d.ToPhase, t) : d.Title,
                    $"{Name(d.DecidedBy)}, {t[$"Decider.{d.DecidedAs.Wire()}"]}")).ToList(),
                [0.15, 0.55, 0.3]);
        }

        return document.ToPdf(letterhead.Now);
    }

    private const double Width = 700, Left = 150, Right = 30, Top = 14, Lane = 28;

    private static readonly int[] MonthSteps = [1, 2, 3, 6, 12, 24, 60];

    private static readonly Dictionary<Phase, string> PhaseColours = new()
    {
        [Phase.Proposed] = "#57606a",
        [Phase.Concept] = "#0969da",
        [Phase.Planning] = "#0550ae",
        [Phase.Execution] = "#116329",
        [Phase.Closure] = "#7d4e00",
        [Phase.Realisation] = "#6639ba",
    };

    /// <summary>
    /// The timeline as a drawing: a lane of the phases as lived, a lane per stage with its plan (an outline) over what
    /// happened (filled), and the decision points, decided (filled diamonds) and planned (hollow), over a month axis,
    /// with today and the project plan's end marked.
    /// </summary>
    public static Drawing Timeline(Timeline timeline, PaperTexts t)
    {
        var dates = timeline.Phases.Select(p => p.Start)
            .Concat(timeline.Stages.SelectMany(s => new[] { s.Start, s.PlannedEnd, s.End }).OfType<LocalDate>())
            .Concat(timeline.DecisionPoints.SelectMany(d => new[] { d.Planned, d.Decided }).OfType<LocalDate>())
            .Append(timeline.Today).Concat(timeline.PlannedEnd is { } end ? [end] : []).ToList();
        var first = new LocalDate(dates.Min().Year, dates.Min().Month, 1);
        var last = dates.Max().PlusMonths(1);
        last = new LocalDate(last.Year, last.Month, 1);
        var span = Period.Between(first, last, PeriodUnits.Days).Days;
        double X(LocalDate date) => Left + (Period.Between(first, date, PeriodUnits.Days).Days / (double)span * (Width - Left - Right));

        var lanes = 2 + timeline.Stages.Count;
        var axis = Top + (lanes * Lane) + 6;
        var height = axis + 56;
        var drawing = new Drawing(Width, height, t["TimelineTitle"], t["TimelineDescription"]);

        // The month axis, every month or every few so that no more than eight are named.
        var months = Period.Between(first, last, PeriodUnits.Months).Months;
        var step = MonthSteps.First(s => months / s <= 8);
        for (var month = first; month <= last; month = month.PlusMonths(step))
        {
            drawing.Add(new Drawing.Line(X(month), Top - 4, X(month), axis, "#d0d7de"));
            drawing.Add(new Drawing.Words(X(month), axis + 14, t.Month(month), 9, Anchor.Middle, Colour: "#57606a"));
        }

        // The phases as lived.
        var y = Top;
        drawing.Add(new Drawing.Words(Left - 8, y + 17, t["PhasesLane"], 10, Anchor.End, Bold: true));
        foreach (var phase in timeline.Phases.Where(p => PhaseColours.ContainsKey(p.Phase)))
        {
            var (from, to) = (X(phase.Start), X(phase.End ?? timeline.Today));
            drawing.Add(new Drawing.Box(from, y + 4, Math.Max(to - from, 2), Lane - 8, PhaseColours[phase.Phase]));
            var name = t[$"Phase.{phase.Phase.Wire()}"];
            if (to - from > (name.Length * 5.6) + 6)
            {
                drawing.Add(new Drawing.Words((from + to) / 2, y + 18, name, 9, Anchor.Middle, Bold: true, Colour: "#ffffff"));
            }
        }

        // Each stage: the plan above, what happened below.
        y += Lane;
        LocalDate? previousPlannedEnd = null;
        foreach (var stage in timeline.Stages)
        {
            drawing.Add(new Drawing.Words(Left - 8, y + 17, $"{t["Stage"]} {stage.Stage}", 10, Anchor.End));
            if (stage.PlannedEnd is { } plannedEnd && (stage.Start ?? previousPlannedEnd ?? timeline.Today) is var plannedStart && plannedStart <= plannedEnd)
            {
                drawing.Add(new Drawing.Box(X(plannedStart), y + 4, Math.Max(X(plannedEnd) - X(plannedStart), 2), 9, "#ffffff", "#57606a"));
            }

            if (stage.Start is { } start)
            {
                drawing.Add(new Drawing.Box(X(start), y + 15, Math.Max(X(stage.End ?? timeline.Today) - X(start), 2), 9, "#116329"));
            }

            previousPlannedEnd = stage.PlannedEnd;
            y += Lane;
        }

        // The decision points.
        drawing.Add(new Drawing.Words(Left - 8, y + 17, t["DecisionPointsLane"], 10, Anchor.End, Bold: true));
        // Decision points taken or planned on the same day share one mark and one label («BP1 · BP2 · BP3»).
        var marks = timeline.DecisionPoints
            .Select(p => (Day: p.Decided ?? p.Planned, Decided: p.Decided is not null, p.Decision,
                Name: p.DecisionPoint == DecisionPoint.StageBoundary ? t["StageBoundaryShort"] : p.DecisionPoint.Wire().ToUpperInvariant()))
            .Where(p => p.Day is not null)
            .GroupBy(p => (p.Day, p.Decided));
        foreach (var mark in marks)
        {
            var x = X(mark.Key.Day!.Value);
            var fill = !mark.Key.Decided ? "#ffffff" : mark.All(p => p.Decision == Decision.Approve) ? "#1f2328" : "#cf222e";
            drawing.Add(new Drawing.Diamond(x, y + 14, 6, fill, "#1f2328"));
            drawing.Add(new Drawing.Words(x, y + 2, string.Join(" · ", mark.Select(p => p.Name)), 8, Anchor.Middle));
        }

        // Today, and the end the project plan gives.
        drawing.Add(new Drawing.Line(X(timeline.Today), Top - 4, X(timeline.Today), axis, "#cf222e", 1.2, Dashed: true));
        drawing.Add(new Drawing.Words(X(timeline.Today) + 3, Top - 5, t["Today"], 8, Colour: "#a40e26"));
        if (timeline.PlannedEnd is { } projectEnd)
        {
            drawing.Add(new Drawing.Line(X(projectEnd), Top - 4, X(projectEnd), axis, "#0550ae", 1.2, Dashed: true));
            drawing.Add(new Drawing.Words(X(projectEnd) - 3, axis - 3, t["PlannedEndMark"], 8, Anchor.End, Colour: "#0550ae"));
        }

        // The legend.
        var legend = axis + 34;
        drawing.Add(new Drawing.Box(Left, legend - 8, 22, 9, "#ffffff", "#57606a"));
        drawing.Add(new Drawing.Words(Left + 28, legend, t["LegendPlanned"], 9));
        drawing.Add(new Drawing.Box(Left + 120, legend - 8, 22, 9, "#116329"));
        drawing.Add(new Drawing.Words(Left + 148, legend, t["LegendActual"], 9));
        drawing.Add(new Drawing.Diamond(Left + 250, legend - 4, 5, "#1f2328", "#1f2328"));
        drawing.Add(new Drawing.Words(Left + 260, legend, t["LegendDecided"], 9));
        drawing.Add(new Drawing.Diamond(Left + 370, legend - 4, 5, "#ffffff", "#1f2328"));
        drawing.Add(new Drawing.Words(Left + 380, legend, t["LegendPlannedDecision"], 9));
        return drawing;
    }
}
