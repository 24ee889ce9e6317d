using NodaTime;
using ProjectMethod.Api.Benefits;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Roles;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Notifications;

/// <summary>
/// Something falling due for someone: a stage's highlight report (its Project Manager), a benefit's next measurement (its
/// owner in the line, or the project's Benefit Owner), a co-creation input's answer (the Project Manager), or a stage's
/// planned end, where the next decision point lies (everyone holding a role in the project). What the reminders job and the
/// calendar feed both read.
/// </summary>
/// <param name="Topic">What falls due: a highlight report, a measurement, an input's answer.</param>
/// <param name="Key">What falls due, the same on every reading: a reminder's cause and a calendar event's uid derive from it.</param>
/// <param name="ProjectId">The project.</param>
/// <param name="ProjectName">The project's name.</param>
/// <param name="Subject">The stage, the benefit's title, or the input's first words.</param>
/// <param name="Due">The day it falls due.</param>
/// <param name="Recipients">Whose it is.</param>
/// <param name="Reason">Why it is theirs.</param>
/// <param name="Link">The page where they act.</param>
/// <param name="Ahead">How many days before the date a reminder is sent (the project's handbook says).</param>
public sealed record DueItem(
    NotificationTopic Topic, string Key, Guid ProjectId, string ProjectName, string Subject, LocalDate Due, IReadOnlyList<string> Recipients, NotificationReason Reason,
    string Link, int Ahead);

/// <summary>What falls due across the projects, and a person's share of it.</summary>
public sealed class NotificationReader(Database database, Microsoft.Extensions.Options.IOptions<NotificationOptions> options)
{
    /// <summary>A co-creation input has an answer within 30 days; it is reminded of at 25.</summary>
    public static readonly Period InputAnswerDue = Period.FromDays(30);

    public static readonly Period InputReminder = Period.FromDays(25);

    private sealed record ReportingRow
    {
        public required Guid ProjectId { get; init; }

        public required string ProjectName { get; init; }

        public required int Stage { get; init; }

        public Instant? StageBegan { get; init; }

        public Instant? LastReport { get; init; }

        public required int Ahead { get; init; }

        public required string HandbookSector { get; init; }

        public required int HandbookVersion { get; init; }

        public required Domain.Handbooks.ProjectCategory Category { get; init; }
    }

    private sealed record BenefitProject
    {
        public required Guid ProjectId { get; init; }

        public required string ProjectName { get; init; }

        public required Phase Phase { get; init; }

        public required int Ahead { get; init; }
    }

    private sealed record InputRow
    {
        public required Guid Id { get; init; }

        public required Guid ProjectId { get; init; }

        public required string ProjectName { get; init; }

        public required string Body { get; init; }

        public required LocalDate ReceivedOn { get; init; }
    }

    private sealed record StageEnd
    {
        public required Guid ProjectId { get; init; }

        public required string ProjectName { get; init; }

        public required int Stage { get; init; }

        public required LocalDate PlannedEnd { get; init; }
    }

    private static readonly Sql Reporting = Sql.Of(
        $"""
        SELECT p.id AS ProjectId, p.name AS ProjectName, p.stage, h.reminder_days_ahead AS Ahead, p.handbook_sector AS HandbookSector,
               p.handbook_version AS HandbookVersion, {Projects.ProjectStore.EffectiveCategory} AS Category, {Projects.ProjectStore.ReportDates}
        FROM projects p JOIN handbooks h ON h.sector = p.handbook_sector AND h.version = p.handbook_version
        WHERE p.phase = '{Phase.Execution.Wire()}' AND p.stage IS NOT NULL
          AND EXISTS (SELECT 1 FROM role_assignments r WHERE r.project_id = p.id AND r.role = @projectManager)
        ORDER BY p.id
        """);

