using System.Text.RegularExpressions;

namespace DhrTracker.Domain.Recommendations;

/// <summary>
/// "Many recommendations repeat year after year" (Learning from loss, 2025). Two recommendations are similar
/// when they share at least one theme and much of their wording: at least <see cref="Threshold"/> of the
/// meaningful words of the two, taken together, appear in both (a Jaccard index over words with the common
/// small words removed and plural -s and -ing endings folded).
/// </summary>
public static partial class RecommendationSimilarity
{
    public const double Threshold = 0.28;

    private static readonly HashSet<string> SmallWords = new(StringComparer.Ordinal)
    {
        "a", "about", "across", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "before", "being",
        "between", "both", "by", "can", "could", "do", "does", "each", "either", "ensure", "ensures", "ensuring", "every",
        "for", "from", "has", "have", "how", "in", "including", "into", "is", "it", "its", "may", "might", "more", "most",
        "must", "neither", "no", "nor", "not", "of", "on", "only", "or", "other", "others", "over", "own", "per", "same",
        "shall", "should", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they",
        "this", "those", "through", "to", "under", "up", "very", "what", "when", "where", "which", "who", "whom", "whose",
        "will", "with", "within", "without", "would",
    };

    /// <summary>The share of meaningful words the two texts have in common, from 0 (none) to 1 (the same words).</summary>
    public static double WordingOverlap(string first, string second) => WordingOverlap(Words(first), Words(second));

    /// <summary>
    /// <see cref="WordingOverlap(string, string)"/> over words already taken from the texts by <see cref="MeaningfulWords"/>:
    /// comparing one recommendation with hundreds, each text is read once rather than once per pair.
    /// </summary>
    public static double WordingOverlap(IReadOnlySet<string> first, IReadOnlySet<string> second)
    {
        if (first.Count == 0 || second.Count == 0)
        {
            return 0;
        }

        var shared = 0;
        foreach (var word in first)
        {
            if (second.Contains(word))
            {
                shared++;
            }
        }

        return (double)shared / (first.Count + second.Count - shared);
    }

    public static bool AreSimilar(IReadOnlyCollection<int> firstThemeIds, string firstText, IReadOnlyCollection<int> secondThemeIds, string secondText) =>
        ShareATheme(firstThemeIds, secondThemeIds) && WordingOverlap(firstText, secondText) >= Threshold;

    public static bool AreSimilar(IReadOnlyCollection<int> firstThemeIds, IReadOnlySet<string> firstWords, IReadOnlyCollection<int> secondThemeIds, IReadOnlySet<string> secondWords) =>
        ShareATheme(firstThemeIds, secondThemeIds) && WordingOverlap(firstWords, secondWords) >= Threshold;

    /// <summary>
    /// Whether the two share a theme. A recommendation has one to three themes, so two small loops beat building a set;
    /// the review page asks this of every pair of its recommendations and the partnership's earlier ones.
    /// </summary>
    private static bool ShareATheme(IReadOnlyCollection<int> first, IReadOnlyCollection<int> second)
    {
        foreach (var a in first)
        {
            foreach (var b in second)
            {
                if (a == b)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The words a text is compared on: lower case, the common small words left out, endings folded.</summary>
    public static IReadOnlySet<string> MeaningfulWords(string text) => Words(text);

    internal static HashSet<string> Words(string text) =>
        WordPattern().Matches(text.ToLowerInvariant())
            .Select(m => m.Value)
            .Where(w => w.Length > 1 && !SmallWords.Contains(w))
            .Select(Fold)
            .ToHashSet(StringComparer.Ordinal);

    private static string Fold(string word) => word switch
    {
        { Length: > 5 } when word.EndsWith("ing", StringComparison.Ordinal) => word[..^3],
        { Length: > 3 } when word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) => word[..^1],
        _ => word,
    };

    [GeneratedRegex(@"[a-z0-9]+")]
    private static partial Regex WordPattern();
}
