using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Extensions.Options;
using ProjectMethod.Api.Archive;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>
/// What became of one try: receipted (the archive answered with its receipt), taken (it will receipt later), refused for
/// good (the archive's reason; trying again cannot help), or failed for now (tried again after a pause).
/// </summary>
public sealed record ArchiveDelivery(ArchiveReceipt? Receipt, bool Taken, string? Error, bool Permanent)
{
    public static ArchiveDelivery Receipted(ArchiveReceipt receipt) => new(receipt, true, null, false);

    public static ArchiveDelivery Later() => new(null, true, null, false);

    public static ArchiveDelivery Refused(string reason) => new(null, false, reason, true);

    public static ArchiveDelivery Failed(string reason) => new(null, false, reason, false);
}

/// <summary>Carries a message and its document to the municipality's archive.</summary>
public interface IArchiveTransport
{
    Task<ArchiveDelivery> SendAsync(Guid recordId, XDocument message, IssuedDocument document, CancellationToken cancellationToken);
}

/// <summary>
/// HTTP to the archive adapter or integration platform: one <c>multipart/form-data</c> request per record, with the
/// message (<c>arkivmelding.xml</c>) and its PDF, the record's id as <c>Idempotency-Key</c> (the message's external key says
/// the same). 200 or 201 with the receipt in the body: receipted; 202: taken, the receipt is posted back later; another 4xx:
/// refused for good, with the archive's reason; 408, 429, 5xx or no answer: tried again later.
/// </summary>
public sealed class HttpArchiveTransport(IHttpClientFactory clients, IOptions<ArchiveOptions> options) : IArchiveTransport
{
    public const string ClientName = "archive";

    public async Task<ArchiveDelivery> SendAsync(Guid recordId, XDocument message, IssuedDocument document, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(options.Value.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return ArchiveDelivery.Failed("Archive:Url is not an http or https address.");
        }

        using var content = new MultipartFormDataContent();
        var xml = new StringContent(message.Declaration + Environment.NewLine + message.ToString(SaveOptions.DisableFormatting), Encoding.UTF8);
        xml.Headers.ContentType = new MediaTypeHeaderValue("application/xml") { CharSet = "utf-8" };
        content.Add(xml, "arkivmelding", "arkivmelding.xml");
        var pdf = new ByteArrayContent(document.Bytes);
        pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(pdf, "dokument", document.FileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Add("Idempotency-Key", recordId.ToString("D"));
        if (!string.IsNullOrEmpty(options.Value.Token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.Token);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.RequestTimeout);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                return ArchiveDelivery.Later();
            }

            if (response.IsSuccessStatusCode)
            {
                return ReceiptIn(body);
            }

            var reason = $"The archive answered {status}: {Shortened(body)}";
            return status is >= 400 and < 500 and not 408 and not 429 ? ArchiveDelivery.Refused(reason) : ArchiveDelivery.Failed(reason);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return ArchiveDelivery.Failed(exception.Message);
        }
    }

    /// <summary>The receipt in an answer's body: receipted, or refused with the archive's reason; an unreadable body is tried again.</summary>
    public static ArchiveDelivery ReceiptIn(string body)
    {
        try
        {
            var receipt = ArchiveReceipt.Read(XDocument.Parse(body));
            return receipt.Failure is { } failure ? ArchiveDelivery.Refused(failure) : ArchiveDelivery.Receipted(receipt);
        }
        catch (Exception exception) when (exception is XmlException or FormatException)
        {
            return ArchiveDelivery.Failed($"The archive's answer is no receipt: {exception.Message}");
        }
    }

    private static string Shortened(string body) => body.Length <= 500 ? body : body[..500] + "…";
}

/// <summary>
/// A folder an archive imports: each record becomes a folder named by its id, holding <c>arkivmelding.xml</c> and its PDF,
/// written beside it first and moved into place whole, so the archive never reads half a record; a record whose folder is
/// there already (a resend after a crash) is not written again. The archive leaves its receipts in <c>kvitteringer</c>, each
/// named by the record's id (<c>{id}.xml</c>); a receipt read is moved to <c>kvitteringer/lest</c>.
/// </summary>
public sealed class FolderArchiveTransport(IOptions<ArchiveOptions> options) : IArchiveTransport
{
    public const string Receipts = "kvitteringer";

    public Task<ArchiveDelivery> SendAsync(Guid recordId, XDocument message, IssuedDocument document, CancellationToken cancellationToken)
    {
        try
        {
            var root = Root();
            var target = Path.Combine(root, recordId.ToString("D"));
            if (Directory.Exists(target))
            {
                return Task.FromResult(ArchiveDelivery.Later());
            }

            var writing = Path.Combine(root, $".{recordId:D}.writing");
            if (Directory.Exists(writing))
            {
                Directory.Delete(writing, recursive: true);
            }

            Directory.CreateDirectory(writing);
            using (var stream = File.Create(Path.Combine(writing, "arkivmelding.xml")))
            {
                message.Save(stream);
                stream.Flush(flushToDisk: true);
            }

            using (var stream = File.Create(Path.Combine(writing, document.FileName)))
            {
                stream.Write(document.Bytes);
                stream.Flush(flushToDisk: true);
            }

            Directory.Move(writing, target);
            return Task.FromResult(ArchiveDelivery.Later());
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(ArchiveDelivery.Failed(exception.Message));
        }
    }

    /// <summary>The receipts the archive left, each with the record it names by its file name.</summary>
    public IReadOnlyList<(Guid RecordId, string Path)> ReceiptsWaiting()
    {
        var folder = Path.Combine(Root(), Receipts);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(folder, "*.xml")
            .Select(path => (Id: Guid.TryParse(Path.GetFileNameWithoutExtension(path), out var id) ? id : Guid.Empty, Path: path))
            .Where(r => r.Id != Guid.Empty)
            .OrderBy(r => r.Path, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Moves a receipt that was read out of the way.</summary>
    public static void Done(string receipt)
    {
        var read = Path.Combine(Path.GetDirectoryName(receipt)!, "lest");
        Directory.CreateDirectory(read);
        File.Move(receipt, Path.Combine(read, Path.GetFileName(receipt)), overwrite: true);
    }

    private string Root() => options.Value.Folder is { Length: > 0 } folder ? folder : throw new IOException("Archive:Folder is not set.");
}
