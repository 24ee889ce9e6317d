namespace ProjectMethod.Domain.Tolerances;

/// <summary>The rules of manage by exception (avviksledelse, P5): judging forecasts, and keeping each level inside the one above.</summary>
public static class ToleranceRules
{
    /// <summary>The share of the band from which a forecast is at risk, unless the handbook sets another.</summary>
    public const decimal DefaultAtRiskThreshold = 0.8m;

    /// <summary>
    /// Deviation = forecast − plan. On the bound is still within tolerance (at risk); past it is exceeded; from the
    /// threshold share of the bound on it is at risk. A side with no allowance is exceeded by any deviation that way.
    /// </summary>
    public static DimensionEvaluation Evaluate(Tolerance tolerance, decimal forecast, decimal atRiskThreshold = DefaultAtRiskThreshold)
    {
        var deviation = forecast - tolerance.Plan;
        if (deviation > 0 && !Dimensions.HasUpperLimit(tolerance.Dimension))
        {
            return new DimensionEvaluation(tolerance.Dimension, forecast, tolerance.Plan, deviation, decimal.MaxValue, ToleranceStatus.WithinTolerance);
        }

        var allowed = deviation >= 0 ? tolerance.Above : tolerance.Below;
        var size = Math.Abs(deviation);
        var status = size > allowed ? ToleranceStatus.Exceeded
            : size > 0 && size >= allowed * atRiskThreshold ? ToleranceStatus.AtRisk
            : ToleranceStatus.WithinTolerance;
        return new DimensionEvaluation(tolerance.Dimension, forecast, tolerance.Plan, deviation, allowed, status);
    }

    /// <summary>Every dimension of the set that has a forecast, judged.</summary>
    public static IReadOnlyList<DimensionEvaluation> Evaluate(
        ToleranceSet tolerances, IReadOnlyDictionary<Dimension, decimal> forecast, decimal atRiskThreshold = DefaultAtRiskThreshold) =>
        tolerances.ByDimension.Values
            .Where(t => forecast.ContainsKey(t.Dimension))
            .OrderBy(t => t.Dimension)
            .Select(t => Evaluate(t, forecast[t.Dimension], atRiskThreshold))
            .ToList();

    /// <summary>
    /// A lower level's tolerance lies inside the level above when it allows no more deviation either way and its
    /// outer limits are inside the outer limits above. The first limit it passes is named, or null when inside.
    /// </summary>
    public static string? FirstLimitPassed(ToleranceSet inner, ToleranceSet outer)
    {
        foreach (var (dimension, tolerance) in inner.ByDimension.OrderBy(d => d.Key))
        {
            if (!outer.ByDimension.TryGetValue(dimension, out var limit))
            {
                return $"{Name(outer.Level)} has no {Name(dimension)} tolerance for the {Name(inner.Level)} tolerance to lie inside.";
            }

            if (tolerance.Above > limit.Above && Dimensions.HasUpperLimit(dimension))
            {
                return $"The {Name(inner.Level)} {Name(dimension)} tolerance allows {tolerance.Above} above plan; the {Name(outer.Level)} allows {limit.Above}.";
            }

            if (tolerance.Below > limit.Below)
            {
                return $"The {Name(inner.Level)} {Name(dimension)} tolerance allows {tolerance.Below} below plan; the {Name(outer.Level)} allows {limit.Below}.";
            }

            if (tolerance.HighestAllowed > limit.HighestAllowed)
            {
                return $"The {Name(inner.Level)} {Name(dimension)} limit {Show(dimension, tolerance.HighestAllowed)} is above the {Name(outer.Level)} limit {Show(dimension, limit.HighestAllowed)}.";
            }

            if (dimension == Dimension.Benefit && tolerance.LowestAllowed < limit.LowestAllowed)
            {
                return $"The {Name(inner.Level)} benefit limit {tolerance.LowestAllowed} is below the {Name(outer.Level)} limit {limit.LowestAllowed}.";
            }
        }

        return null;
    }

