namespace ProjectMethod.Domain.Phases;

/// <summary>Where a project stands in the method: the five phases (faser) plus the idea before them and the two ends.</summary>
public enum Phase
{
    Proposed,
    Concept,
    Planning,
    Execution,
    Closure,
    Realisation,
    Completed,
    Rejected,
}

/// <summary>A decision point (beslutningspunkt) where the right decider authorises the next phase or stage.</summary>
public enum DecisionPoint
{
    Bp1,
    Bp2,
    Bp3,
    StageBoundary,
    Bp4,
    Bp5,
    Bp6,
}

/// <summary>What a decider may decide at a decision point.</summary>
public enum Decision
{
    Approve,
    Reject,
    Stop,
}

/// <summary>Who decides at a decision point.</summary>
public enum Decider
{
    PortfolioBoard,
    Executive,

    /// <summary>The programme board (its owner and members) of the programme a project belongs to.</summary>
    ProgrammeBoard,
}

/// <summary>The seven principles of the method, plus benefits management, which the criteria refer to.</summary>
public enum Principle
{
    P1,
    P2,
    P3,
    P4,
    P5,
    P6,
    P7,
    Benefits,
}
