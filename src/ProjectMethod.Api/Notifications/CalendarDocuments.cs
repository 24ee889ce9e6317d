using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NodaTime;
using ProjectMethod.Api.Infrastructure.Documents;

namespace ProjectMethod.Api.Notifications;

/// <summary>
/// A person's calendar feed (RFC 5545): the planned end of each stage in their projects (where the next decision point
/// lies), and the days their highlight reports and benefit measurements fall due — all-day events, each with a link to the
/// page where one acts and a uid that stays the same as long as the date does, so a calendar updates rather than doubles.
/// </summary>
public static class CalendarDocuments
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Feed(
        string personName, IReadOnlyList<DueItem> due, IReadOnlyList<(Guid ProjectId, string ProjectName, int Stage, LocalDate PlannedEnd)> stageEnds,
        Uri baseUrl, Instant now, PaperTexts t)
    {
        var calendar = new Calendar { ProductId = "-//ProjectMethod//Prosjektmetode//NO" };
        calendar.AddProperty("X-WR-CALNAME", t["Calendar.Name", personName]);
        calendar.AddProperty("X-WR-TIMEZONE", "Europe/Oslo");
        var stamp = new CalDateTime(now.ToDateTimeUtc());

        void Add(string uid, LocalDate date, string summary, string description, string link)
        {
            var url = new Uri(baseUrl, link);
            calendar.Events.Add(new CalendarEvent
            {
                Uid = uid,
                DtStamp = stamp,
                Start = new CalDateTime(date.Year, date.Month, date.Day),
                End = new CalDateTime(date.Year, date.Month, date.Day).AddDays(1),
                Summary = summary,
                Description = $"{description}\n{url}",
                Url = url,
                Transparency = "TRANSPARENT",
            });
        }

        foreach (var (projectId, projectName, stage, plannedEnd) in stageEnds)
        {
            Add($"stage-end-{projectId:D}-{stage}@projectmethod", plannedEnd, t["Calendar.StageEnd.Title", stage, projectName],
                t["Calendar.StageEnd.Body", stage, projectName], $"/prosjekter/{projectId:D}");
        }

        foreach (var item in due)
        {
            Add($"{item.Key.Replace(':', '-')}@projectmethod", item.Due, NotificationDocuments.Title(item.Topic, item.Subject, item.ProjectName, item.Due, t),
                NotificationDocuments.Body(item.Topic, item.Subject, item.ProjectName, item.Due, t), item.Link);
        }

        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}
