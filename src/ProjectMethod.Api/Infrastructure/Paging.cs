using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>A short collection that comes whole, in the same <c>{items, nextCursor}</c> shape as the paged ones.</summary>
public sealed record ItemList<T>(IReadOnlyList<T> Items)
{
    /// <summary>Always null: the collection came whole.</summary>
    public string? NextCursor => null;
}

/// <summary>A page of a collection and the cursor of the next page (null at the end).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>What a collection is ordered by, and so what its cursor names: an id (opaque) or a sequence number (plain: <c>42</c>).</summary>
public enum CursorKind
{
    Id,
    Sequence,
}

/// <summary>
/// Cursor pagination: <c>?limit=</c> (1–200, default 50) and an opaque <c>?cursor=</c> naming the last item seen.
/// The first page starts after <see cref="Guid.Empty"/> or sequence 0, so the SQL needs no null parameter.
/// </summary>
public readonly record struct Paging(int Limit, Guid AfterId, long AfterSequence)
{
    public const int MaxLimit = 200;
    public const int DefaultLimit = 50;

    /// <summary>Every item of a collection read page by page in the largest pages: for a document that holds them all.</summary>
    public static async Task<IReadOnlyList<T>> AllAsync<T>(Func<Paging, Task<IReadOnlyList<T>>> page, Func<T, Guid> id)
    {
        var all = new List<T>();
        var paging = new Paging(MaxLimit, Guid.Empty, 0);
        while (true)
        {
            var read = await page(paging);
            all.AddRange(read.Take(MaxLimit));
            if (read.Count <= MaxLimit)
            {
                return all;
            }

            paging = paging with { AfterId = id(all[^1]) };
        }
    }

    public static bool TryParse(int? limit, string? cursor, CursorKind kind, out Paging paging, out Dictionary<string, string[]> errors)
    {
        errors = [];
        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"limit must be between 1 and {MaxLimit}."];
        }

        var (afterId, afterSequence) = (Guid.Empty, 0L);
        if (cursor is not null && !TryDecode(cursor, kind, out afterId, out afterSequence))
        {
            errors["cursor"] = ["cursor is not one this service issued for this collection."];
        }

        paging = new Paging(limit ?? DefaultLimit, afterId, afterSequence);
        return errors.Count == 0;
    }

    /// <summary>Reads one more row than asked to know whether a next page exists.</summary>
    public int FetchSize => Limit + 1;

    public Page<T> ToPage<T>(IReadOnlyList<T> rows, Func<T, Guid> key) =>
        ToPage(rows, row => key(row).ToString("D"));

    /// <summary>A page of a collection in sequence order: its cursor is the sequence of its last item, as a plain number.</summary>
    public Page<T> ToPage<T>(IReadOnlyList<T> rows, Func<T, long> key) =>
        rows.Count > Limit
            ? new Page<T>(rows.Take(Limit).ToList(), key(rows[Limit - 1]).ToString(CultureInfo.InvariantCulture))
            : new Page<T>(rows, null);

    private Page<T> ToPage<T>(IReadOnlyList<T> rows, Func<T, string> key) =>
        rows.Count > Limit
            ? new Page<T>(rows.Take(Limit).ToList(), Base64Url.EncodeToString(Encoding.UTF8.GetBytes(key(rows[Limit - 1]))))
            : new Page<T>(rows, null);

    private static bool TryDecode(string cursor, CursorKind kind, out Guid afterId, out long afterSequence)
    {
        (afterId, afterSequence) = (Guid.Empty, 0L);
        if (kind == CursorKind.Sequence)
        {
            return long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out afterSequence);
        }

        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            return false;
        }

        return Guid.TryParseExact(text, "D", out afterId);
    }
}
