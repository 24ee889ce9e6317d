using ProjectMethod.Api.Events;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.ManageByException;
using ProjectMethod.Api.Projects;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Programmes;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Programmes;

/// <summary>A member project's tolerance inside its programme's, both ways: when the project's is set and when the programme's is.</summary>
public static class ProgrammeNesting
{
    /// <summary>
    /// Null when the proposed project tolerance of a member lies inside its programme's; the chain's lock is taken first,
    /// so a change of the programme's tolerances cannot slip in between the reading and the writing.
    /// </summary>
    public static async Task<DomainError?> CheckMemberAsync(Database database, ProjectWrite write, ToleranceSet proposed)
    {
        if (write.Project.ProgrammeId is not { } programmeId)
        {
            return null;
        }

        await database.LockChainAsync(write.Db);
        return await CheckAsync(write.Db, programmeId, write.Project.Id, proposed);
    }

    /// <summary>A member's project tolerance set (by its programme board, or with an exception plan) goes into the programme's decision log.</summary>
    public static Task LogMemberTolerancesAsync(ProjectWrite write, ToleranceSet set) =>
        write.Project.ProgrammeId is { } programmeId
            ? ProgrammeStore.LogAsync(write.Db, programmeId, new ProgrammeEntry(ProgrammeEntryKind.ProjectTolerancesSet, write.Project.Id,
                $"{write.Project.Name}: {ProgrammeCommands.Describe(set)}", write.Actor.UserId, write.Now))
            : Task.CompletedTask;

    public static async Task<DomainError?> CheckAsync(DbSession db, Guid programmeId, Guid projectId, ToleranceSet proposed)
    {
        var programme = (await ProgrammeStore.GetAsync(db, programmeId))!;
        var tolerances = await MemberTolerancesAsync(db, programmeId);
        var others = tolerances.Where(t => t.Key != projectId).Sum(t => HighestCost(t.Value));
        return ProgrammeRules.LimitPassed(proposed, programme.ToleranceSet, others) is { } limit ? Outside(limit) : null;
    }

    /// <summary>Null when every member's project tolerance lies inside the proposed programme tolerance; else the refusal naming the first that would not.</summary>
    public static async Task<DomainError?> FirstMemberOutsideAsync(DbSession db, Guid programmeId, ToleranceSet proposed)
    {
        var tolerances = await MemberTolerancesAsync(db, programmeId);
        var total = tolerances.Values.Sum(HighestCost);
        return tolerances.Select(t => ProgrammeRules.LimitPassed(t.Value, proposed, total - HighestCost(t.Value))).FirstOrDefault(l => l is not null) is { } limit
            ? Outside(limit)
            : null;
    }

    private static decimal HighestCost(ToleranceSet set) => set.ByDimension.TryGetValue(Dimension.Cost, out var cost) ? cost.HighestAllowed : 0;

    private static async Task<Dictionary<Guid, ToleranceSet>> MemberTolerancesAsync(DbSession db, Guid programmeId)
    {
        var sets = new Dictionary<Guid, ToleranceSet>();
        foreach (var member in await ProjectStore.OfProgrammeAsync(db, programmeId))
        {
            if (await ToleranceStore.GetAsync(db, member.Id, ToleranceScope.Project) is { } set)
            {
                sets[member.Id] = set;
            }
        }

        return sets;
    }

    private static DomainError Outside(string limit) => ProgrammeRules.OutsideTolerance(limit);
}

/// <summary>
/// The programme's tolerances judged on every highlight report of a member project: the members' project forecasts
/// rolled up — costs added, the latest end — and a breach raised once per dimension for the portfolio board.
/// </summary>
public static class ProgrammeJudging
{
    public static async Task JudgeAsync(ProjectWrite write, IReadOnlyDictionary<Dimension, decimal>? projectValues, decimal atRiskThreshold)
    {
        if (write.Project.ProgrammeId is not { } programmeId || await ProgrammeStore.GetAsync(write.Db, programmeId) is not { } programme)
        {
            return;
        }

        var forecasts = new List<IReadOnlyDictionary<Dimension, decimal>>();
        foreach (var member in await ProjectStore.OfProgrammeAsync(write.Db, programmeId))
        {
            forecasts.Add(member.Id == write.Project.Id && projectValues is not null ? projectValues : await ForecastOfAsync(write.Db, member.Id, member.Stage));
        }

        var evaluation = ToleranceRules.Evaluate(programme.ToleranceSet, ProgrammeRules.RollUp(forecasts), atRiskThreshold);
        var open = (await ProgrammeStore.BreachesAsync(write.Db, programmeId)).Where(b => b.Open).Select(b => b.Dimension).ToHashSet();
        foreach (var breach in evaluation.Where(e => e.Status == ToleranceStatus.Exceeded && !open.Contains(e.Dimension)))
        {
            var row = new ProgrammeStore.BreachRow
            {
                Id = Ids.New(write.Now), CauseProjectId = write.Project.Id, Dimension = breach.Dimension, State = ProgrammeStore.OpenState, ForecastValue = breach.Forecast,
                Plan = breach.Plan, Deviation = breach.Deviation, Allowed = breach.AllowedDeviation, RaisedAt = write.Now,
            };
            await ProgrammeStore.RaiseAsync(write.Db, programmeId, row);
            await ProgrammeStore.LogAsync(write.Db, programmeId, new ProgrammeEntry(ProgrammeEntryKind.ProgrammeExceptionRaised, write.Project.Id,
                $"{ToleranceRules.Name(breach.Dimension)}: {breach.Forecast:0.##} against {breach.Plan:0.##}", write.Actor.UserId, write.Now));
            write.Record(EventTypes.ProgrammeExceptionRaised, new ProgrammeEventData(programmeId, programme.Name, write.Project.Id, null) { Exception = row.ToView() });
        }
    }

    /// <summary>A member's project forecast: its newest highlight report's project values, else its project tolerance's plan.</summary>
    public static async Task<IReadOnlyDictionary<Dimension, decimal>> ForecastOfAsync(DbSession db, Guid projectId, int? stage)
    {
        if (stage is { } current && await ForecastStore.LatestStageValuesAsync(db, projectId, current) is { ProjectValues: { } values })
        {
            return values;
        }

        return await ToleranceStore.GetAsync(db, projectId, ToleranceScope.Project) is { } set
            ? set.ByDimension.Where(t => ProgrammeRules.Dimensions.Contains(t.Key)).ToDictionary(t => t.Key, t => t.Value.Plan)
            : new Dictionary<Dimension, decimal>();
    }
}
