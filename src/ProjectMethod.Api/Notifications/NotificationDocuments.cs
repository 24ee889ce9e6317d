using System.Net;
using System.Security.Cryptography;
using System.Text;
using MimeKit;
using NodaTime;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Infrastructure.Documents;

namespace ProjectMethod.Api.Notifications;

/// <summary>
/// The e-mail a notification becomes, in its recipient's language: the subject says what and which project, the body why
/// it is the recipient's and links to the page where they act; plain text and HTML. A digest collects a day's items in one
/// message. The Message-Id is derived from the notifications it carries, so a message sent again is the same message.
/// </summary>
public static class NotificationDocuments
{
    /// <summary>What the notification concerns, as a sentence names it: «BP3», «kostnad», «BP3 godkjent», a product's title.</summary>
    public static string SubjectText(NotificationTopic topic, string subject, PaperTexts t) => topic switch
    {
        NotificationTopic.GateDecision or NotificationTopic.GateVote => t[$"Notice.Point.{subject}"],
        NotificationTopic.ExceptionDecision or NotificationTopic.ExceptionRaised or NotificationTopic.ExceptionReport => t[$"Dimension.{subject}"].ToLowerInvariant(),
        NotificationTopic.DecisionMade when subject.Split('|') is [var point, var decision] => $"{t[$"Notice.Point.{point}"]} {t[$"Decision.{decision}"]}",
        _ => subject,
    };

    /// <summary>The notification's one line: the e-mail's subject, and its title on the pages.</summary>
    public static string Title(NotificationTopic topic, string subject, string? projectName, LocalDate? dueOn, PaperTexts t) =>
        t[$"Notice.{topic.Wire()}.Title", SubjectText(topic, subject, t), projectName ?? "", dueOn is { } due ? t.LongDate(due) : ""];

    /// <summary>What happened or is due, and that it is the recipient's to act on.</summary>
    public static string Body(NotificationTopic topic, string subject, string? projectName, LocalDate? dueOn, PaperTexts t) =>
        t[$"Notice.{topic.Wire()}.Body", SubjectText(topic, subject, t), projectName ?? "", dueOn is { } due ? t.LongDate(due) : ""];

    public static string Title(NotificationView n, PaperTexts t) => Title(n.Topic, n.Subject, n.ProjectName, n.DueOn, t);

    public static PaperTexts TextsFor(string? language) => language == "en" ? PaperTexts.English : PaperTexts.Bokmal;

    /// <summary>
    /// One message to one recipient: a single notification as its own e-mail, or several as the day's digest. The Message-Id
    /// is the notification's id (a digest's: derived from all its notifications' ids) at the sender's domain.
    /// </summary>
    public static MimeMessage Compose(IReadOnlyList<DueNotification> items, string recipientName, string email, MailboxAddress from, Uri baseUrl)
    {
        var t = TextsFor(items[0].Language);
        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(new MailboxAddress(recipientName, email));
        message.MessageId = MessageId(items, from);
        message.Headers.Add("Auto-Submitted", "auto-generated");

        string Url(string link) => new Uri(baseUrl, link).ToString();
        var settings = Url("/varsler");
        var text = new StringBuilder();
        var html = new StringBuilder();
        text.Append(t["Notice.Greeting", recipientName]).Append("\n\n");
        html.Append("<!DOCTYPE html><html lang=\"").Append(t.IsEnglish ? "en" : "nb").Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(Encode(Subject(items, t))).Append("</title></head><body style=\"font-family:sans-serif;line-height:1.5\">")
            .Append("<p>").Append(Encode(t["Notice.Greeting", recipientName])).Append("</p>");

        if (items.Count == 1 && items[0].Delivery != NotificationDelivery.Digest)
        {
            var n = items[0];
            var body = Body(n.Topic, n.Subject, n.ProjectName, n.DueOn, t);
            var why = t[$"Notice.Reason.{n.Reason.Wire()}"];
            text.Append(body).Append('\n').Append(why).Append("\n\n").Append(t["Notice.Act"]).Append(' ').Append(Url(n.Link)).Append('\n');
            html.Append("<p>").Append(Encode(body)).Append("</p><p>").Append(Encode(why)).Append("</p><p><a href=\"").Append(Encode(Url(n.Link))).Append("\">")
                .Append(Encode(t["Notice.Act"].TrimEnd(':'))).Append("</a></p>");
        }
        else
        {
            text.Append(t["Notice.Digest.Intro", items.Count]).Append("\n\n");
            html.Append("<p>").Append(Encode(t["Notice.Digest.Intro", items.Count])).Append("</p><ul>");
            foreach (var n in items)
            {
                var title = Title(n.Topic, n.Subject, n.ProjectName, n.DueOn, t);
                var why = t[$"Notice.Reason.{n.Reason.Wire()}"];
                text.Append("* ").Append(title).Append('\n').Append("  ").Append(why).Append('\n').Append("  ").Append(Url(n.Link)).Append("\n\n");
                html.Append("<li><a href=\"").Append(Encode(Url(n.Link))).Append("\">").Append(Encode(title)).Append("</a><br>").Append(Encode(why)).Append("</li>");
            }

            html.Append("</ul>");
        }

        text.Append('\n').Append(t["Notice.Footer"]).Append(' ').Append(settings).Append('\n');
        html.Append("<p style=\"color:#555\">").Append(Encode(t["Notice.Footer"])).Append(" <a href=\"").Append(Encode(settings)).Append("\">")
            .Append(Encode(settings)).Append("</a></p></body></html>");

        message.Subject = Subject(items, t);
        message.Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody();
        message.Body.Headers.Add(HeaderId.ContentLanguage, t.IsEnglish ? "en" : "nb");
        return message;
    }

    private static string Subject(IReadOnlyList<DueNotification> items, PaperTexts t) =>
        items.Count == 1 && items[0].Delivery != NotificationDelivery.Digest
            ? Title(items[0].Topic, items[0].Subject, items[0].ProjectName, items[0].DueOn, t)
            : t["Notice.Digest.Title", items.Count];

    /// <summary>«&lt;id@domain&gt;» without brackets, as MimeKit takes it: the same notifications always give the same id.</summary>
    public static string MessageId(IReadOnlyList<DueNotification> items, MailboxAddress from)
    {
        var domain = from.Domain is { Length: > 0 } d ? d : "projectmethod.invalid";
        if (items.Count == 1 && items[0].Delivery != NotificationDelivery.Digest)
        {
            return $"{items[0].Id:N}@{domain}";
        }

        var ids = string.Join(",", items.Select(i => i.Id.ToString("N")).Order(StringComparer.Ordinal));
        return $"digest-{Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(ids)))[..32]}@{domain}";
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
