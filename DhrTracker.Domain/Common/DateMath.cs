namespace DhrTracker.Domain.Common;

public static class DateMath
{
    /// <summary>
    /// Calendar months as people count them: 31 January + 1 month is the last day of February
    /// (28th, or 29th in a leap year), never 2 or 3 March.
    /// </summary>
    public static DateOnly AddMonths(DateOnly date, int months) => date.AddMonths(months);

    public static int DaysBetween(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;

    /// <summary>
    /// Total days covered by a set of periods, counting a day shared by overlapping periods once.
    /// Both ends are inclusive; an open period runs to <paramref name="today"/>.
    /// </summary>
    public static int CoveredDays(IEnumerable<(DateOnly Start, DateOnly? End)> periods, DateOnly today)
    {
        var ordered = periods
            .Select(p => (p.Start, End: p.End ?? today))
            .Where(p => p.End >= p.Start)
            .OrderBy(p => p.Start)
            .ToList();

        var total = 0;
        DateOnly? runStart = null;
        DateOnly runEnd = default;
        foreach (var (start, end) in ordered)
        {
            if (runStart is null)
            {
                (runStart, runEnd) = (start, end);
            }
            else if (start.DayNumber <= runEnd.DayNumber + 1)
            {
                if (end > runEnd)
                {
                    runEnd = end;
                }
            }
            else
            {
                total += runEnd.DayNumber - runStart.Value.DayNumber + 1;
                (runStart, runEnd) = (start, end);
            }
        }

        if (runStart is { } s)
        {
            total += runEnd.DayNumber - s.DayNumber + 1;
        }

        return total;
    }
}
