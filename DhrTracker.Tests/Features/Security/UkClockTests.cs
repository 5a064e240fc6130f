using DhrTracker.Web.Security;

namespace DhrTracker.Tests.Features.Security;

/// <summary>Times are stored in UTC and read by people in the UK: summer times move an hour and say so.</summary>
public sealed class UkClockTests
{
    [Fact]
    public void WinterTimeIsGmtAndUnchanged() =>
        Assert.Equal("23 Nov 2026 13:14 GMT", UkClock.FormatUk(new DateTime(2026, 11, 23, 13, 14, 0, DateTimeKind.Utc)));

    [Fact]
    public void SummerTimeIsAnHourAheadAndSaysBst() =>
        Assert.Equal("3 Jul 2026 15:05 BST", UkClock.FormatUk(new DateTime(2026, 7, 3, 14, 5, 0, DateTimeKind.Utc)));

    [Fact]
    public void LateEveningUtcInSummerIsTheNextDayInTheUk() =>
        Assert.Equal("1 Jun 2026 00:30 BST", UkClock.FormatUk(new DateTime(2026, 5, 31, 23, 30, 0, DateTimeKind.Utc)));

    [Fact]
    public void TheClocksGoForwardAtOneInTheMorningUtc()
    {
        Assert.Equal("29 Mar 2026 00:59 GMT", UkClock.FormatUk(new DateTime(2026, 3, 29, 0, 59, 0, DateTimeKind.Utc)));
        Assert.Equal("29 Mar 2026 02:00 BST", UkClock.FormatUk(new DateTime(2026, 3, 29, 1, 0, 0, DateTimeKind.Utc)));
    }
}
