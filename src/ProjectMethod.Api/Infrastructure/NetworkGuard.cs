using System.Net.Sockets;
using System.Net;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>
/// Where a webhook delivery may connect: never to a loopback, private, link-local, shared or multicast address unless
/// <c>Webhooks:AllowPrivateNetworks</c> says so (Development, where receivers run on the same machine). The check is
/// made when the connection is opened, on the addresses the name resolves to then and the one connected to, so an allowed
/// name that is made to resolve to an internal address later (DNS rebinding) reaches nothing.
/// </summary>
public static class NetworkGuard
{
    /// <summary>True for an address inside a private network or the machine itself.</summary>
    public static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] is 0 or 10 or >= 224                  // this network, private, multicast and reserved
                || (b[0] == 172 && (b[1] & 0xF0) == 16)       // 172.16.0.0/12
                || (b[0] == 192 && b[1] == 168)               // 192.168.0.0/16
                || (b[0] == 169 && b[1] == 254)               // link-local, where cloud metadata lives
                || (b[0] == 100 && (b[1] & 0xC0) == 64);      // shared address space 100.64.0.0/10
        }

        return address.Equals(IPAddress.IPv6Any) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal
            || address.IsIPv6Multicast;
    }

    /// <summary>True when the URL names an internal address outright (no name to resolve).</summary>
    public static bool NamesInternalAddress(Uri url) => IPAddress.TryParse(url.IdnHost, out var address) && IsInternal(address);

    /// <summary>Opens a delivery's connection to the first reachable address of its host that may be reached.</summary>
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> Connect(bool allowPrivateNetworks) =>
        async (context, cancellationToken) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
            var reachable = allowPrivateNetworks ? addresses : addresses.Where(a => !IsInternal(a)).ToArray();
            if (reachable.Length == 0)
            {
                throw new HttpRequestException($"The host {host} resolves to no address outside the private networks.");
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(reachable, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
}
