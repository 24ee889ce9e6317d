using System.Security.Cryptography;
using NodaTime;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>
/// Time-ordered ids (UUID version 7) that also increase strictly within one process, even for many ids in one
/// millisecond or under a clock that stands still, so that lists ordered by id read in the order things happened.
/// </summary>
public static class Ids
{
    private static readonly Lock Gate = new();
    private static long lastMilliseconds;
    private static int counter;

    public static Guid New(Instant at)
    {
        long milliseconds;
        int sequence;
        lock (Gate)
        {
            milliseconds = Math.Max(at.ToUnixTimeMilliseconds(), lastMilliseconds);
            if (milliseconds == lastMilliseconds)
            {
                counter++;
                if (counter > 0xFFF)
                {
                    milliseconds++;
                    counter = 0;
                }
            }
            else
            {
                counter = 0;
            }

            lastMilliseconds = milliseconds;
            sequence = counter;
        }

        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(milliseconds >> (8 * (5 - i)));
        }

        bytes[6] = (byte)(0x70 | ((sequence >> 8) & 0x0F));
        bytes[7] = (byte)sequence;
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>The id a name always gives (UUID version 8 over its SHA-256): the same name, the same id, on any instance.</summary>
    public static Guid FromName(string name)
    {
        var hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
