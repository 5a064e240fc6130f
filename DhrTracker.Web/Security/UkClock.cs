namespace DhrTracker.Web.Security;

/// <summary>Partnerships work to UK dates: "today" is the date in London, not in UTC.</summary>
public static class UkClock
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), London).DateTime);

    public static DateTime UtcNow(TimeProvider clock) => clock.GetUtcNow().UtcDateTime;

    /// <summary>A stored UTC instant as the time on a UK clock (GMT or BST), for people to read.</summary>
    public static DateTime ToUkTime(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London);

    /// <summary>"3 Jul 2026 14:05 BST" or "23 Nov 2026 13:14 GMT".</summary>
    public static string FormatUk(DateTime utc)
    {
        var local = ToUkTime(utc);
        return local.ToString("d MMM yyyy HH:mm", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))
            + (London.IsDaylightSavingTime(local) ? " BST" : " GMT");
    }
}
