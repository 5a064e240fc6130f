using System.Globalization;

namespace DhrTracker.Domain.Common;

/// <summary>
/// Partnerships work to the UK calendar: a day starts at midnight in London (GMT in winter, BST in summer), not at
/// midnight UTC. Every "today", every date written on a page and every day a filter takes is read through here.
/// </summary>
public static class UkTime
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The UK date at a UTC instant: 23:30 UTC on 31 May is 1 June in the UK.</summary>
    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(ToUk(utc));

    /// <summary>A stored UTC instant as the time on a UK clock (GMT or BST), for people to read.</summary>
    public static DateTime ToUk(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London);

    /// <summary>The UTC instant at which a UK day begins (00:00 London time): 1 June 2026 begins at 23:00 UTC on 31 May.</summary>
    public static DateTime StartOfDayUtc(DateOnly ukDate) =>
        TimeZoneInfo.ConvertTimeToUtc(ukDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), London);

    /// <summary>The UTC instant of a UK wall-clock time on a date (the next valid minute when the clocks skip it).</summary>
    public static DateTime ToUtc(DateOnly ukDate, TimeOnly ukTime)
    {
        var local = ukDate.ToDateTime(ukTime, DateTimeKind.Unspecified);
        while (London.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, London);
    }

    /// <summary>"3 Jul 2026 14:05 BST" or "23 Nov 2026 13:14 GMT".</summary>
    public static string Format(DateTime utc)
    {
        var local = ToUk(utc);
        return local.ToString("d MMM yyyy HH:mm", EnGb) + (London.IsDaylightSavingTime(local) ? " BST" : " GMT");
    }
}
