using NodaTime;
using ProjectMethod.Api.Infrastructure;

namespace ProjectMethod.Api.Notifications;

/// <summary>A notification to record: its cause's key (with the recipient it makes the id), what it says and where one acts.</summary>
public sealed record NotificationDraft(
    string CauseKey, string Recipient, NotificationKind Kind, NotificationTopic Topic, NotificationReason Reason, Guid? ProjectId, string Subject, string Link,
    LocalDate? DueOn = null)
{
    /// <summary>The notification's id: the same cause told to the same person is the same notification, however often it is recorded.</summary>
    public Guid Id => Ids.FromName($"notification:{CauseKey}:{Topic.Wire()}:{Recipient}");
}

/// <summary>A notification as stored; when it is due to be sent, with its recipient's name, address and language.</summary>
public sealed record DueNotification
{
    public required Guid Id { get; init; }

    public required string Recipient { get; init; }

    public required NotificationKind Kind { get; init; }

    public required NotificationTopic Topic { get; init; }

    public required NotificationReason Reason { get; init; }

    public Guid? ProjectId { get; init; }

    public string? ProjectName { get; init; }

    public required string Subject { get; init; }

    public required string Link { get; init; }

    public LocalDate? DueOn { get; init; }

    public required NotificationDelivery Delivery { get; init; }

    public NotificationState State { get; init; }

    public required int Attempts { get; init; }

    public string? LastError { get; init; }

    public required Instant CreatedAt { get; init; }

    public Instant? SentAt { get; init; }

    public string? Name { get; init; }

    public string? Email { get; init; }

    public string? Language { get; init; }

    public NotificationView ToView() =>
        new(Id, Kind, Topic, Reason, ProjectId, ProjectName, Subject, Link, DueOn, Delivery, State, Attempts, LastError, CreatedAt, SentAt);
}

/// <summary>The notifications' outbox, each person's preferences and settings, and who sits on the portfolio board.</summary>
public static class NotificationStore
{
    /// <summary>A person's settings as stored.</summary>
    public sealed record Settings
    {
        public required string Language { get; init; }

        public string? CalendarKey { get; init; }
    }

    private static readonly Sql Exists = Sql.Of("SELECT COUNT(*) FROM notifications WHERE id = @id");

    private static readonly Sql Insert = Sql.Of(
        """
        INSERT INTO notifications (id, recipient, kind, topic, reason, project_id, subject, link, due_on, delivery, state, attempts, next_attempt_at, created_at)
        VALUES (@id, @recipient, @kind, @topic, @reason, @projectId, @subject, @link, @dueOn, @delivery, @state, 0, @at, @at)
        """);

    private static readonly Sql OfRecipient = Sql.Of(
        """
        SELECT n.id, n.recipient, n.kind, n.topic, n.reason, n.project_id AS ProjectId, p.name AS ProjectName, n.subject, n.link, n.due_on AS DueOn,
               n.delivery, n.state, n.attempts, n.last_error AS LastError, n.created_at AS CreatedAt, n.sent_at AS SentAt
        FROM notifications n LEFT JOIN projects p ON p.id = n.project_id
        WHERE n.recipient = @recipient
        ORDER BY n.created_at DESC, n.id
        LIMIT @limit
        """);

    private static readonly Sql CountDue = Sql.Of(
        """
        SELECT COUNT(*) FROM notifications
        WHERE state = @queued AND next_attempt_at <= @now AND (delivery = @immediate OR created_at <= @digestCutoff)
        """);

    private static readonly Sql Due = Sql.Of(
        """
        SELECT n.id, n.recipient, n.kind, n.topic, n.reason, n.project_id AS ProjectId, p.name AS ProjectName, n.subject, n.link, n.due_on AS DueOn,
               n.delivery, n.attempts, n.created_at AS CreatedAt, pe.name, pe.email, s.language
        FROM notifications n
        LEFT JOIN projects p ON p.id = n.project_id
        LEFT JOIN people pe ON pe.id = n.recipient
        LEFT JOIN notification_settings s ON s.user_id = n.recipient
        WHERE n.state = @queued AND n.next_attempt_at <= @now AND (n.delivery = @immediate OR n.created_at <= @digestCutoff)
        ORDER BY n.recipient, n.created_at, n.id
        LIMIT @limit
        """);

