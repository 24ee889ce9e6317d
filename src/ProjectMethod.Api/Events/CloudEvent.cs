using System.Text.Json;
using NodaTime;

namespace ProjectMethod.Api.Events;

/// <summary>
/// A state change as a CloudEvents 1.0 event (JSON format): <c>id</c> is the audit sequence number, <c>type</c>
/// <c>no.projectmethod.&lt;event&gt;</c>, <c>subject</c> the project id.
/// </summary>
public sealed record CloudEvent(
    string Specversion,
    string Id,
    string Source,
    string Type,
    string? Subject,
    Instant Time,
    string Datacontenttype,
    long Sequence,
    string Actor,
    JsonElement Data)
{
    public const string TypePrefix = "no.projectmethod.";

    public static CloudEvent From(long sequence, Guid? projectId, string type, string actor, Instant time, string payload) => new(
        "1.0",
        sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
        projectId is null ? "/projectmethod" : $"/projectmethod/projects/{projectId:D}",
        TypePrefix + type,
        projectId?.ToString("D"),
        time,
        "application/json",
        sequence,
        actor,
        JsonDocument.Parse(payload).RootElement.Clone());
}
