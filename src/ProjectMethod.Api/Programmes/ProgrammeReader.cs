using NodaTime;
using ProjectMethod.Api.Actions;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.ManageByException;
using ProjectMethod.Api.Portfolio;
using ProjectMethod.Domain.Benefits;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Programmes;

/// <summary>Programmes as the board and the programme read them: the list, and one programme rolled up from its projects.</summary>
public sealed class ProgrammeReader(Database database, IClock clock)
{
    public Task<IReadOnlyList<ProgrammeSummary>> ListAsync(CancellationToken cancellationToken) => database.ReadAsync<IReadOnlyList<ProgrammeSummary>>(async db =>
    {
        var (members, breaches) = (await ProgrammeStore.MemberCountsAsync(db), await ProgrammeStore.OpenBreachCountsAsync(db));
        var owned = (await ExceptionStore.OpenAsync(db)).Where(e => e.ProgrammeId is not null)
            .GroupBy(e => e.ProgrammeId!.Value).ToDictionary(g => g.Key, g => g.Count());
        return (await ProgrammeStore.AllAsync(db)).Select(p => new ProgrammeSummary(p.Id, p.Name, p.OwnerUserId, p.SectorList, members.GetValueOrDefault(p.Id),
            breaches.GetValueOrDefault(p.Id) + owned.GetValueOrDefault(p.Id))).ToList();
    }, cancellationToken);

    public Task<ProgrammeView?> ReadAsync(Guid id, CancellationToken cancellationToken) => database.ReadAsync(async db =>
    {
        if (await ProgrammeStore.GetAsync(db, id) is not { } programme)
        {
            return null;
        }

        var today = BenefitMath.Today(clock);
        var members = await ProgrammeStore.MembersAsync(db, id);
        var ids = members.Select(m => m.Id).ToList();
        var participating = await ProgrammeStore.ParticipatingInAsync(db, id);
        var reportsDue = await PortfolioStore.ReportsDueAsync(db, null, today.AtStartOfDayInZone(BenefitMath.Oslo).ToInstant());
        var measured = (await PortfolioStore.MeasuredAsync(db, null, today)).Where(m => ids.Contains(m.ProjectId)).ToList();
        var status = measured.ToDictionary(m => m.Benefit.Id, m => m.Benefit.Figures?.Status);
        var benefits = (await ProgrammeStore.BenefitsAsync(db, id)).ToLookup(b => b.ProjectId);
        bool Realised(ProgrammeStore.MemberBenefit b) => b.Outcome == BenefitOutcome.Realised || (b.Outcome is null && status.GetValueOrDefault(b.Id) == BenefitStatus.Realised);

        var projects = new List<ProgrammeProject>();
        var exceptions = new List<ProgrammeExceptionView>();
        foreach (var member in members)
        {
            var own = await ToleranceStore.GetAsync(db, member.Id, ToleranceScope.Project);
            var forecast = await ProgrammeJudging.ForecastOfAsync(db, member.Id, member.Stage);
            var memberExceptions = await ExceptionStore.ForProjectAsync(db, member.Id);
            var due = reportsDue.TryGetValue(member.Id, out var day) ? day : (LocalDate?)null;
            projects.Add(new ProgrammeProject(
                member.Id, member.Name, member.Sector, participating[member.Id].ToList(), member.Phase, member.Stage, member.Category, member.Rag,
                Plan(own, Dimension.Cost), PlanDate(own), forecast.TryGetValue(Dimension.Cost, out var cost) ? cost : null,
                forecast.TryGetValue(Dimension.Time, out var end) ? Dimensions.FromDayNumber(end) : null,
                memberExceptions.Count(e => Domain.Exceptions.ExceptionRules.IsOpen(e.State)), benefits[member.Id].Count(), benefits[member.Id].Count(Realised),
                due, due < today, await ActionStore.OverdueAsync(db, member.Id, today)));
            exceptions.AddRange(memberExceptions.Where(e => e.Owner == Decider.ProgrammeBoard).Select(e => new ProgrammeExceptionView
            {
                Id = e.Id, ProjectId = member.Id, Level = e.Level, Dimension = e.Dimension, Open = Domain.Exceptions.ExceptionRules.IsOpen(e.State), Decider = e.Owner,
                ForecastValue = e.ForecastValue, Plan = e.Plan, RaisedAt = e.RaisedAt, Rationale = e.Rationale, DecidedBy = e.DecidedBy, DecidedAt = e.DecidedAt,
            }));
        }

        exceptions.AddRange((await ProgrammeStore.BreachesAsync(db, id)).Select(b => b.ToView()));
        var ends = projects.Select(p => p.ForecastEnd).OfType<LocalDate>().ToList();
        var totals = new ProgrammeTotals(
            projects.Sum(p => p.Budget ?? 0), projects.Sum(p => p.ForecastCost ?? 0), ends.Count == 0 ? null : ends.Max(), projects.Sum(p => p.OpenExceptions) + exceptions.Count(e => e.Open && e.ProjectId is null),
            projects.Sum(p => p.BenefitsPlanned), projects.Sum(p => p.BenefitsRealised), projects.Count(p => p.ReportOverdue), projects.Sum(p => p.OverdueActions));
        return new ProgrammeView
        {
            Id = programme.Id, Name = programme.Name, Description = programme.Description, OwnerUserId = programme.OwnerUserId,
            BoardUserIds = await ProgrammeStore.BoardAsync(db, id), Sectors = programme.SectorList,
            Tolerances = ToleranceSetView.From(programme.ToleranceSet, null, null).Tolerances, Projects = projects, Totals = totals,
            Beneficiaries = await PortfolioStore.PerBeneficiaryAsync(db, null, measured, id),
            Exceptions = exceptions.OrderByDescending(e => e.Open).ThenBy(e => e.RaisedAt).ToList(), Decisions = await ProgrammeStore.EntriesAsync(db, id),
        };
    }, cancellationToken);

    private static decimal? Plan(ToleranceSet? set, Dimension dimension) => set?.ByDimension.TryGetValue(dimension, out var t) == true ? t.Plan : null;

    private static LocalDate? PlanDate(ToleranceSet? set) => Plan(set, Dimension.Time) is { } day ? Dimensions.FromDayNumber(day) : null;
}