    private static readonly Sql Lease = Sql.Of("UPDATE notifications SET next_attempt_at = @leaseEnd WHERE id = @id AND state = @queued");

    private static readonly Sql Tried = Sql.Of(
        """
        UPDATE notifications SET state = @state, attempts = @attempts, next_attempt_at = @next, last_error = @error, message_id = COALESCE(@messageId, message_id),
               sent_at = COALESCE(@sentAt, sent_at)
        WHERE id = @id
        """);

    private static readonly Sql Preferences = Sql.Of("SELECT kind, delivery FROM notification_preferences WHERE user_id = @userId");

    private static readonly Sql PreferenceOf = Sql.Of("SELECT delivery FROM notification_preferences WHERE user_id = @userId AND kind = @kind");

    private static readonly Sql UpsertPreference = Sql.Of(
        """
        INSERT INTO notification_preferences (user_id, kind, delivery) VALUES (@userId, @kind, @delivery)
        ON CONFLICT (user_id, kind) DO UPDATE SET delivery = excluded.delivery
        """);

    private static readonly Sql SettingsOf = Sql.Of("SELECT language, calendar_key AS CalendarKey FROM notification_settings WHERE user_id = @userId");

    private static readonly Sql UpsertLanguage = Sql.Of(
        """
        INSERT INTO notification_settings (user_id, language, updated_at) VALUES (@userId, @language, @at)
        ON CONFLICT (user_id) DO UPDATE SET language = excluded.language, updated_at = excluded.updated_at
        """);

    private static readonly Sql UpsertCalendar = Sql.Of(
        """
        INSERT INTO notification_settings (user_id, language, calendar_key, updated_at) VALUES (@userId, @language, @calendarKey, @at)
        ON CONFLICT (user_id) DO UPDATE SET calendar_key = excluded.calendar_key, updated_at = excluded.updated_at
        """);

    private static readonly Sql CalendarOwner = Sql.Of("SELECT user_id FROM notification_settings WHERE calendar_key = @calendarKey");

    private static readonly Sql Board = Sql.Of("SELECT id FROM people WHERE portfolio_board = @yes ORDER BY id");

    private static readonly Sql IsBoard = Sql.Of("SELECT portfolio_board FROM people WHERE id = @userId");

    private static readonly Sql SetBoard = Sql.Of("UPDATE people SET portfolio_board = @member WHERE id = @userId");

    private static string Queued => NotificationState.Queued.Wire();

    /// <summary>Records a notification unless the same cause was told the same person already; false when it was.</summary>
    public static async Task<bool> RecordAsync(DbSession db, NotificationDraft draft, NotificationDelivery delivery, Instant at)
    {
        var id = draft.Id;
        if (await db.ScalarAsync<long>(Exists, new { id }) > 0)
        {
            return false;
        }

        await db.ExecuteAsync(Insert, new
        {
            id, recipient = draft.Recipient, kind = draft.Kind.Wire(), topic = draft.Topic.Wire(), reason = draft.Reason.Wire(), projectId = draft.ProjectId,
            subject = draft.Subject, link = draft.Link, dueOn = draft.DueOn, delivery = delivery.Wire(),
            state = (delivery == NotificationDelivery.None ? NotificationState.NotByEmail : NotificationState.Queued).Wire(), at,
        });
        return true;
    }

    public static async Task<IReadOnlyList<NotificationView>> OfRecipientAsync(DbSession db, string recipient, int limit) =>
        (await db.ListAsync<DueNotification>(OfRecipient, new { recipient, limit })).Select(r => r.ToView()).ToList();

    public static async Task<bool> AnyDueAsync(DbSession db, Instant now, Instant digestCutoff) =>
        await db.ScalarAsync<long>(CountDue, new { queued = Queued, now, immediate = NotificationDelivery.Immediate.Wire(), digestCutoff }) > 0;

