namespace ProjectMethod.Domain.Archive;

/// <summary>When a registry entry may be sent again, or receipted (the archive's delivery, which an admin and the archive adapter steer).</summary>
public static class ArchiveRules
{
    /// <summary>Only a failed entry is sent again: one queued or sent is on its way, and one receipted is in the archive.</summary>
    public static DomainError? CheckResendable(bool failed, string state) =>
        failed ? null : DomainError.Conflict("not-failed", "Not failed", $"The archive record is {state}: only a failed record is sent again.");

    /// <summary>A receipt answers an entry that was sent: one never sent has nothing to receipt.</summary>
    public static DomainError? CheckReceiptable(bool everSent) =>
        everSent ? null : DomainError.Conflict("not-sent", "Not sent", "The archive record was never sent: there is nothing to receipt.");
}