    private static readonly Sql Measured = Sql.Of(
        $"""
        SELECT DISTINCT p.id AS ProjectId, p.name AS ProjectName, p.phase, h.reminder_days_ahead AS Ahead
        FROM projects p JOIN benefits b ON b.project_id = p.id JOIN handbooks h ON h.sector = p.handbook_sector AND h.version = p.handbook_version
        WHERE p.phase IN ('{Phase.Execution.Wire()}', '{Phase.Closure.Wire()}', '{Phase.Realisation.Wire()}')
        ORDER BY p.id
        """);

    private static readonly Sql Inputs = Sql.Of(
        $"""
        SELECT i.id, i.project_id AS ProjectId, p.name AS ProjectName, i.body, i.received_on AS ReceivedOn
        FROM co_creation_inputs i JOIN projects p ON p.id = i.project_id
        WHERE (i.outcome IS NULL OR i.outcome = '{Domain.CoCreation.InputOutcome.Later.Wire()}') AND p.phase IN @open AND i.received_on <= @since
        ORDER BY i.project_id, i.id
        """);

    private sealed record Holder(Guid ProjectId, string UserId);

    private static readonly Sql Holders = Sql.Of("SELECT project_id AS ProjectId, user_id AS UserId FROM role_assignments WHERE role = @role ORDER BY project_id, user_id");

    private static readonly Sql StageEnds = Sql.Of(
        $"""
        SELECT p.id AS ProjectId, p.name AS ProjectName, s.stage, s.planned_end AS PlannedEnd
        FROM stage_plans s JOIN projects p ON p.id = s.project_id
        WHERE p.phase IN ('{Phase.Planning.Wire()}', '{Phase.Execution.Wire()}') AND (p.stage IS NULL OR s.stage >= p.stage)
          AND (p.proposer_id = @userId OR EXISTS (SELECT 1 FROM role_assignments r WHERE r.project_id = p.id AND r.user_id = @userId))
        ORDER BY s.planned_end, p.id
        LIMIT 500
        """);

    /// <summary>Everything that falls due now or later, across the projects, as of <paramref name="now"/>.</summary>
    public async Task<IReadOnlyList<DueItem>> DueAsync(Instant now, CancellationToken cancellationToken) =>
        await database.ReadAsync(db => DueAsync(db, now), cancellationToken);

    private static async Task<IReadOnlyList<DueItem>> DueAsync(DbSession db, Instant now)
    {
        var today = now.InZone(Domain.Benefits.BenefitMath.Oslo).Date;
        var items = new List<DueItem>();
        async Task<ILookup<Guid, string>> HoldersOf(ProjectRole role) =>
            (await db.ListAsync<Holder>(Holders, new { role = role.Wire() })).ToLookup(h => h.ProjectId, h => h.UserId);
        var managers = await HoldersOf(ProjectRole.ProjectManager);
        var benefitOwners = await HoldersOf(ProjectRole.BenefitOwner);
        var reporting = await db.ListAsync<ReportingRow>(Reporting,
            new { projectManager = ProjectRole.ProjectManager.Wire(), stageLevel = ToleranceLevel.Stage.Wire() });
        foreach (var project in reporting)
        {
            var interval = await Handbooks.HandbookStore.ReportIntervalAsync(db, project.HandbookSector, project.HandbookVersion, project.Category);
            var due = Web.Inbox.ReportDue(project.LastReport, project.StageBegan, now, interval);
            var stage = project.Stage.ToString(System.Globalization.CultureInfo.InvariantCulture);
            items.Add(new DueItem(NotificationTopic.ReportDue, $"report:{project.ProjectId:D}:{stage}:{due:yyyy-MM-dd}", project.ProjectId, project.ProjectName, stage,
                due, [.. managers[project.ProjectId]], NotificationReason.ProjectManager, $"/prosjekter/{project.ProjectId:D}/status", project.Ahead));
        }

        foreach (var project in await db.ListAsync<BenefitProject>(Measured))
        {
            var measurements = await BenefitStore.MeasurementsAsync(db, project.ProjectId);
            foreach (var row in await BenefitStore.ForProjectAsync(db, project.ProjectId))
            {
                if (BenefitView.From(row, measurements, today, project.Phase) is not { Evaluation: null, Figures.NextMeasurementDue: { } due })
                {
                    continue;
                }

                IReadOnlyList<string> recipients = row.OwnerUserId is { } owner ? [owner] : [.. benefitOwners[project.ProjectId]];
                items.Add(new DueItem(NotificationTopic.MeasurementDue, $"measurement:{row.Id:D}:{due:yyyy-MM-dd}", project.ProjectId, project.ProjectName, row.Title,
                    due, recipients, NotificationReason.BenefitOwner, $"/prosjekter/{project.ProjectId:D}/gevinster/{row.Id:D}", project.Ahead));
            }
        }

        var open = Domain.CoCreation.CoCreationRules.Phases.Select(p => p.Wire()).ToArray();
        foreach (var input in await db.ListAsync<InputRow>(Inputs, new { open, since = today.Minus(InputReminder) }))
        {
            var excerpt = input.Body.Length <= 80 ? input.Body : input.Body[..79] + "…";
            items.Add(new DueItem(NotificationTopic.InputsWaiting, $"input:{input.Id:D}", input.ProjectId, input.ProjectName, excerpt, input.ReceivedOn.Plus(InputAnswerDue),
                [.. managers[input.ProjectId]], NotificationReason.ProjectManager, $"/prosjekter/{input.ProjectId:D}/samskaping", InputAnswerDue.Days - InputReminder.Days));
        }

        return items;
    }

