using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace ProjectMethod.Api.Tests.Infrastructure;

/// <summary>
/// A real mail server on 127.0.0.1, as its own process: Debian's aiosmtpd with the suite's handler
/// (<c>tests/ProjectMethod.Api.Tests/mail/smtp_sink.py</c>), which keeps every message it takes as a file. A test reads
/// what arrived, makes the server refuse an address for good or defer every message, and stops and starts it again.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    public const string Python = "/usr/bin/python3";

    /// <summary>Why the mail server cannot run here, or null when it can.</summary>
    public static string? Missing =>
        File.Exists("/usr/lib/python3/dist-packages/aiosmtpd/__init__.py")
            ? null
            : "python3-aiosmtpd is not installed: apt-get install python3-aiosmtpd (.ci/run does).";

    private readonly string folder = Path.Combine(Path.GetTempPath(), $"smtp-sink-{Guid.NewGuid():N}");
    private Process? process;

    public int Port { get; private set; }

    private SmtpSink()
    {
    }

    public static async Task<SmtpSink> StartAsync()
    {
        var sink = new SmtpSink { Port = FreePort() };
        Directory.CreateDirectory(sink.folder);
        await sink.StartAgainAsync();
        return sink;
    }

    /// <summary>Starts the server (again) on its port.</summary>
    public async Task StartAgainAsync()
    {
        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "smtp_sink.Sink", folder },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PYTHONPATH"] = Repository.PathOf("tests/ProjectMethod.Api.Tests/mail");
        process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>The server goes away (killed), as a mail server that crashed or was taken down.</summary>
    public async Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>RCPT TO for these addresses is answered 550 from now on.</summary>
    public void Refuse(params string[] addresses) => File.WriteAllLines(Path.Combine(folder, "refuse.txt"), addresses);

    /// <summary>While deferring, every message is answered 451 (try again later).</summary>
    public void Defer(bool defer)
    {
        var path = Path.Combine(folder, "defer");
        if (defer)
        {
            File.WriteAllText(path, "");
        }
        else
        {
            File.Delete(path);
        }
    }

    /// <summary>Every message the server took, in the order it took them, with the envelope's recipients.</summary>
    public IReadOnlyList<(string EnvelopeTo, MimeMessage Message)> Received() =>
        Directory.EnumerateFiles(folder, "*.eml").Order(StringComparer.Ordinal)
            .Select(path =>
            {
                var message = MimeMessage.Load(path);
                return (message.Headers["X-Envelope-To"] ?? "", message);
            })
            .ToList();

    /// <summary>The messages to one address.</summary>
    public IReadOnlyList<MimeMessage> To(string address) =>
        Received().Where(r => r.EnvelopeTo.Split(", ").Contains(address, StringComparer.OrdinalIgnoreCase)).Select(r => r.Message).ToList();

    /// <summary>Waits until the server holds at least this many messages, and returns them all.</summary>
    public async Task<IReadOnlyList<(string EnvelopeTo, MimeMessage Message)>> WaitForAsync(int count, int seconds = 30)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
        while (true)
        {
            var received = Received();
            if (received.Count >= count)
            {
                return received;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The mail server took {received.Count} messages, not {count}: "
                    + string.Join("; ", received.Select(r => $"{r.EnvelopeTo}: {r.Message.Subject}")));
            }

            await Task.Delay(50);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process?.Dispose();
        try
        {
            if (Environment.GetEnvironmentVariable("SMTP_SINK_KEEP") != "1")
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A message being written as the server died; the temp folder goes with the machine.
        }
    }
}

/// <summary>Marks a test class that starts a real mail server: its facts are skipped, with the command that fixes it, where aiosmtpd is missing.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UsesMailServerAttribute : Attribute;
