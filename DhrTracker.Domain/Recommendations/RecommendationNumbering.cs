using System.Globalization;
using System.Text.RegularExpressions;
using DhrTracker.Domain.Common;

namespace DhrTracker.Domain.Recommendations;

/// <summary>
/// Numbers are kept as the report writes them (1, 3(a), 10.1.1). Within one review each is used once, and
/// entering a long plan is quicker when the next number is offered.
/// </summary>
public static partial class RecommendationNumbering
{
    /// <summary>An action's number: its recommendation's number and its place among that recommendation's actions (2.2), used on every page and document.</summary>
    public static string ActionNumber(string recommendationNumber, int zeroBasedIndex) => $"{recommendationNumber.Trim()}.{zeroBasedIndex + 1}";

    public static void EnsureUnique(string number, IEnumerable<string> otherNumbersInReview)
    {
        var trimmed = number.Trim();
        if (otherNumbersInReview.Any(n => string.Equals(n.Trim(), trimmed, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException($"This review already has a recommendation {trimmed}. Give each recommendation the number the report gives it.", nameof(Recommendation.Number));
        }
    }

    /// <summary>The number that usually follows the last one (3 → 4, 3(a) → 3(b), 10.1.1 → 10.1.2), or empty when there is no pattern.</summary>
    public static string SuggestNext(IReadOnlyList<string> numbersInOrder)
    {
        if (numbersInOrder.Count == 0)
        {
            return "1";
        }

        var last = numbersInOrder[^1].Trim();
        string? next = null;
        if (int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            next = (n + 1).ToString(CultureInfo.InvariantCulture);
        }
        else if (Lettered().Match(last) is { Success: true } m && m.Groups["letter"].Value[0] is var letter and < 'z')
        {
            next = $"{m.Groups["number"].Value}({(char)(letter + 1)})";
        }
        else if (Dotted().Match(last) is { Success: true } d)
        {
            var tail = int.Parse(d.Groups["last"].Value, CultureInfo.InvariantCulture) + 1;
            next = $"{d.Groups["head"].Value}{tail.ToString(CultureInfo.InvariantCulture)}";
        }

        return next is not null && !numbersInOrder.Contains(next, StringComparer.OrdinalIgnoreCase) ? next : string.Empty;
    }

    [GeneratedRegex(@"^(?<number>\d+)\((?<letter>[a-y])\)$")]
    private static partial Regex Lettered();

    [GeneratedRegex(@"^(?<head>(\d+\.)+)(?<last>\d+)$")]
    private static partial Regex Dotted();
}
