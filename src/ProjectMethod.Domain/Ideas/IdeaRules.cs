namespace ProjectMethod.Domain.Ideas;

/// <summary>The project office's answer to an idea.</summary>
public static class IdeaRules
{
    /// <summary>
    /// An idea made a proposal or declined is answered for good; a received or parked one waits for its answer.
    /// </summary>
    /// <param name="answer">The final answer the idea has (as the API writes it), or null while it waits.</param>
    public static DomainError? CheckTriageable(string? answer) =>
        answer is null ? null : DomainError.Conflict("idea-answered", "Idea answered", $"The idea was {answer} already; its answer stands.");
}
