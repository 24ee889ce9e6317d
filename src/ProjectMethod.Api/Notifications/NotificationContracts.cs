using NodaTime;

namespace ProjectMethod.Api.Notifications;

/// <summary>
/// What a person is told of, each kind chosen for separately: a decision or vote waiting for them, an exception raised on
/// their project, an exception report due from them, a product waiting for their step, a highlight report or benefit
/// measurement due, co-creation inputs waiting for an answer, a decision made on their project, their idea answered, a
/// follow-up action given to them.
/// </summary>
public enum NotificationKind
{
    DecisionWaiting,
    ExceptionRaised,
    ExceptionReportDue,
    ProductWaiting,
    ReportDue,
    MeasurementDue,
    InputsWaiting,
    DecisionMade,
    IdeaAnswered,
    ActionAssigned,
}

/// <summary>What exactly the notification is of: the kind says how it is delivered, the topic what the message says.</summary>
public enum NotificationTopic
{
    GateDecision,
    GateVote,
    ExceptionDecision,
    BenefitChange,
    ExceptionRaised,
    ExceptionReport,
    ProductApproval,
    ProductReview,
    ProductAcceptance,
    ReportDue,
    ReportOverdue,
    MeasurementDue,
    MeasurementOverdue,
    InputsWaiting,
    DecisionMade,
    IdeaAnswered,
    ActionAssigned,
}

/// <summary>Why the notification is the recipient's: the role that makes it their turn.</summary>
public enum NotificationReason
{
    PortfolioBoard,
    Executive,
    BoardMember,
    ProjectManager,
    Acceptor,
    QualityResponsible,
    BenefitOwner,
    IdeaSender,
    ActionOwner,

    /// <summary>On the programme board of the programme the project belongs to.</summary>
    ProgrammeBoard,
}

/// <summary>How a person wants a kind told: by e-mail at once, collected in the daily digest, or not by e-mail (the pages still show it).</summary>
public enum NotificationDelivery
{
    Immediate,
    Digest,
    None,
}

/// <summary>
/// Where a notification stands: queued (waiting to be sent: at once, at the digest hour, or while no mail server is
/// configured), sent, refused (the mail server refused the address for good), failed (tried until the outbox gave up),
/// notByEmail (the person chose not to be told by e-mail), noAddress (the register has no e-mail for the person).
/// </summary>
public enum NotificationState
{
    Queued,
    Sent,
    Refused,
    Failed,
    NotByEmail,
    NoAddress,
}

/// <summary>One thing a person was (or will be) told.</summary>
/// <param name="Id">The notification; the e-mail's Message-Id is derived from it.</param>
/// <param name="Kind">What kind it is, as the person's preferences name it.</param>
/// <param name="Topic">What the message says.</param>
/// <param name="Reason">Why it is the person's.</param>
/// <param name="ProjectId">The project it is about; null for an idea.</param>
/// <param name="ProjectName">The project's name; null for an idea.</param>
/// <param name="Subject">What it concerns: a decision point, an exception's dimension, a product, report stage, benefit or idea's title.</param>
/// <param name="Link">The page where the person acts, relative to the pages' base address.</param>
/// <param name="DueOn">For a reminder, the day the report or measurement falls due.</param>
/// <param name="Delivery">How it is delivered, as the person's preference was when it was recorded.</param>
/// <param name="State">Where it stands.</param>
/// <param name="Attempts">How many times sending it was tried.</param>
/// <param name="LastError">The mail server's last answer when a try failed.</param>
/// <param name="CreatedAt">When it was recorded.</param>
/// <param name="SentAt">When the mail server took it.</param>
public sealed record NotificationView(
    Guid Id,
    NotificationKind Kind,
    NotificationTopic Topic,
    NotificationReason Reason,
    Guid? ProjectId,
    string? ProjectName,
    string Subject,
    string Link,
    LocalDate? DueOn,
    NotificationDelivery Delivery,
    NotificationState State,
    int Attempts,
    string? LastError,
    Instant CreatedAt,
    Instant? SentAt);

/// <summary>The signed-in person's notifications, newest first: what is still to be sent and what was.</summary>
public sealed record NotificationsPage(IReadOnlyList<NotificationView> Waiting, IReadOnlyList<NotificationView> Sent);

/// <summary>How one kind is delivered to the person.</summary>
public sealed record KindPreference(NotificationKind Kind, NotificationDelivery Delivery);

/// <summary>
/// The person's notification settings: every kind's delivery (the default where none was chosen), the language of their
/// e-mail (<c>nb</c> or <c>en</c>), the hour of the daily digest (Europe/Oslo), and whether a calendar feed exists.
/// </summary>
public sealed record NotificationPreferencesView(
    IReadOnlyList<KindPreference> Kinds, string Language, int DigestHour, bool CalendarFeed, bool MailConfigured);

/// <summary>
/// Preferences to keep: the kinds given are set (a kind left out keeps what it had), and the e-mail's language when given.
/// </summary>
public sealed record PutNotificationPreferences(IReadOnlyList<KindPreference>? Kinds = null, string? Language = null);

/// <summary>A new calendar feed address: the secret in it is shown this once; an earlier address stops working.</summary>
/// <param name="Url">The feed, to subscribe to in a calendar (Outlook, Google, Apple): RFC 5545 iCalendar.</param>
public sealed record CalendarFeedView(string Url);
