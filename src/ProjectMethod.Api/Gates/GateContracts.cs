using System.Globalization;
using System.Resources;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.Gates;

/// <summary>
/// A decision's title as the municipality's archive files it, always in bokmål whatever language the reader asked for:
/// the archive keeps one title.
/// </summary>
public static class DecisionTitles
{
    private static readonly ResourceManager Texts = new("ProjectMethod.Api.Web.Texts", typeof(DecisionTitles).Assembly);

    private static readonly CultureInfo Bokmal = CultureInfo.GetCultureInfo("nb-NO");

    /// <summary>«Nytt skolebygg: BP2 godkjent (Konsept → Planlegging)»; a decision that leaves the phase as it was: «(blir i Konsept)».</summary>
    public static string Of(string projectName, DecisionPoint point, Decision decision, Phase from, Phase to)
    {
        var name = point == DecisionPoint.StageBoundary ? Text("StageBoundary") : point.Wire().ToUpperInvariant();
        var where = from == to ? $"{Text("DecisionStaysIn")} {Text($"Phase.{from.Wire()}")}" : $"{Text($"Phase.{from.Wire()}")} → {Text($"Phase.{to.Wire()}")}";
        return $"{projectName}: {name} {Text($"Decision.{decision.Wire()}")} ({where})";
    }

    /// <summary>A text of the pages in bokmål, for what is filed and printed.</summary>
    internal static string Text(string key) => Texts.GetString(key, Bokmal) ?? throw new InvalidOperationException($"No text {key}.");
}
