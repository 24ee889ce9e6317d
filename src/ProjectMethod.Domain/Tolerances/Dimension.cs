using NodaTime;

namespace ProjectMethod.Domain.Tolerances;

/// <summary>A dimension of performance on which tolerances are set (toleransedimensjon).</summary>
public enum Dimension
{
    /// <summary>Planned end date ± days.</summary>
    Time,

    /// <summary>Budget in NOK ± amount.</summary>
    Cost,

    /// <summary>Open quality defects or failed criteria.</summary>
    Quality,

    /// <summary>Products added to or removed from scope.</summary>
    Scope,

    /// <summary>Risk exposure: the sum of probability × consequence of open risks.</summary>
    Risk,

    /// <summary>Expected benefit value; only a shortfall is a deviation.</summary>
    Benefit,

    /// <summary>A sustainability measure (PRINCE2 7), where a handbook or the configuration turns it on.</summary>
    Sustainability,
}

/// <summary>The tolerance levels and who owns each (DESIGN §4).</summary>
public enum ToleranceLevel
{
    /// <summary>Set by the portfolio board, or for a programme's project by its programme board inside the programme's.</summary>
    Project,

    /// <summary>Set by the Executive, inside the project tolerance.</summary>
    Stage,

    /// <summary>Set by the Project Manager, inside the stage tolerance.</summary>
    WorkPackage,

    /// <summary>A programme's, over its projects: set by the portfolio board.</summary>
    Programme,
}

public static class Dimensions
{
    /// <summary>The six dimensions of the method, active unless configured otherwise.</summary>
    public static IReadOnlyList<Dimension> Default { get; } =
        [Dimension.Time, Dimension.Cost, Dimension.Quality, Dimension.Scope, Dimension.Risk, Dimension.Benefit];

    /// <summary>Time is planned as a date; its deviations are days. Every value here is a number: dates are day numbers.</summary>
    public static decimal DayNumber(LocalDate date) => Period.Between(Epoch, date, PeriodUnits.Days).Days;

    public static LocalDate FromDayNumber(decimal day) => Epoch.PlusDays((int)day);

    private static readonly LocalDate Epoch = new(1970, 1, 1);

    /// <summary>Whether a deviation above the plan can breach this dimension (a larger benefit never does).</summary>
    public static bool HasUpperLimit(Dimension dimension) => dimension != Dimension.Benefit;

    /// <summary>Whether the dimension is measured from the register rather than forecast by hand.</summary>
    public static bool IsComputed(Dimension dimension) => dimension == Dimension.Risk;
}
