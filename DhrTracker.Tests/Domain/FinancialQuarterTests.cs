using DhrTracker.Domain.Common;
using DhrTracker.Domain.Reporting;

namespace DhrTracker.Tests.Domain;

[UseCulture("en-GB")]
public class FinancialQuarterTests
{
    [Theory]
    [InlineData(2026, 4, 1, 2026, 1)]
    [InlineData(2026, 6, 30, 2026, 1)]
    [InlineData(2026, 7, 1, 2026, 2)]
    [InlineData(2026, 9, 30, 2026, 2)]
    [InlineData(2026, 10, 1, 2026, 3)]
    [InlineData(2026, 12, 31, 2026, 3)]
    [InlineData(2027, 1, 1, 2026, 4)]
    [InlineData(2027, 3, 31, 2026, 4)]
    public void ContainingFindsTheFinancialQuarter(int year, int month, int day, int startYear, int number)
    {
        Assert.Equal(new FinancialQuarter(startYear, number), FinancialQuarter.Containing(new DateOnly(year, month, day)));
    }

    [Fact]
    public void LabelIsWrittenTheWayPapersWriteIt()
    {
        Assert.Equal("Q2 2026/27", new FinancialQuarter(2026, 2).Label);
        Assert.Equal("Q4 2026/27", FinancialQuarter.Containing(new DateOnly(2027, 2, 14)).Label);
        Assert.Equal("Q1 2099/00", new FinancialQuarter(2099, 1).Label);
        Assert.Equal("Q3 2009/10", new FinancialQuarter(2009, 3).Label);
        Assert.Equal("Q2 2026/27", new FinancialQuarter(2026, 2).ToString());
    }

    [Theory]
    [InlineData(1, "2026-04-01", "2026-06-30", "April–June")]
    [InlineData(2, "2026-07-01", "2026-09-30", "July–September")]
    [InlineData(3, "2026-10-01", "2026-12-31", "October–December")]
    [InlineData(4, "2027-01-01", "2027-03-31", "January–March")]
    public void QuarterRunsFromItsFirstToItsLastDay(int number, string start, string end, string months)
    {
        var quarter = new FinancialQuarter(2026, number);

        Assert.Equal(DateOnly.ParseExact(start, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), quarter.Start);
        Assert.Equal(DateOnly.ParseExact(end, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), quarter.End);
        Assert.Equal(months, quarter.Months);
    }

    [Fact]
    public void ContainsIncludesBothEnds()
    {
        var quarter = new FinancialQuarter(2026, 4);

        Assert.True(quarter.Contains(new DateOnly(2027, 1, 1)));
        Assert.True(quarter.Contains(new DateOnly(2027, 3, 31)));
        Assert.False(quarter.Contains(new DateOnly(2026, 12, 31)));
        Assert.False(quarter.Contains(new DateOnly(2027, 4, 1)));
    }

    [Fact]
    public void EveryDayOfAYearIsInTheQuarterContainingIt()
    {
        for (var day = new DateOnly(2027, 1, 1); day.Year == 2027; day = day.AddDays(1))
        {
            Assert.True(FinancialQuarter.Containing(day).Contains(day), day.ToString("O"));
        }
    }

    [Fact]
    public void PreviousAndNextCrossFinancialYears()
    {
        Assert.Equal(new FinancialQuarter(2025, 4), new FinancialQuarter(2026, 1).Previous);
        Assert.Equal(new FinancialQuarter(2027, 1), new FinancialQuarter(2026, 4).Next);
        Assert.Equal(new FinancialQuarter(2026, 2), new FinancialQuarter(2026, 3).Previous);
        Assert.Equal(new FinancialQuarter(2026, 4), new FinancialQuarter(2026, 3).Next);
        Assert.Equal(new FinancialQuarter(2026, 4).End.AddDays(1), new FinancialQuarter(2026, 4).Next.Start);
    }

    [Fact]
    public void QuartersAreOrdered()
    {
        var q4 = new FinancialQuarter(2025, 4);
        var q1 = new FinancialQuarter(2026, 1);

        Assert.True(q4 < q1);
        Assert.True(q1 > q4);
        Assert.True(q1 <= new FinancialQuarter(2026, 1));
        Assert.True(q1 >= q4);
        Assert.Equal(new[] { q4, q1, q1.Next }, new[] { q1.Next, q4, q1 }.Order());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void QuarterNumberMustBe1To4(int number)
    {
        var ex = Assert.Throws<DomainException>(() => new FinancialQuarter(2026, number));

        Assert.Equal(nameof(FinancialQuarter.Number), ex.Field);
    }

    [Theory]
    [InlineData(1998)]
    [InlineData(2101)]
    public void FinancialYearMustStartBetween1999And2100(int startYear)
    {
        Assert.Throws<DomainException>(() => new FinancialQuarter(startYear, 1));
    }

    [Fact]
    public void TryParseRoundTripsEveryLabel()
    {
        foreach (var quarter in new[] { new FinancialQuarter(2026, 1), new FinancialQuarter(2026, 2), new FinancialQuarter(2026, 3), new FinancialQuarter(2026, 4), new FinancialQuarter(2099, 1), new FinancialQuarter(2000, 1) })
        {
            Assert.True(FinancialQuarter.TryParse(quarter.Label, out var parsed), quarter.Label);
            Assert.Equal(quarter, parsed);
        }
    }

    [Theory]
    [InlineData("q3 2026/27")]
    [InlineData("  Q3 2026/27 ")]
    [InlineData("Q3  2026/27")]
    public void TryParseForgivesCaseAndSpaces(string text)
    {
        Assert.True(FinancialQuarter.TryParse(text, out var parsed));
        Assert.Equal(new FinancialQuarter(2026, 3), parsed);
    }

    [Theory]
    [InlineData("Q5 2026/27")]
    [InlineData("Q0 2026/27")]
    [InlineData("Q1 2026/28")]
    [InlineData("Q1 2026/26")]
    [InlineData("Q1 2026-27")]
    [InlineData("Q1 26/27")]
    [InlineData("2026/27")]
    [InlineData("Q1 1998/99")]
    [InlineData("Q1 2101/02")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParseRejectsWhatIsNotAQuarter(string? text)
    {
        Assert.False(FinancialQuarter.TryParse(text, out var parsed));
        Assert.Equal(default, parsed);
    }
}
