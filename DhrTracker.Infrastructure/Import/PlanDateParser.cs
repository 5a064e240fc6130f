using System.Globalization;
using System.Text.RegularExpressions;
using DhrTracker.Domain.Common;

namespace DhrTracker.Infrastructure.Import;

/// <summary>
/// Reads the dates people write in action plans. The rules, one per form:
/// <list type="bullet">
/// <item>"31 March 2014", "31st Mar 2014", "31/03/2014", "31.03.14", "2014-03-31": that day (UK order, day first).</item>
/// <item>"April 2014", "Sept 2013", "Apr-14", "04/2014": the <b>last day</b> of the month. A target "by" a month means
/// the work is due by the end of it, so reading it as the 1st would make an action overdue for a month it still has.</item>
/// <item>"By Jan 2014", "By end of Jan 2014", "Before Jan 2014", "Due Jan 2014": the same month rule; the words only say it is a target.</item>
/// <item>"Oct '13", "Dec 13": a month followed by two digits is month and year (2013). Plans write a day first ("13 Dec").</item>
/// <item>"2014": 31 December 2014; "2014/15": 31 March 2015 (the financial year); "Q2 2014/15": 30 September 2014.</item>
/// <item>"Jan – March 2014": the end of the range (31 March 2014).</item>
/// <item>"From July 2013", "Commencing Oct 2013": a start, not a target: no date, but the start is kept.</item>
/// <item>"Quarterly", "Annually", "Every six months": recurring: no date, flagged.</item>
/// <item>"Ongoing", "Commencing Oct 2013 and ongoing": no date, flagged (the start kept when there is one).</item>
/// <item>"TBC", "To be agreed": no date yet, flagged.</item>
/// <item>Anything else, or an impossible day ("31/02/2014"), or a year outside 2000–2100: not interpretable.</item>
/// </list>
/// Footnote markers ("April 2014*", "April 2014[1]") are ignored.
/// </summary>
public static partial class PlanDateParser
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    /// <summary>Reads a target or due date.</summary>
    public static PlanDate Parse(string? text)
    {
        var original = Clean(text);
        var s = Normalise(original);
        if (s.Length == 0 || EmptyWords().IsMatch(s))
        {
            return new PlanDate(original, PlanDateKind.None, null);
        }

        if (NotYetSetWords().IsMatch(s))
        {
            return new PlanDate(original, PlanDateKind.NotYetSet, null);
        }

        var recurring = RecurringWords().IsMatch(s);
        var ongoing = OngoingWords().IsMatch(s);
        var starts = StartWords().Match(s);
        if (recurring || ongoing || starts.Success)
        {
            var startsOn = FirstDateIn(s) is { } first ? StartOf(first) : (DateOnly?)null;
            var kind = recurring ? PlanDateKind.Recurring : ongoing ? PlanDateKind.Ongoing : PlanDateKind.StartOnly;
            if (kind == PlanDateKind.StartOnly && startsOn is null)
            {
                return new PlanDate(original, PlanDateKind.Unreadable, null, Note: "it says when the work starts but gives no date it can read");
            }

            return new PlanDate(original, kind, null, startsOn);
        }

        var target = StripTargetWords(s);
        var read = Core(target);
        if (read is null && Range().Match(target) is { Success: true } range)
        {
            // "Jan - March 2014": the work is due by the end of the range.
            read = Core(range.Groups["to"].Value);
            if (read is { Date: not null } end)
            {
                read = end with { Note = $"Read as the end of the range: {PlanDate.Long(end.Date)}." };
            }
        }

        if (read is null)
        {
            return new PlanDate(original, PlanDateKind.Unreadable, null);
        }

        return read with { Original = original };
    }

    /// <summary>
    /// Reads a completion date ("Completed March 2014", "Done 3/4/14"). A month is read as its last day here too,
    /// so that a completion is never dated before it could have happened.
    /// </summary>
    public static PlanDate ParseCompletion(string? text)
    {
        var original = Clean(text);
        var s = CompletionWords().Replace(Normalise(original), string.Empty).Trim();
        var read = Parse(s);
        return read with { Original = original };
    }

    /// <summary>A date a spreadsheet held as a date (not as text).</summary>
    public static PlanDate FromCalendar(DateOnly date, string? original = null)
    {
        var text = string.IsNullOrWhiteSpace(original) ? PlanDate.Long(date) : original.Trim();
        return date < Guard.EarliestDate || date > Guard.LatestDate
            ? new PlanDate(text, PlanDateKind.Unreadable, null, Note: OutOfRange)
            : new PlanDate(text, PlanDateKind.Exact, date);
    }

    /// <summary>Every place in <paramref name="text"/> that reads as a date, with any "by"/"from" words in front of it.</summary>
    public static IReadOnlyList<DateInText> FindAll(string text)
    {
        var found = new List<DateInText>();
        foreach (Match m in DatePhrase().Matches(text))
        {
            var start = m.Index;
            var lead = Qualifier().Match(text[..start]);
            if (lead.Success)
            {
                start = lead.Index;
            }

            var phrase = text[start..(m.Index + m.Length)];
            found.Add(new DateInText(start, m.Index + m.Length - start, Parse(phrase)));
        }

        return found;
    }

    private const string OutOfRange = "the year must be between 2000 and 2100";

    private static PlanDate? Core(string s)
    {
        s = s.Trim().TrimEnd('.', ',', ';', ':').Trim();
        if (s.Length == 0)
        {
            return null;
        }

        if (Iso().Match(s) is { Success: true } iso)
        {
            return Day(Int(iso.Groups["y"]), Int(iso.Groups["m"]), Int(iso.Groups["d"]));
        }

        if (Numeric().Match(s) is { Success: true } num)
        {
            return Day(Year(num.Groups["y"].Value), Int(num.Groups["m"]), Int(num.Groups["d"]));
        }

        if (DayMonthYear().Match(s) is { Success: true } dmy)
        {
            return Day(Year(dmy.Groups["y"].Value), Month(dmy.Groups["mon"].Value), Int(dmy.Groups["d"]));
        }

        if (MonthDayYear().Match(s) is { Success: true } mdy)
        {
            return Day(Year(mdy.Groups["y"].Value), Month(mdy.Groups["mon"].Value), Int(mdy.Groups["d"]));
        }

        if (MonthYear().Match(s) is { Success: true } my)
        {
            return EndOfMonth(Year(my.Groups["y"].Value), Month(my.Groups["mon"].Value));
        }

        if (NumericMonthYear().Match(s) is { Success: true } nmy)
        {
            var month = Int(nmy.Groups["m"]);
            return month is >= 1 and <= 12 ? EndOfMonth(Year(nmy.Groups["y"].Value), month) : null;
        }

        if (QuarterOfYear().Match(s) is { Success: true } q)
        {
            var startYear = Int(q.Groups["y"]);
            var quarter = Int(q.Groups["q"]);
            var firstMonth = new DateOnly(startYear, 4, 1).AddMonths((quarter - 1) * 3);
            var end = firstMonth.AddMonths(3).AddDays(-1);
            return Period(end, $"Read as the end of Q{quarter} {startYear}/{(startYear + 1) % 100:00}: {PlanDate.Long(end)}.");
        }

        if (FinancialYear().Match(s) is { Success: true } fy)
        {
            var startYear = Int(fy.Groups["y"]);
            if ((startYear + 1) % 100 != Int(fy.Groups["y2"]))
            {
                return null;
            }

            var end = new DateOnly(startYear + 1, 3, 31);
            return Period(end, $"Read as the end of the financial year {startYear}/{(startYear + 1) % 100:00}: {PlanDate.Long(end)}.");
        }

        if (YearOnly().Match(s) is { Success: true } y)
        {
            var year = Int(y.Groups["y"]);
            return Period(new DateOnly(year, 12, 31), $"Read as the end of {year}: 31 December {year}.");
        }

        return null;
    }

    private static PlanDate Day(int year, int month, int day)
    {
        if (year is < 2000 or > 2100)
        {
            return new PlanDate(string.Empty, PlanDateKind.Unreadable, null, Note: OutOfRange);
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return new PlanDate(string.Empty, PlanDateKind.Unreadable, null, Note: ImpossibleNote);
        }

        return new PlanDate(string.Empty, PlanDateKind.Exact, new DateOnly(year, month, day));
    }

    private const string ImpossibleNote = "there is no such day";

    private static PlanDate EndOfMonth(int year, int month)
    {
        if (year is < 2000 or > 2100)
        {
            return new PlanDate(string.Empty, PlanDateKind.Unreadable, null, Note: OutOfRange);
        }

        var end = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return new PlanDate(string.Empty, PlanDateKind.EndOfMonth, end, Note: $"Read as the end of {end.ToString("MMMM yyyy", English)}: {PlanDate.Long(end)}.");
    }

    private static PlanDate Period(DateOnly end, string note) =>
        end.Year is < 2000 or > 2100
            ? new PlanDate(string.Empty, PlanDateKind.Unreadable, null, Note: OutOfRange)
            : new PlanDate(string.Empty, PlanDateKind.EndOfPeriod, end, Note: note);

    /// <summary>The first day of what was written: "From July 2013" starts on 1 July 2013.</summary>
    private static DateOnly StartOf(PlanDate read) => read.Kind switch
    {
        PlanDateKind.EndOfMonth when read.Date is { } d => new DateOnly(d.Year, d.Month, 1),
        PlanDateKind.EndOfPeriod when read.Date is { } d && d.Month == 12 => new DateOnly(d.Year, 1, 1),
        _ => read.Date!.Value,
    };

    private static PlanDate? FirstDateIn(string s)
    {
        foreach (Match m in DatePhrase().Matches(s))
        {
            if (Core(m.Value) is { Date: not null } read)
            {
                return read;
            }
        }

        return YearOnlyIn().Match(s) is { Success: true } y ? Core(y.Value) : null;
    }

    private static string StripTargetWords(string s)
    {
        string before;
        do
        {
            before = s;
            s = TargetWords().Replace(s, string.Empty).Trim();
        }
        while (s != before);

        return s;
    }

    private static int Int(Group g) => int.Parse(g.Value, NumberStyles.None, English);

    private static int Year(string text)
    {
        var digits = text.Trim().TrimStart('\'').Trim();
        var n = int.Parse(digits, NumberStyles.None, English);
        return digits.Length <= 2 ? 2000 + n : n;
    }

    private static int Month(string name) => name.Trim().TrimEnd('.')[..3].ToLowerInvariant() switch
    {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        _ => 12,
    };

    private static string Clean(string? text) =>
        Footnotes().Replace(text ?? string.Empty, string.Empty).Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ').Trim();

    /// <summary>Lower case, plain quotes and hyphens, no ordinals ("1st" → "1"), single spaces.</summary>
    private static string Normalise(string s)
    {
        s = s.ToLowerInvariant()
            .Replace('’', '\'').Replace('‘', '\'').Replace('`', '\'')
            .Replace('–', '-').Replace('—', '-').Replace('‑', '-').Replace('\u00a0', ' ');
        s = Ordinal().Replace(s, "$1");
        s = OfBetweenDayAndMonth().Replace(s, "$1 ");
        s = Spaces().Replace(s, " ").Trim();
        return s.TrimEnd('.', ',', ';', ':').Trim();
    }

    private const string MonthName = @"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

    [GeneratedRegex(@"\[\d{1,3}\]|(?<=[\p{L}\p{N})])\*+|\*+$")]
    private static partial Regex Footnotes();

    [GeneratedRegex(@"(\d)(?:st|nd|rd|th)\b")]
    private static partial Regex Ordinal();

    [GeneratedRegex(@"(\d) of ")]
    private static partial Regex OfBetweenDayAndMonth();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(?:-+|n/?a|none|nil|not set|not applicable|no date|no target date)$")]
    private static partial Regex EmptyWords();

    [GeneratedRegex(@"^(?:tbc|tba|tbd|to be (?:confirmed|agreed|decided|determined|set|arranged))\b")]
    private static partial Regex NotYetSetWords();

    [GeneratedRegex(@"\b(?:quarterly|monthly|annually|annual|yearly|weekly|fortnightly|bi-?annual(?:ly)?|bi-?monthly|six[- ]?monthly|6[- ]?monthly|twice (?:a|per) year|every (?:\w+ )?(?:weeks?|months?|years?|quarters?))\b")]
    private static partial Regex RecurringWords();

    [GeneratedRegex(@"\b(?:on-?going|on going|continuous|continuing|continual|onwards|rolling programme)\b")]
    private static partial Regex OngoingWords();

    [GeneratedRegex(@"^(?:from|commencing|commences|commence|starting|start|starts|beginning|begins|begin|started|w/c)\b")]
    private static partial Regex StartWords();

    [GeneratedRegex(@"^(?:to be )?(?:completed |complete |achieved |implemented |in place )?(?:by the end of|by end of|by the end|by end|by|before|no later than|nlt|due(?: by| date)?|deadline|target(?: date)?|the end of|end of|end|until|within)\b[\s:]*")]
    private static partial Regex TargetWords();

    [GeneratedRegex(@"^(?:completed?|done|achieved|closed|implemented|delivered|finished)\b[\s:,\-]*(?:on |in |by )?")]
    private static partial Regex CompletionWords();

    [GeneratedRegex(@"^(?<from>.+?)\s*(?:-|\bto\b|\buntil\b|\btill\b)\s*(?<to>[^-]+)$")]
    private static partial Regex Range();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})$")]
    private static partial Regex Iso();

    [GeneratedRegex(@"^(?<d>\d{1,2})\s*[/.\-]\s*(?<m>\d{1,2})\s*[/.\-]\s*(?<y>\d{4}|\d{2})$")]
    private static partial Regex Numeric();

    [GeneratedRegex(@"^(?<d>\d{1,2})[\s\-]*(?<mon>" + MonthName + @")[\s,\-/]*(?<y>\d{4}|'\s?\d{2}|\d{2})$")]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"^(?<mon>" + MonthName + @")\s+(?<d>\d{1,2}),\s*(?<y>\d{4})$")]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"^(?<mon>" + MonthName + @")[\s,\-/]*(?<y>\d{4}|'\s?\d{2}|\d{2})$")]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"^(?<m>\d{1,2})\s*/\s*(?<y>\d{4}|\d{2})$")]
    private static partial Regex NumericMonthYear();

    [GeneratedRegex(@"^q(?:uarter)?\s*(?<q>[1-4])\s+(?<y>(?:19|20)\d{2})\s*[/\-]\s*\d{2}$")]
    private static partial Regex QuarterOfYear();

    [GeneratedRegex(@"^(?:fy\s*)?(?<y>(?:19|20)\d{2})\s*[/\-]\s*(?<y2>\d{2})$")]
    private static partial Regex FinancialYear();

    [GeneratedRegex(@"^(?<y>(?:19|20|21)\d{2})$")]
    private static partial Regex YearOnly();

    [GeneratedRegex(@"\b(?:19|20)\d{2}\b")]
    private static partial Regex YearOnlyIn();

    /// <summary>A date inside running text: day month year, month day year, month year, numeric dates, quarters.</summary>
    [GeneratedRegex(
        @"\b\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?[\s\-]+" + MonthName + @"(?:,?\s+(?:19|20)\d{2}\b|\s*['’]\s?\d{2}\b|[\s\-]+\d{2}\b)"
        + @"|\b" + MonthName + @"\s+\d{1,2}(?:st|nd|rd|th)?,\s*(?:19|20)\d{2}\b"
        + @"|\b" + MonthName + @"(?:(?:\s*[\-/]\s*|\s+)(?:19|20)\d{2}\b|\s*['’]\s?\d{2}\b|(?:\s+|[\-/])\d{2}\b(?![/.:]?\d))"
        + @"|\b(?:19|20)\d{2}-\d{1,2}-\d{1,2}\b"
        + @"|\b\d{1,2}[/.\-]\d{1,2}[/.\-](?:(?:19|20)\d{2}|\d{2})\b"
        + @"|\bq[1-4]\s+(?:19|20)\d{2}\s*[/\-]\s*\d{2}\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex DatePhrase();

    /// <summary>Words in front of a date that say what kind of date it is ("by", "by the end of", "from").</summary>
    [GeneratedRegex(@"(?:\b(?:by the end of|by end of|by|end of|due(?: by)?|before|no later than|from|commencing|starting|until|target(?: date)?)\s*:?\s*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Qualifier();
}

/// <summary>A date found inside running text (a milestone line, a completion cell): where it is and how it reads.</summary>
public sealed record DateInText(int Start, int Length, PlanDate Date);
