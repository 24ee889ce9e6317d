using ProjectMethod.Api.Infrastructure;
namespace ProjectMethod.Api.Webhooks;

/// <summary>
/// Webhook settings (section <c>Webhooks</c>): the only hosts deliveries may go to, whether those may be inside a
/// private network (Development only), how often the outbox is read, and how often a failing delivery is tried before it
/// is given up.
/// </summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    public IList<string> AllowedHosts { get; init; } = [];

    /// <summary>Whether a delivery may reach a loopback or private address; off unless a development setting turns it on.</summary>
    public bool AllowPrivateNetworks { get; init; }

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    public int MaxAttempts { get; init; } = 10;

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public bool Allows(Uri url) =>
        url.Scheme is "http" or "https" && AllowedHosts.Contains(url.Host, StringComparer.OrdinalIgnoreCase)
        && (AllowPrivateNetworks || !NetworkGuard.NamesInternalAddress(url));
}
