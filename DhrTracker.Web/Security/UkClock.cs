namespace DhrTracker.Web.Security;

/// <summary>Partnerships work to UK dates: "today" is the date in London, not in UTC.</summary>
public static class UkClock
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), London).DateTime);

    public static DateTime UtcNow(TimeProvider clock) => clock.GetUtcNow().UtcDateTime;
}
