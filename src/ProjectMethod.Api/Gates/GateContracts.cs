using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Infrastructure.Documents;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.Gates;

/// <summary>
/// A decision's title as the municipality's archive files it, always in bokmål whatever language the reader asked for:
/// the archive keeps one title.
/// </summary>
public static class DecisionTitles
{
    /// <summary>«Nytt skolebygg: BP2 godkjent (Konsept → Planlegging)»; a decision that leaves the phase as it was: «(blir i Konsept)».</summary>
    public static string Of(string projectName, DecisionPoint point, Decision decision, Phase from, Phase to) =>
        Of(projectName, point, decision, from, to, PaperTexts.Bokmal);

    /// <summary>The title in the language of a document asked for in another: the archive's stays in bokmål.</summary>
    public static string Of(string projectName, DecisionPoint point, Decision decision, Phase from, Phase to, PaperTexts t)
    {
        var name = point == DecisionPoint.StageBoundary ? t["StageBoundary"] : point.Wire().ToUpperInvariant();
        var where = from == to ? $"{t["DecisionStaysIn"]} {t[$"Phase.{from.Wire()}"]}" : $"{t[$"Phase.{from.Wire()}"]} → {t[$"Phase.{to.Wire()}"]}";
        return $"{projectName}: {name} {t[$"Decision.{decision.Wire()}"]} ({where})";
    }

    /// <summary>A text of the pages in bokmål, for what is filed and printed.</summary>
    internal static string Text(string key) => PaperTexts.Bokmal[key];
}
