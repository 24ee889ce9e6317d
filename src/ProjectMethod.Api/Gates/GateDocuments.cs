using NodaTime;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Infrastructure.Documents;
using ProjectMethod.Api.People;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.Gates;

/// <summary>A decision as the steering group and the archive read it on paper: the decision record, in bokmål.</summary>
public sealed class GateDocuments(Database database, PeopleReader people, IClock clock, IConfiguration configuration)
{
    private static readonly DateTimeZone Oslo = DateTimeZoneProviders.Tzdb["Europe/Oslo"];

    /// <summary>The decision record as PDF; null when the project has no such decision.</summary>
    public async Task<byte[]?> DecisionRecordAsync(Guid projectId, Guid decisionId, CancellationToken cancellationToken)
    {
        var (decision, names) = await database.ReadAsync(async db => (await GateStore.DecisionAsync(db, projectId, decisionId), await people.PeopleAsync(db)), cancellationToken);
        if (decision is null)
        {
            return null;
        }

        string Name(string? userId) => userId is null ? "" : names.GetValueOrDefault(userId)?.Name ?? userId;
        static string T(string key) => DecisionTitles.Text(key);
        var point = decision.DecisionPoint == DecisionPoint.StageBoundary ? T("StageBoundary") : decision.DecisionPoint.Wire().ToUpperInvariant();
        var now = clock.GetCurrentInstant();
        var document = new PaperDocument(decision.Title, new DocumentHeading(
                configuration["Documents:Municipality"] ?? "Kommunen", $"{decision.ProjectName} · {T($"Phase.{decision.ToPhase.Wire()}")}", now.InZone(Oslo).Date))
            .Fields([
                ("Prosjekt", decision.ProjectName),
                (T("DecisionPoint"), point),
                ("Beslutning", T($"Decision.{decision.Decision.Wire()}")),
                ("Fase", $"{T($"Phase.{decision.FromPhase.Wire()}")} → {T($"Phase.{decision.ToPhase.Wire()}")}"),
                ("Besluttet av", $"{Name(decision.DecidedBy)}, {T($"Decider.{decision.DecidedAs.Wire()}")}"),
                ("Dato", PaperDocument.LongDate(decision.DecidedAt.InZone(Oslo).Date)),
            ]);
        if (decision.Recommendation is { } recommendation)
        {
            document.Section("Anbefaling").Text(recommendation).Fields([("Anbefalt av", Name(decision.RequestedBy))]);
        }

        document.Section("Begrunnelse").Text(decision.Rationale);
        if (decision.Criteria is { Count: > 0 } criteria)
        {
            document.Section("Kriterier slik de var vurdert da det ble besluttet")
                .Rows(["Kriterium", T("Principle"), "Vurdering"],
                    criteria.Select(c => (IReadOnlyList<string>)[T($"Criterion.{c.Id}"), T($"Principle.{c.Principle.Wire()}"), T(c.Met ? "Met" : "NotMet")]).ToList(),
                    [0.56, 0.27, 0.17]);
        }

        if (decision.Votes.Count > 0)
        {
            document.Section("Stemmer i styringsgruppen")
                .Rows(["Medlem", "Stemme"], decision.Votes.Select(v => (IReadOnlyList<string>)[Name(v.UserId), T($"Decision.{v.Decision.Wire()}")]).ToList(), [0.6, 0.4]);
        }

        return document.ToPdf(now);
    }
}
