using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProjectMethod.Api.Archive;

namespace ProjectMethod.Api.Tests.Infrastructure;

/// <summary>
/// A municipality's archive adapter on 127.0.0.1, as the HTTP transport meets one: it takes a multipart request with the
/// Fiks Arkiv message and its PDF, checks the message against KS's schemas and the PDF against the message's checksum,
/// journals each registry entry once per external key (a resend gets the receipt it got before) and answers with a
/// receipt. A test makes it fail (a status), refuse (a receipt with the archive's reason) or take and receipt later (202).
/// </summary>
public sealed class ArchiveReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<Guid, int> caseFiles = new();
    private readonly ConcurrentDictionary<Guid, int> journal = new();
    private int journalSequence = 100;
    private int caseSequence = 10;

    /// <summary>A message as it arrived: the entry's and its case file's keys, whether the case file came with it, and the PDF.</summary>
    public sealed record Arrival(Guid RecordId, Guid CaseKey, bool WithCaseFile, XDocument Message, byte[] Pdf, string? IdempotencyKey, string? Authorization);

    public ConcurrentQueue<Arrival> Received { get; } = new();

    /// <summary>What broke the protocol: a message the schema refuses, a PDF whose checksum or size is not the message's.</summary>
    public ConcurrentQueue<string> Broken { get; } = new();

    /// <summary>Statuses to fail with, one per request, before taking any.</summary>
    public ConcurrentQueue<int> Failures { get; } = new();

    /// <summary>When set, each entry is refused with this reason (a receipt with registreringFeilet).</summary>
    public string? Refusal { get; set; }

    /// <summary>When set, entries are taken with 202 and receipted later.</summary>
    public bool ReceiptLater { get; set; }

    public Uri Url { get; private set; } = null!;

    /// <summary>How many registry entries the archive holds: each external key once, however often it came.</summary>
    public int Journaled => journal.Count;

    private ArchiveReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.MapPost("/arkiv", (Delegate)TakeAsync);
    }

    public static async Task<ArchiveReceiver> StartAsync()
    {
        var receiver = new ArchiveReceiver();
        await receiver.app.StartAsync();
        var address = receiver.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(new Uri(address), "/arkiv");
        return receiver;
    }

    private async Task<IResult> TakeAsync(HttpContext http)
    {
        var form = await http.Request.ReadFormAsync();
        var messageFile = form.Files["arkivmelding"];
        var pdfFile = form.Files.FirstOrDefault(f => f.Name == "dokument");
        if (messageFile is null || pdfFile is null)
        {
            Broken.Enqueue("a request without its message or its document");
            return Results.BadRequest("arkivmelding og dokument mangler");
        }

        XDocument message;
        using (var stream = messageFile.OpenReadStream())
        {
            message = XDocument.Load(stream);
        }

        using var pdfStream = new MemoryStream();
        await pdfFile.CopyToAsync(pdfStream);
        var pdf = pdfStream.ToArray();
        foreach (var invalid in ArchiveMessageTests.Invalid(message))
        {
            Broken.Enqueue(invalid);
        }

        XNamespace ns = ArchiveDocuments.Opprett, md = ArchiveDocuments.Catalogue;
        var registration = message.Root!.Element(ns + "registrering")!;
        var recordId = Guid.Parse(registration.Element(ns + "referanseEksternNoekkel")!.Element(md + "noekkel")!.Value);
        var caseKey = Guid.Parse(registration.Element(ns + "referanseForelderMappe")!.Descendants(md + "noekkel").Single().Value);
        var file = registration.Descendants(ns + "dokumentobjekt").Single();
        if (file.Element(ns + "sjekksum")!.Value != Convert.ToHexStringLower(SHA256.HashData(pdf)) || long.Parse(file.Element(ns + "filstoerrelse")!.Value) != pdf.Length)
        {
            Broken.Enqueue($"the PDF of {recordId} is not the one the message describes");
        }

        if (file.Element(ns + "filnavn")!.Value != pdfFile.FileName)
        {
            Broken.Enqueue($"the PDF of {recordId} is not named as the message names it");
        }

        var withCaseFile = message.Root.Element(ns + "mappe") is not null;
        Received.Enqueue(new Arrival(recordId, caseKey, withCaseFile, message, pdf, http.Request.Headers["Idempotency-Key"], http.Request.Headers.Authorization));
        if (Failures.TryDequeue(out var status))
        {
            return Results.StatusCode(status);
        }

        if (Refusal is { } reason)
        {
            return Xml(ArchiveMessageTests.Receipt(caseKey, recordId, 0, 0, refused: reason));
        }

        var (caseNumber, journalNumber) = Journal(recordId, caseKey, withCaseFile);
        return ReceiptLater ? Results.StatusCode(202) : Xml(ArchiveMessageTests.Receipt(caseKey, recordId, caseNumber, journalNumber));
    }

    /// <summary>Journals an entry once: a resend gets the numbers it got before. A case file arrives with the first entry only.</summary>
    private (int Case, int Journal) Journal(Guid recordId, Guid caseKey, bool withCaseFile)
    {
        if (!caseFiles.ContainsKey(caseKey) && !withCaseFile)
        {
            Broken.Enqueue($"entry {recordId} points to a case file the archive never got");
        }

        var caseNumber = caseFiles.GetOrAdd(caseKey, _ => Interlocked.Increment(ref caseSequence));
        return (caseNumber, journal.GetOrAdd(recordId, _ => Interlocked.Increment(ref journalSequence)));
    }

    /// <summary>The receipt for an entry taken earlier (202), as the adapter posts it back: journaled now.</summary>
    public XDocument ReceiptFor(Arrival arrival)
    {
        var (caseNumber, journalNumber) = Journal(arrival.RecordId, arrival.CaseKey, arrival.WithCaseFile || caseFiles.ContainsKey(arrival.CaseKey));
        return ArchiveMessageTests.Receipt(arrival.CaseKey, arrival.RecordId, caseNumber, journalNumber);
    }

    private static IResult Xml(XDocument receipt) => Results.Text(receipt.ToString(), "application/xml; charset=utf-8");

    public async Task<Arrival> WaitForAsync(Func<Arrival, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (DateTime.UtcNow < deadline)
        {
            if (Broken.TryPeek(out var broken))
            {
                throw new InvalidOperationException($"The archive's protocol was broken: {broken}");
            }

            if (Received.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No matching message within the timeout; received {Received.Count}.");
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
