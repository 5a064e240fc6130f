using System.Text.RegularExpressions;

namespace DhrTracker.Infrastructure.Import;

/// <summary>A line of a cell (a paragraph or a line break within one) and whether the document made it a list item.</summary>
public sealed record CellLine(string Text, bool IsListItem = false);

/// <summary>
/// One cell of a plan row as text lines. <see cref="MergedFromAbove"/> is a cell that continues the one above it
/// (a vertically merged cell in Word, a merged range in Excel): it holds nothing itself and means "the same as above".
/// </summary>
public sealed class PlanCell(IReadOnlyList<CellLine> lines, bool mergedFromAbove = false)
{
    public static PlanCell Empty { get; } = new([]);

    public IReadOnlyList<CellLine> Lines { get; } = lines
        .Select(l => l with { Text = PlanText.StripFootnotes(l.Text).Trim() })
        .Where(l => l.Text.Length > 0)
        .ToList();

    public bool MergedFromAbove { get; } = mergedFromAbove;

    public bool IsEmpty => Lines.Count == 0;

    public string Text => string.Join("\n", Lines.Select(l => l.Text));

    public static PlanCell Of(string? text, bool mergedFromAbove = false) =>
        new((text ?? string.Empty).Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select(t => new CellLine(t)).ToList(), mergedFromAbove);
}

/// <summary>One row of a plan table with its cells by column, and where it is in the file.</summary>
public sealed class PlanRow(IReadOnlyDictionary<PlanColumn, PlanCell> cells, string where)
{
    public string Where { get; } = where;

    public PlanCell this[PlanColumn column] => cells.TryGetValue(column, out var cell) ? cell : PlanCell.Empty;

    public IEnumerable<PlanColumn> Columns => cells.Keys;

    public bool IsEmpty => cells.Values.All(c => c.IsEmpty && !c.MergedFromAbove);
}

/// <summary>The small readings of cell text shared by the Word and Excel readers.</summary>
public static partial class PlanText
{
    /// <summary>Removes footnote markers: "[1]", superscript digits, an asterisk after a word or date.</summary>
    public static string StripFootnotes(string? text)
    {
        var s = text ?? string.Empty;
        s = BracketFootnote().Replace(s, string.Empty);
        s = SuperscriptDigits().Replace(s, string.Empty);
        s = AsteriskAfterWord().Replace(s, string.Empty);
        return s.Replace('\u00a0', ' ');
    }

    /// <summary>
    /// Splits a cell into its items: numbered or bulleted lines ("1.", "a)", "•", "-") or list paragraphs each
    /// start an item, and an unmarked line continues the item before it. With no markers the cell is one item,
    /// unless <paramref name="eachLineIsAnItem"/> (milestones are written one per line).
    /// </summary>
    public static IReadOnlyList<string> Items(IReadOnlyList<CellLine> lines, bool eachLineIsAnItem = false)
    {
        var marked = lines.Count(l => l.IsListItem || ListMarker().IsMatch(l.Text));
        if (marked == 0 || (marked == 1 && lines.Count == 1))
        {
            if (eachLineIsAnItem)
            {
                return lines.Select(l => WithoutMarker(l.Text)).Where(t => t.Length > 0).ToList();
            }

            var whole = string.Join(" ", lines.Select((l, i) => i == 0 ? WithoutMarker(l.Text) : l.Text)).Trim();
            return whole.Length == 0 ? [] : [whole];
        }

        var items = new List<string>();
        foreach (var line in lines)
        {
            var starts = line.IsListItem || ListMarker().IsMatch(line.Text);
            var text = WithoutMarker(line.Text);
            if (text.Length == 0)
            {
                continue;
            }

            if (starts || items.Count == 0 || eachLineIsAnItem)
            {
                items.Add(text);
            }
            else
            {
                items[^1] = items[^1] + " " + text;
            }
        }

        return items;
    }

    public static string WithoutMarker(string text) => ListMarker().Replace(text, string.Empty, 1).Trim();

    /// <summary>The lines of a cell as one line, joined with spaces (a cell's lines are never run together).</summary>
    public static string OneLine(IEnumerable<string> lines) =>
        Regex.Replace(string.Join(" ", lines), @"\s+", " ").Trim();

