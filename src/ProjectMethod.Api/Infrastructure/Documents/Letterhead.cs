using NodaTime;

namespace ProjectMethod.Api.Infrastructure.Documents;

/// <summary>Starts every document the same way: the municipality's name (<c>Documents:Municipality</c>), the subject and today's date in Oslo.</summary>
public sealed class Letterhead(IConfiguration configuration, IClock clock)
{
    private static readonly DateTimeZone Oslo = DateTimeZoneProviders.Tzdb["Europe/Oslo"];

    public string Municipality => configuration["Documents:Municipality"] ?? "Kommunen";

    public Instant Now => clock.GetCurrentInstant();

    public static LocalDate Day(Instant instant) => instant.InZone(Oslo).Date;

    public PaperDocument Start(string title, string subject, PaperTexts texts) =>
        new(title, new DocumentHeading(Municipality, subject, Day(Now)), texts);

    /// <summary>A project's subject line: its name and the phase it is in.</summary>
    public static string Subject(string project, Domain.Phases.Phase phase, PaperTexts texts) => $"{project} · {texts[$"Phase.{phase.Wire()}"]}";
}
