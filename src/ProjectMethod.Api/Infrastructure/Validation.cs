using System.Text.RegularExpressions;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>Collects field errors of a request, so one answer names every invalid field.</summary>
public sealed partial class Validation
{
    public const int ShortText = 200;
    public const int LongText = 4000;

    private readonly Dictionary<string, string[]> errors = [];

    public bool IsValid => errors.Count == 0;

    public IDictionary<string, string[]> Errors => errors;

    public Validation Text(string field, string? value, int max, bool required = true, int min = 1)
    {
        if (value is null || value.Trim().Length == 0)
        {
            if (required)
            {
                Add(field, $"{field} is required.");
            }
        }
        else if (value.Length > max)
        {
            Add(field, $"{field} must be at most {max} characters.");
        }
        else if (value.Trim().Length < min)
        {
            Add(field, $"{field} must be at least {min} characters.");
        }

        return this;
    }

    public Validation Slug(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            Add(field, $"{field} is required.");
        }
        else if (!SlugPattern().IsMatch(value))
        {
            Add(field, $"{field} must be 2–50 lowercase letters, digits or hyphens, starting with a letter or digit.");
        }

        return this;
    }

    public Validation Required<T>(string field, T? value)
        where T : struct
    {
        if (value is null)
        {
            Add(field, $"{field} is required.");
        }

        return this;
    }

    public Validation That(bool condition, string field, string message)
    {
        if (!condition)
        {
            Add(field, message);
        }

        return this;
    }

    /// <summary>The faults as a rule's refusal (400 with the errors), for checks made inside a write.</summary>
    public Domain.DomainError ToError() => RefusalOf(errors);

    /// <summary>Field faults found elsewhere (a store's or a rule's check) as the same refusal.</summary>
    public static Domain.DomainError RefusalOf(IReadOnlyDictionary<string, string[]> errors) =>
        new(Domain.ErrorKind.Validation, "validation", "Invalid request", "One or more fields are invalid.")
        {
            Extensions = new Dictionary<string, object?> { ["errors"] = errors },
        };

    public void Add(string field, string message) =>
        errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,49}$")]
    private static partial Regex SlugPattern();
}