    /// <summary>
    /// The lettered sub-points of a cell ("a) …", "(b) …", "c. …"), one per line or run on in one line, without
    /// their letters; empty unless there are at least two and they run a, b, c… from where they start.
    /// </summary>
    public static IReadOnlyList<string> LetteredParts(IEnumerable<string> lines)
    {
        var text = OneLine(lines);
        var marks = LetterMark().Matches(text).Where(m => m.Groups["l"].Value.Length == 1).ToList();
        if (marks.Count < 2)
        {
            return [];
        }

        for (var i = 1; i < marks.Count; i++)
        {
            if (char.ToLowerInvariant(marks[i].Groups["l"].Value[0]) != char.ToLowerInvariant(marks[i - 1].Groups["l"].Value[0]) + 1)
            {
                return [];
            }
        }

        var parts = new List<string>();
        for (var i = 0; i < marks.Count; i++)
        {
            var start = marks[i].Index + marks[i].Length;
            var end = i + 1 < marks.Count ? marks[i + 1].Index : text.Length;
            var part = text[start..end].Trim();
            if (part.Length > 0)
            {
                parts.Add(part);
            }
        }

        return parts;
    }

    /// <summary>Whether text starts with a lettered sub-point ("(b) …", "b) …").</summary>
    public static bool StartsWithLetteredPart(string text) => LetterMark().Match(text.TrimStart()) is { Success: true, Index: 0 };

    /// <summary>
    /// The recommendation number at the start of a cell ("1.", "3(a)", "10.1.1", "Recommendation 4:", "R4") and
    /// the text after it; a null number when the cell does not start with one.
    /// </summary>
    public static (string? Number, string Text) RecommendationNumber(string cellText)
    {
        var text = cellText.Trim();
        var m = LeadingNumber().Match(text);
        if (!m.Success)
        {
            return (null, text);
        }

        return (NumberOnly(m.Groups["num"].Value), m.Groups["rest"].Value.Trim());
    }

    /// <summary>A number as written in a number column ("1.", "Rec 3", "3 (a)") as the plan means it ("1", "3", "3(a)").</summary>
    public static string NumberOnly(string written)
    {
        var s = written.Trim();
        var m = LeadingNumber().Match(s);
        if (m.Success && m.Groups["rest"].Value.Trim().Length == 0)
        {
            s = m.Groups["num"].Value;
        }

        s = Regex.Replace(s, @"\s+", string.Empty);
        return s.TrimEnd('.', ':', '-', '–');
    }

    /// <summary>Text that says there is no action (the Home Office export writes "No action agreed yet.").</summary>
    public static bool SaysNoAction(string text) => NoAction().IsMatch(text.Trim());

    /// <summary>The Home Office export's "Status: Green – on target" line in the milestones cell; what follows it is the status reason.</summary>
    public static bool IsStatusLine(string text) => StatusLine().IsMatch(text.Trim());

    [GeneratedRegex(@"(?:^|(?<=[\s;:.,]))\(?(?<l>[a-hA-H])\)\s+")]
    private static partial Regex LetterMark();

    [GeneratedRegex(@"\[\d{1,3}\]|\[[a-z]\]")]
    private static partial Regex BracketFootnote();

    [GeneratedRegex(@"[\u00b9\u00b2\u00b3\u2070-\u2079]+")]
    private static partial Regex SuperscriptDigits();

    [GeneratedRegex(@"(?<=[\p{L}\p{N}.)])\*+(?=\s|$|[.,;:)])")]
    private static partial Regex AsteriskAfterWord();

    /// <summary>"1.", "1)", "(1)", "1.1", "a)", "(a)", "i.", "•", "-", "–", "*", "▪".</summary>
    [GeneratedRegex(@"^\s*(?:\(?\d{1,2}(?:\.\d{1,2})+[.)]?\s+|\(?\d{1,2}[.)](?!\d)\s*|\(?[a-z][.)]\s+|\((?:[ivx]{1,4}|[a-z])\)\s*|[ivx]{1,4}[.)]\s+|[•●▪■◦·‣\-–—*]\s*)", RegexOptions.IgnoreCase)]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"^(?:(?:recommendation|rec)\.?\s*(?:no\.?|number)?\s*)?(?<num>(?:r(?=\d))?\d{1,3}(?:\.\d{1,3})*(?:\s?\([a-z]\)|[a-z](?![a-z]))?)(?:[.):–\-]\s*|\s+|$)(?<rest>[\s\S]*)$", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"^(?:no actions?(?: agreed| set| yet)*(?: yet)?\.?|n/?a|none|nil|-+|–)$", RegexOptions.IgnoreCase)]
    private static partial Regex NoAction();

    [GeneratedRegex(@"^status\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex StatusLine();
}
