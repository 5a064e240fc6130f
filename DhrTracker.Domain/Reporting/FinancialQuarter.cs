using System.Text.RegularExpressions;
using DhrTracker.Domain.Common;

namespace DhrTracker.Domain.Reporting;

/// <summary>
/// A quarter of the UK financial year: Q1 April–June, Q2 July–September, Q3 October–December,
/// Q4 January–March, written "Q2 2026/27". <see cref="StartYear"/> is the year the financial year starts.
/// </summary>
public readonly partial record struct FinancialQuarter : IComparable<FinancialQuarter>
{
    public FinancialQuarter(int startYear, int number)
    {
        if (number is < 1 or > 4)
        {
            throw new DomainException("A quarter is numbered 1 to 4.", nameof(Number));
        }

        if (startYear is < 1999 or > 2100)
        {
            throw new DomainException("The financial year must start between 1999 and 2100.", nameof(StartYear));
        }

        StartYear = startYear;
        Number = number;
    }

    public int StartYear { get; }
    public int Number { get; }

    public static FinancialQuarter Containing(DateOnly date) =>
        date.Month >= 4
            ? new FinancialQuarter(date.Year, ((date.Month - 4) / 3) + 1)
            : new FinancialQuarter(date.Year - 1, 4);

    public DateOnly Start => Number == 4 ? new DateOnly(StartYear + 1, 1, 1) : new DateOnly(StartYear, 4 + ((Number - 1) * 3), 1);

    public DateOnly End => Start.AddMonths(3).AddDays(-1);

    public FinancialQuarter Previous => Number == 1 ? new FinancialQuarter(StartYear - 1, 4) : new FinancialQuarter(StartYear, Number - 1);

    public FinancialQuarter Next => Number == 4 ? new FinancialQuarter(StartYear + 1, 1) : new FinancialQuarter(StartYear, Number + 1);

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>The first day of the quarter's last fortnight: from then it may be closed, and updates are asked for before it closes.</summary>
    public DateOnly LastFortnightStarts => End.AddDays(-13);

    /// <summary>True from the first day of the last fortnight onwards (a closed quarter's successors included).</summary>
    public bool IsInLastFortnightOrOver(DateOnly today) => today >= LastFortnightStarts;

    /// <summary>True only during the quarter's own last fortnight.</summary>
    public bool IsInLastFortnight(DateOnly today) => today >= LastFortnightStarts && today <= End;

    public string Label => $"Q{Number} {StartYear}/{(StartYear + 1) % 100:00}";

    public string Months => Number switch
    {
        1 => "April–June",
        2 => "July–September",
        3 => "October–December",
        _ => "January–March",
    };

    public override string ToString() => Label;

    public int CompareTo(FinancialQuarter other) => (StartYear, Number).CompareTo((other.StartYear, other.Number));

    public static bool operator <(FinancialQuarter a, FinancialQuarter b) => a.CompareTo(b) < 0;
    public static bool operator >(FinancialQuarter a, FinancialQuarter b) => a.CompareTo(b) > 0;
    public static bool operator <=(FinancialQuarter a, FinancialQuarter b) => a.CompareTo(b) <= 0;
    public static bool operator >=(FinancialQuarter a, FinancialQuarter b) => a.CompareTo(b) >= 0;

    public static bool TryParse(string? text, out FinancialQuarter quarter)
    {
        quarter = default;
        var m = LabelPattern().Match(text?.Trim() ?? string.Empty);
        if (!m.Success)
        {
            return false;
        }

        var start = int.Parse(m.Groups["start"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var end = int.Parse(m.Groups["end"].Value, System.Globalization.CultureInfo.InvariantCulture);
        if ((start + 1) % 100 != end || start is < 1999 or > 2100)
        {
            return false;
        }

        quarter = new FinancialQuarter(start, int.Parse(m.Groups["q"].Value, System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }

    [GeneratedRegex(@"^Q(?<q>[1-4])\s+(?<start>\d{4})/(?<end>\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex LabelPattern();
}
