using DhrTracker.Domain.Common;
using DhrTracker.Infrastructure.Time;
using Microsoft.Extensions.Time.Testing;

namespace DhrTracker.Tests.Domain;

/// <summary>
/// Times are stored in UTC and read by people in the UK. "Today" is the UK date: between midnight and 01:00 in
/// summer the UTC date is still yesterday's, and on the two clock-change days the day is 23 or 25 hours long.
/// </summary>
public sealed class UkTimeTests
{
    [Fact]
    public void WinterTimeIsGmtAndUnchanged() =>
        Assert.Equal("23 Nov 2026 13:14 GMT", UkTime.Format(new DateTime(2026, 11, 23, 13, 14, 0, DateTimeKind.Utc)));

    [Fact]
    public void SummerTimeIsAnHourAheadAndSaysBst() =>
        Assert.Equal("3 Jul 2026 15:05 BST", UkTime.Format(new DateTime(2026, 7, 3, 14, 5, 0, DateTimeKind.Utc)));

    [Fact]
    public void LateEveningUtcInSummerIsTheNextDayInTheUk() =>
        Assert.Equal("1 Jun 2026 00:30 BST", UkTime.Format(new DateTime(2026, 5, 31, 23, 30, 0, DateTimeKind.Utc)));

    [Fact]
    public void TheClocksGoForwardAtOneInTheMorningUtc()
    {
        Assert.Equal("29 Mar 2026 00:59 GMT", UkTime.Format(new DateTime(2026, 3, 29, 0, 59, 0, DateTimeKind.Utc)));
        Assert.Equal("29 Mar 2026 02:00 BST", UkTime.Format(new DateTime(2026, 3, 29, 1, 0, 0, DateTimeKind.Utc)));
    }

    [Theory]
    // 00:30 BST on 1 June is 23:30 UTC on 31 May: the UK date is already 1 June.
    [InlineData("2026-05-31T23:30:00Z", "2026-06-01")]
    // 23:30 GMT is 23:30 UTC: the same date.
    [InlineData("2026-11-30T23:30:00Z", "2026-11-30")]
    // Clocks go forward on 29 March 2026: 23:30 UTC on the 28th is 23:30 GMT, still the 28th ...
    [InlineData("2026-03-28T23:30:00Z", "2026-03-28")]
    // ... and 23:30 UTC on the 29th is 00:30 BST on the 30th.
    [InlineData("2026-03-29T23:30:00Z", "2026-03-30")]
    // Clocks go back on 25 October 2026: 23:30 UTC on the 24th is 00:30 BST on the 25th ...
    [InlineData("2026-10-24T23:30:00Z", "2026-10-25")]
    // ... and 23:30 UTC on the 25th is 23:30 GMT, still the 25th.
    [InlineData("2026-10-25T23:30:00Z", "2026-10-25")]
    public void TodayIsTheUkDate(string utc, string expected)
    {
        var clock = new UkClock(new FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), clock.Today);
        Assert.Equal(DateTimeKind.Utc, clock.UtcNow.Kind);
    }

    [Fact]
    public void AUkDayStartsAtMidnightLondonTime()
    {
        Assert.Equal(new DateTime(2026, 5, 31, 23, 0, 0, DateTimeKind.Utc), UkTime.StartOfDayUtc(new DateOnly(2026, 6, 1)));
        Assert.Equal(new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), UkTime.StartOfDayUtc(new DateOnly(2026, 12, 1)));
        // The 23-hour and 25-hour days.
        Assert.Equal(TimeSpan.FromHours(23), UkTime.StartOfDayUtc(new DateOnly(2026, 3, 30)) - UkTime.StartOfDayUtc(new DateOnly(2026, 3, 29)));
        Assert.Equal(TimeSpan.FromHours(25), UkTime.StartOfDayUtc(new DateOnly(2026, 10, 26)) - UkTime.StartOfDayUtc(new DateOnly(2026, 10, 25)));
    }

    [Fact]
    public void AWallClockTimeTheClocksSkipMovesToTheNextValidMinute()
    {
        // 01:30 on 29 March 2026 does not exist in London: 02:00 BST, which is 01:00 UTC.
        Assert.Equal(new DateTime(2026, 3, 29, 1, 0, 0, DateTimeKind.Utc), UkTime.ToUtc(new DateOnly(2026, 3, 29), new TimeOnly(1, 30)));
        Assert.Equal(new DateTime(2026, 7, 6, 7, 0, 0, DateTimeKind.Utc), UkTime.ToUtc(new DateOnly(2026, 7, 6), new TimeOnly(8, 0)));
        Assert.Equal(new DateTime(2026, 11, 2, 8, 0, 0, DateTimeKind.Utc), UkTime.ToUtc(new DateOnly(2026, 11, 2), new TimeOnly(8, 0)));
    }
}
