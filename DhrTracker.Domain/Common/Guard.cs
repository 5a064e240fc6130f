namespace DhrTracker.Domain.Common;

/// <summary>Checks shared by every entity so that limits and messages read the same everywhere.</summary>
public static class Guard
{
    public static string Required(string? value, int maxLength, string field, string label)
    {
        var trimmed = Clean(value, maxLength);
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainException($"{label} is required.", field);
        }

        return MaxLength(trimmed, maxLength, field, label)!;
    }

    public static string? Optional(string? value, int maxLength, string field, string label)
    {
        var trimmed = Clean(value, maxLength);
        return string.IsNullOrEmpty(trimmed) ? null : MaxLength(trimmed, maxLength, field, label);
    }

    /// <summary>
    /// Unicode's bidirectional controls (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI, LRM, RLM, ALM). In a name or any
    /// other one-line field they can make text display in an order other than the one it is stored in ("Trojan
    /// source"): a reference or a pseudonym that reads differently from what a search or a sort sees.
    /// </summary>
    public static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';

    /// <summary>Every limit below <see cref="TextLimits.Reason"/> belongs to a one-line field: names, references, pseudonyms, e-mail, short text.</summary>
    public static bool IsSingleLine(int maxLength) => maxLength < TextLimits.Reason;

    private static string? Clean(string? value, int maxLength)
    {
        if (value is not null && IsSingleLine(maxLength) && value.Any(IsBidiControl))
        {
            value = new string(value.Where(c => !IsBidiControl(c)).ToArray());
        }

        return value?.Trim();
    }

    private static string? MaxLength(string value, int maxLength, string field, string label)
    {
        if (value.Length > maxLength)
        {
            throw new DomainException($"{label} must be {maxLength} characters or fewer (it is {value.Length}).", field);
        }

        return value;
    }

    public static void NotAfter(DateOnly? value, DateOnly? limit, string field, string message)
    {
        if (value is { } v && limit is { } l && v > l)
        {
            throw new DomainException(message, field);
        }
    }

    public static void NotBefore(DateOnly? value, DateOnly? limit, string field, string message)
    {
        if (value is { } v && limit is { } l && v < l)
        {
            throw new DomainException(message, field);
        }
    }

    /// <summary>Dates outside this window are typing mistakes (a year of 0202 or 2202), not real events.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);
    public static readonly DateOnly LatestDate = new(2100, 12, 31);

    public static DateOnly SaneDate(DateOnly value, string field, string label)
    {
        if (value < EarliestDate || value > LatestDate)
        {
            throw new DomainException($"{label} must be between {EarliestDate:d MMMM yyyy} and {LatestDate:d MMMM yyyy}.", field);
        }

        return value;
    }

    public static DateOnly? SaneDate(DateOnly? value, string field, string label) =>
        value is { } v ? SaneDate(v, field, label) : null;

    public static int Range(int value, int min, int max, string field, string label)
    {
        if (value < min || value > max)
        {
            throw new DomainException($"{label} must be between {min} and {max}.", field);
        }

        return value;
    }
}
