using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Domain.Lessons;

/// <summary>When lessons are published and the closing reports written (P2: learn from experience).</summary>
public static class LessonRules
{
    /// <summary>A lesson is published once.</summary>
    public static DomainError? CheckPublishable(bool published) =>
        published ? DomainError.Conflict("lesson-published", "Lesson published", "The lesson is already published.") : null;

    /// <summary>The end project report and the lessons report are written in closure.</summary>
    public static DomainError? CheckReportable(Phase phase) =>
        phase == Phase.Closure
            ? null
            : DomainError.Conflict("not-in-closure", "Not in closure", "The end project report and the lessons report are written in closure.");
}
