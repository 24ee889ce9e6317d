namespace ProjectMethod.Domain;

/// <summary>
/// What a rule says to people, as a code and its arguments, so that each language renders it from its own text
/// (the pages in bokmål, the API's detail in English). The English sentence travels beside it.
/// </summary>
public sealed record Reason(string Code, IReadOnlyList<ReasonArgument> Arguments)
{
    public static Reason Of(string code, params ReasonArgument[] arguments) => new(code, arguments);
}

/// <summary>The kind of a reason's argument: shown as it is, or named by each language (a role, a rule, a dimension).</summary>
public enum ReasonArgumentKind
{
    /// <summary>Shown as it is: a title, a name, a date.</summary>
    Text,

    Number,

    /// <summary>A project role's wire name (projectManager).</summary>
    Role,

    /// <summary>A role combination rule's id (executive-not-project-manager).</summary>
    Rule,

    /// <summary>A tolerance dimension's wire name (cost).</summary>
    Dimension,

    /// <summary>A phase's wire name (planning).</summary>
    Phase,
}

/// <summary>One argument of a reason: one or more values of one kind (a list is shown joined).</summary>
public sealed record ReasonArgument(ReasonArgumentKind Kind, IReadOnlyList<string> Values)
{
    public static ReasonArgument Text(IEnumerable<string> values) => new(ReasonArgumentKind.Text, values.ToList());

    public static ReasonArgument Text(string value) => new(ReasonArgumentKind.Text, [value]);

    public static ReasonArgument Number(int value) => new(ReasonArgumentKind.Number, [value.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

    public static ReasonArgument Of(ReasonArgumentKind kind, IEnumerable<string> values) => new(kind, values.ToList());
}