    /// <summary>
    /// One baseline per stage: the stage plan's planned end and budget are the plan values of the stage's time and cost
    /// tolerances. The set with those plan values put in (the bands kept); dimensions the set lacks stay out.
    /// </summary>
    public static ToleranceSet WithStagePlan(ToleranceSet stage, NodaTime.LocalDate plannedEnd, decimal budget) =>
        stage with
        {
            ByDimension = stage.ByDimension.ToDictionary(d => d.Key, d => d.Key switch
            {
                Dimension.Time => d.Value with { Plan = Dimensions.DayNumber(plannedEnd) },
                Dimension.Cost => d.Value with { Plan = budget },
                _ => d.Value,
            }),
        };

    /// <summary>
    /// Nesting holds both ways: narrowing an outer tolerance must not leave an inner one (a stage's, a work package's)
    /// outside it. The refusal names the first inner tolerance that would lie outside and the limit it would pass.
    /// </summary>
    public static DomainError? CheckInnerInside(ToleranceSet outer, IEnumerable<(string Name, ToleranceSet Inner)> inners)
    {
        foreach (var (name, inner) in inners)
        {
            if (FirstLimitPassed(inner, outer) is { } limit)
            {
                return DomainError.Conflict("inner-tolerance-outside", "An inner tolerance would lie outside",
                        $"{name} would no longer lie inside the {Name(outer.Level)} tolerance: {limit}")
                    with { Extensions = new Dictionary<string, object?> { ["inner"] = name, ["limit"] = limit } };
            }
        }

        return null;
    }

    /// <summary>The refusal of a tolerance that does not lie inside the level above, naming the limit it passes.</summary>
    public static DomainError OutsideLimit(string limit) =>
        DomainError.Conflict("outside-tolerance-limit", "Outside the limit above", limit)
            with { Extensions = new Dictionary<string, object?> { ["limit"] = limit } };

    public static string Name(Dimension dimension) => dimension.ToString().ToLowerInvariant();

    public static string Name(ToleranceLevel level) => level switch
    {
        ToleranceLevel.Project => "project",
        ToleranceLevel.Stage => "stage",
        _ => "work package",
    };

    private static string Show(Dimension dimension, decimal value) =>
        dimension == Dimension.Time
            ? Dimensions.FromDayNumber(value).ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A forecast for a stage is judged against the stage's tolerances, and project values against the project's.</summary>
    public static DomainError? CheckJudgeable(int stage, bool stageTolerance, bool projectValues, bool projectTolerance) =>
        !stageTolerance
            ? DomainError.Conflict("no-stage-tolerance", "No stage tolerance", $"Stage {stage} has no tolerances to judge a forecast against.")
            : projectValues && !projectTolerance
                ? DomainError.Conflict("no-project-tolerance", "No project tolerance", "The project has no tolerances to judge projectValues against.")
                : null;

    /// <summary>A work package's tolerances lie inside its stage's, so the stage must have them.</summary>
    public static DomainError? CheckInsideStage(int stage, ToleranceSet? stageTolerance, ToleranceSet workPackage) =>
        stageTolerance is null
            ? DomainError.Conflict("no-stage-tolerance", "No stage tolerance", $"Stage {stage} has no tolerances for a work package to lie inside.")
            : FirstLimitPassed(workPackage, stageTolerance) is { } limit ? OutsideLimit(limit) : null;

    /// <summary>The team manager of a work package holds the teamManager role on the project.</summary>
    public static DomainError? CheckTeamManager(IEnumerable<Roles.RoleAssignment> roles, string userId) =>
        roles.Any(r => r.Role == Roles.ProjectRole.TeamManager && r.UserId == userId)
            ? null
            : DomainError.Conflict("not-a-team-manager", "Not a team manager", $"{userId} holds no teamManager role on the project.");

    /// <summary>An issue a work package forecast raised is resolved once.</summary>
    public static DomainError? CheckIssueOpen(bool open) =>
        open ? null : DomainError.Conflict("issue-resolved", "Issue resolved", "The issue is already resolved.");
}
