using DhrTracker.Domain.Common;

namespace DhrTracker.Tests.Domain;

public class DateMathTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    private static DateOnly D(int month, int day) => new(2026, month, day);

    [Fact]
    public void OneMonthAfter31JanuaryIs28February()
    {
        Assert.Equal(new DateOnly(2027, 2, 28), DateMath.AddMonths(new DateOnly(2027, 1, 31), 1));
    }

    [Fact]
    public void OneMonthAfter31JanuaryIs29FebruaryInALeapYear()
    {
        Assert.Equal(new DateOnly(2028, 2, 29), DateMath.AddMonths(new DateOnly(2028, 1, 31), 1));
    }

    [Theory]
    [InlineData(2026, 2027, 28)]
    [InlineData(2027, 2028, 29)]
    public void SixMonthsAfter31AugustIsTheLastDayOfFebruary(int year, int expectedYear, int expectedDay)
    {
        Assert.Equal(new DateOnly(expectedYear, 2, expectedDay), DateMath.AddMonths(new DateOnly(year, 8, 31), 6));
    }

    [Fact]
    public void AddingMonthsKeepsTheDayWhenTheMonthHasIt()
    {
        Assert.Equal(new DateOnly(2026, 4, 15), DateMath.AddMonths(new DateOnly(2026, 3, 15), 1));
        Assert.Equal(new DateOnly(2027, 1, 31), DateMath.AddMonths(new DateOnly(2026, 7, 31), 6));
    }

    [Fact]
    public void DaysBetweenIsNegativeWhenTheEndComesFirst()
    {
        Assert.Equal(31, DateMath.DaysBetween(D(3, 1), D(4, 1)));
        Assert.Equal(-31, DateMath.DaysBetween(D(4, 1), D(3, 1)));
        Assert.Equal(0, DateMath.DaysBetween(D(4, 1), D(4, 1)));
    }

    [Fact]
    public void CoveredDaysIsZeroWithNoPeriods()
    {
        Assert.Equal(0, DateMath.CoveredDays([], Today));
    }

    [Fact]
    public void CoveredDaysCountsBothEnds()
    {
        Assert.Equal(10, DateMath.CoveredDays([(D(3, 1), D(3, 10))], Today));
        Assert.Equal(1, DateMath.CoveredDays([(D(3, 1), D(3, 1))], Today));
    }

    [Fact]
    public void CoveredDaysCountsOverlappingDaysOnce()
    {
        // 1–10 and 5–15 March: 15 distinct days, not 10 + 11.
        Assert.Equal(15, DateMath.CoveredDays([(D(3, 1), D(3, 10)), (D(3, 5), D(3, 15))], Today));
    }

    [Fact]
    public void CoveredDaysCountsAPeriodInsideAnotherOnce()
    {
        Assert.Equal(31, DateMath.CoveredDays([(D(3, 1), D(3, 31)), (D(3, 10), D(3, 12))], Today));
    }

    [Fact]
    public void CoveredDaysDoesNotDependOnTheOrderGiven()
    {
        Assert.Equal(15, DateMath.CoveredDays([(D(3, 5), D(3, 15)), (D(3, 1), D(3, 10))], Today));
    }

    [Fact]
    public void CoveredDaysAddsAdjacentPeriodsWithoutLosingOrDoublingADay()
    {
        Assert.Equal(20, DateMath.CoveredDays([(D(3, 1), D(3, 10)), (D(3, 11), D(3, 20))], Today));
    }

    [Fact]
    public void CoveredDaysAddsSeparatePeriods()
    {
        // 1–10 March (10) and 12–20 March (9): the 11th is not covered.
        Assert.Equal(19, DateMath.CoveredDays([(D(3, 1), D(3, 10)), (D(3, 12), D(3, 20))], Today));
    }

    [Fact]
    public void CoveredDaysRunsAnOpenPeriodToToday()
    {
        Assert.Equal(15, DateMath.CoveredDays([(D(6, 1), null)], Today));
    }

    [Fact]
    public void CoveredDaysCountsAnOpenPeriodOverlappingAClosedOneOnce()
    {
        // 25 May–5 June closed, 1 June onwards open to the 15th: 25 May to 15 June is 22 days.
        Assert.Equal(22, DateMath.CoveredDays([(D(5, 25), D(6, 5)), (D(6, 1), null)], Today));
    }

    [Fact]
    public void CoveredDaysIgnoresAPeriodThatEndsBeforeItStarts()
    {
        Assert.Equal(0, DateMath.CoveredDays([(D(3, 10), D(3, 5))], Today));
        Assert.Equal(10, DateMath.CoveredDays([(D(3, 10), D(3, 5)), (D(4, 1), D(4, 10))], Today));
    }

    [Fact]
    public void CoveredDaysIgnoresAnOpenPeriodStartingAfterToday()
    {
        Assert.Equal(0, DateMath.CoveredDays([(Today.AddDays(1), null)], Today));
    }
}
