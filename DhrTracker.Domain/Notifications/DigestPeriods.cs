using DhrTracker.Domain.Common;

namespace DhrTracker.Domain.Notifications;

/// <summary>
/// Which period a digest belongs to, on Europe/London wall-clock time: the weekly digest's period began at the latest
/// scheduled day and time (Monday 08:00, say) not after now, so 08:00 means 08:00 in London in March, July and November
/// alike (07:00 UTC in summer, 08:00 UTC in winter). A digest is composed once per period: the key is the period's
/// first day.
/// </summary>
public static class DigestPeriods
{
    /// <summary>The UK date on which the current weekly period began, and the UTC instant it began.</summary>
    public static (DateOnly Day, DateTime StartUtc) CurrentWeek(DateTime nowUtc, DayOfWeek day, TimeOnly time)
    {
        var today = UkTime.DateOf(nowUtc);
        var candidate = today.AddDays(-(((int)today.DayOfWeek - (int)day + 7) % 7));
        var start = UkTime.ToUtc(candidate, time);
        if (start > nowUtc)
        {
            candidate = candidate.AddDays(-7);
            start = UkTime.ToUtc(candidate, time);
        }

        return (candidate, start);
    }

    /// <summary>The UK date on which the current monthly period began (day <paramref name="dayOfMonth"/>), and its UTC instant.</summary>
    public static (DateOnly Day, DateTime StartUtc) CurrentMonth(DateTime nowUtc, int dayOfMonth, TimeOnly time)
    {
        var today = UkTime.DateOf(nowUtc);
        var candidate = new DateOnly(today.Year, today.Month, dayOfMonth);
        var start = UkTime.ToUtc(candidate, time);
        if (candidate > today || start > nowUtc)
        {
            candidate = candidate.AddMonths(-1);
            start = UkTime.ToUtc(candidate, time);
        }

        return (candidate, start);
    }

    /// <summary>The key that makes a digest once per person, kind and period: "digest:12:LeadOfficerDigest:2026-11-23".</summary>
    public static string Key(int userId, MessageKind kind, DateOnly periodStart) =>
        $"digest:{userId}:{kind}:{periodStart:yyyy-MM-dd}";
}