    /// <summary>
    /// Claims what is due now (what is to go at once, and the digest's items recorded before its last hour), by recipient:
    /// each claimed notification is leased until <paramref name="leaseEnd"/>.
    /// </summary>
    public static async Task<IReadOnlyList<DueNotification>> ClaimDueAsync(DbSession db, Instant now, Instant digestCutoff, Instant leaseEnd, int limit)
    {
        var due = await db.ListAsync<DueNotification>(Due, new { queued = Queued, now, immediate = NotificationDelivery.Immediate.Wire(), digestCutoff, limit });
        foreach (var notification in due)
        {
            await db.ExecuteAsync(Lease, new { leaseEnd, id = notification.Id, queued = Queued });
        }

        return due;
    }

    /// <summary>Records a try: queued again at <paramref name="next"/>, sent, refused, failed, or without an address.</summary>
    public static Task TriedAsync(DbSession db, Guid id, NotificationState state, int attempts, Instant next, string? error, string? messageId, Instant now) =>
        db.ExecuteAsync(Tried, new
        {
            id, state = state.Wire(), attempts, next, error, messageId, sentAt = state == NotificationState.Sent ? now : (Instant?)null,
        });

    private sealed record PreferenceRow(string Kind, string Delivery);

    /// <summary>The kinds the person chose a delivery for.</summary>
    public static async Task<IReadOnlyDictionary<NotificationKind, NotificationDelivery>> PreferencesAsync(DbSession db, string userId) =>
        (await db.ListAsync<PreferenceRow>(Preferences, new { userId }))
            .Where(p => Enum.TryParse<NotificationKind>(p.Kind, ignoreCase: true, out _))
            .ToDictionary(p => Json.Parse<NotificationKind>(p.Kind), p => Json.Parse<NotificationDelivery>(p.Delivery));

    /// <summary>How the person wants this kind delivered: as they chose, or the default (decisions waiting at once, the rest in the digest).</summary>
    public static async Task<NotificationDelivery> DeliveryAsync(DbSession db, string userId, NotificationKind kind) =>
        await db.SingleOrDefaultAsync<string>(PreferenceOf, new { userId, kind = kind.Wire() }) is { } chosen
            ? Json.Parse<NotificationDelivery>(chosen)
            : DefaultDelivery(kind);

    public static NotificationDelivery DefaultDelivery(NotificationKind kind) =>
        kind == NotificationKind.DecisionWaiting ? NotificationDelivery.Immediate : NotificationDelivery.Digest;

    public static Task SetPreferenceAsync(DbSession db, string userId, NotificationKind kind, NotificationDelivery delivery) =>
        db.ExecuteAsync(UpsertPreference, new { userId, kind = kind.Wire(), delivery = delivery.Wire() });

    public static Task<Settings?> SettingsAsync(DbSession db, string userId) => db.SingleOrDefaultAsync<Settings>(SettingsOf, new { userId });

    public static Task SetLanguageAsync(DbSession db, string userId, string language, Instant at) => db.ExecuteAsync(UpsertLanguage, new { userId, language, at });

    /// <summary>Keeps the SHA-256 of a calendar feed's new secret; the earlier secret stops working.</summary>
    public static Task SetCalendarKeyAsync(DbSession db, string userId, string calendarKey, Instant at) =>
        db.ExecuteAsync(UpsertCalendar, new { userId, language = "nb", calendarKey, at });

    /// <summary>Whose calendar feed has this secret's SHA-256; null when none has.</summary>
    public static Task<string?> CalendarOwnerAsync(DbSession db, string calendarKey) => db.SingleOrDefaultAsync<string>(CalendarOwner, new { calendarKey });

    /// <summary>The portfolio board's members, as their last sign-in said.</summary>
    public static Task<IReadOnlyList<string>> BoardAsync(DbSession db) => db.ListAsync<string>(Board, new { yes = true });

    /// <summary>Whether the register has the person on the portfolio board.</summary>
    public static async Task<bool> BoardMemberAsync(DbSession db, string userId) => await db.SingleOrDefaultAsync<bool?>(IsBoard, new { userId }) ?? false;

    /// <summary>Records whether the person sits on the portfolio board (from their sign-in).</summary>
    public static Task SetBoardMemberAsync(DbSession db, string userId, bool member) => db.ExecuteAsync(SetBoard, new { userId, member });
}
