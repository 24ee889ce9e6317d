using System.Buffers.Text;
using System.Text;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>A page of a collection and the cursor of the next page (null at the end).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>Cursor pagination: <c>?limit=</c> (1–200, default 50) and an opaque <c>?cursor=</c> naming the last item seen.</summary>
public readonly record struct Paging(int Limit, string? After)
{
    public const int MaxLimit = 200;
    public const int DefaultLimit = 50;

    public static bool TryParse(int? limit, string? cursor, out Paging paging, out Dictionary<string, string[]> errors)
    {
        errors = [];
        paging = default;
        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"limit must be between 1 and {MaxLimit}."];
        }

        string? after = null;
        if (cursor is not null)
        {
            try
            {
                after = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            }
            catch (FormatException)
            {
                errors["cursor"] = ["cursor is not one this service issued."];
            }
        }

        paging = new Paging(limit ?? DefaultLimit, after);
        return errors.Count == 0;
    }

    /// <summary>Reads one more row than asked to know whether a next page exists.</summary>
    public int FetchSize => Limit + 1;

    public Page<T> ToPage<T>(IReadOnlyList<T> rows, Func<T, string> key) =>
        rows.Count > Limit
            ? new Page<T>(rows.Take(Limit).ToList(), Base64Url.EncodeToString(Encoding.UTF8.GetBytes(key(rows[Limit - 1]))))
            : new Page<T>(rows, null);
}