    /// <summary>The person's notifications, newest first: what waits to be sent, and what was sent or settled otherwise.</summary>
    public async Task<NotificationsPage> MineAsync(string userId, CancellationToken cancellationToken)
    {
        var all = await database.ReadAsync(db => NotificationStore.OfRecipientAsync(db, userId, 200), cancellationToken);
        return new NotificationsPage(all.Where(n => n.State == NotificationState.Queued).ToList(), all.Where(n => n.State != NotificationState.Queued).ToList());
    }

    /// <summary>The person's preferences: every kind's delivery, the default where they chose none.</summary>
    public async Task<NotificationPreferencesView> PreferencesAsync(string userId, CancellationToken cancellationToken) =>
        await database.ReadAsync(db => PreferencesAsync(db, userId, options.Value), cancellationToken);

    public static async Task<NotificationPreferencesView> PreferencesAsync(DbSession db, string userId, NotificationOptions options)
    {
        var chosen = await NotificationStore.PreferencesAsync(db, userId);
        var settings = await NotificationStore.SettingsAsync(db, userId);
        return new NotificationPreferencesView(
            Enum.GetValues<NotificationKind>().Select(k => new KindPreference(k, chosen.GetValueOrDefault(k, NotificationStore.DefaultDelivery(k)))).ToList(),
            settings?.Language ?? "nb", options.DigestHour, settings?.CalendarKey is not null, options.Configured);
    }

    /// <summary>What falls due for the person, and the planned ends of the stages in their projects (where the next decision point lies).</summary>
    public async Task<(IReadOnlyList<DueItem> Due, IReadOnlyList<(Guid ProjectId, string ProjectName, int Stage, LocalDate PlannedEnd)> StageEnds)> CalendarAsync(
        string userId, Instant now, CancellationToken cancellationToken) =>
        await database.ReadAsync(async db =>
        {
            var due = (await DueAsync(db, now)).Where(i => i.Recipients.Contains(userId) && i.Topic != NotificationTopic.InputsWaiting).ToList();
            var ends = (await db.ListAsync<StageEnd>(StageEnds, new { userId })).Select(s => (s.ProjectId, s.ProjectName, s.Stage, s.PlannedEnd)).ToList();
            return ((IReadOnlyList<DueItem>)due, (IReadOnlyList<(Guid, string, int, LocalDate)>)ends);
        }, cancellationToken);
}
