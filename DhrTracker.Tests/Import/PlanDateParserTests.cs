using DhrTracker.Infrastructure.Import;

namespace DhrTracker.Tests.Import;

public class PlanDateParserTests
{
    [Theory]
    [InlineData("April 2014", 2014, 4, 30)]
    [InlineData("By Jan 2014", 2014, 1, 31)]
    [InlineData("by end of Jan 2014", 2014, 1, 31)]
    [InlineData("By the end of February 2016", 2016, 2, 29)]
    [InlineData("Oct '13", 2013, 10, 31)]
    [InlineData("Oct ’13", 2013, 10, 31)]
    [InlineData("Sept 2013", 2013, 9, 30)]
    [InlineData("Sept. 2013", 2013, 9, 30)]
    [InlineData("Dec 13", 2013, 12, 31)]
    [InlineData("Apr-14", 2014, 4, 30)]
    [InlineData("04/2014", 2014, 4, 30)]
    [InlineData("End March 2014", 2014, 3, 31)]
    [InlineData("Before June 2015", 2015, 6, 30)]
    [InlineData("Jan – March 2014", 2014, 3, 31)]
    [InlineData("April 2014*", 2014, 4, 30)]
    [InlineData("April 2014[1]", 2014, 4, 30)]
    public void A_month_is_read_as_its_last_day(string written, int year, int month, int day)
    {
        var read = PlanDateParser.Parse(written);

        Assert.Equal(new DateOnly(year, month, day), read.Date);
        Assert.False(read.NeedsAttention);
        Assert.Equal(written.Replace("*", string.Empty).Replace("[1]", string.Empty), read.Original);
    }

    [Theory]
    [InlineData("31 March 2014", 2014, 3, 31)]
    [InlineData("31st Mar 2014", 2014, 3, 31)]
    [InlineData("1st of April 2014", 2014, 4, 1)]
    [InlineData("31/03/2014", 2014, 3, 31)]
    [InlineData("31/3/14", 2014, 3, 31)]
    [InlineData("31.03.14", 2014, 3, 31)]
    [InlineData("01-04-2014", 2014, 4, 1)]
    [InlineData("2014-03-31", 2014, 3, 31)]
    [InlineData("March 31, 2014", 2014, 3, 31)]
    [InlineData("by 30 June 2014", 2014, 6, 30)]
    [InlineData("13 Dec 13", 2013, 12, 13)]
    public void A_day_is_read_as_that_day_day_first(string written, int year, int month, int day)
    {
        var read = PlanDateParser.Parse(written);

        Assert.Equal(PlanDateKind.Exact, read.Kind);
        Assert.Equal(new DateOnly(year, month, day), read.Date);
    }

    [Theory]
    [InlineData("2014", 2014, 12, 31)]
    [InlineData("2014/15", 2015, 3, 31)]
    [InlineData("Q1 2014/15", 2014, 6, 30)]
    [InlineData("Q2 2014/15", 2014, 9, 30)]
    [InlineData("Q4 2014/15", 2015, 3, 31)]
    public void A_year_or_quarter_is_read_as_its_end(string written, int year, int month, int day)
    {
        var read = PlanDateParser.Parse(written);

        Assert.Equal(PlanDateKind.EndOfPeriod, read.Kind);
        Assert.Equal(new DateOnly(year, month, day), read.Date);
        Assert.NotNull(read.Message);
    }

    [Fact]
    public void From_a_month_is_a_start_with_no_target_date_but_the_start_is_kept()
    {
        var read = PlanDateParser.Parse("From July 2013");

        Assert.Equal(PlanDateKind.StartOnly, read.Kind);
        Assert.Null(read.Date);
        Assert.Equal(new DateOnly(2013, 7, 1), read.StartsOn);
        Assert.True(read.NeedsAttention);
        Assert.False(read.IsUnreadable);
        Assert.Contains("1 July 2013", read.Message);
    }

    [Fact]
    public void Commencing_and_ongoing_is_ongoing_from_the_start()
    {
        var read = PlanDateParser.Parse("Commencing Oct 2013 and ongoing");

        Assert.Equal(PlanDateKind.Ongoing, read.Kind);
        Assert.Null(read.Date);
        Assert.Equal(new DateOnly(2013, 10, 1), read.StartsOn);
        Assert.True(read.NeedsAttention);
        Assert.Equal("Ongoing from 1 October 2013: no target date.", read.Message);
    }

    [Theory]
    [InlineData("Quarterly", PlanDateKind.Recurring)]
    [InlineData("Annually", PlanDateKind.Recurring)]
    [InlineData("Six-monthly", PlanDateKind.Recurring)]
    [InlineData("Every 3 months", PlanDateKind.Recurring)]
    [InlineData("Ongoing", PlanDateKind.Ongoing)]
    [InlineData("On-going", PlanDateKind.Ongoing)]
    [InlineData("TBC", PlanDateKind.NotYetSet)]
    [InlineData("To be agreed", PlanDateKind.NotYetSet)]
    public void Recurring_ongoing_and_to_be_confirmed_have_no_date_and_are_flagged(string written, PlanDateKind kind)
    {
        var read = PlanDateParser.Parse(written);

        Assert.Equal(kind, read.Kind);
        Assert.Null(read.Date);
        Assert.True(read.NeedsAttention);
        Assert.False(read.IsUnreadable);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-")]
    [InlineData("N/A")]
    [InlineData("Not set")]
    [InlineData(null)]
    public void Nothing_written_is_no_date_and_not_flagged(string? written)
    {
        var read = PlanDateParser.Parse(written);

        Assert.Equal(PlanDateKind.None, read.Kind);
        Assert.False(read.NeedsAttention);
    }

    [Theory]
    [InlineData("After the trial", null)]
    [InlineData("Spring 2014", null)]
    [InlineData("ASAP", null)]
    [InlineData("31/02/2014", "there is no such day")]
    [InlineData("13/13/2014", "there is no such day")]
    [InlineData("April 1999", "the year must be between 2000 and 2100")]
    [InlineData("From the next meeting", "it says when the work starts but gives no date it can read")]
    public void Anything_else_is_not_interpretable(string written, string? why)
    {
        var read = PlanDateParser.Parse(written);

        Assert.True(read.IsUnreadable);
        Assert.Null(read.Date);
        Assert.Equal(written, read.Original);
        Assert.Equal(why is null ? "Could not read this date." : $"Could not read this date: {why}.", read.Message);
    }

    [Theory]
    [InlineData("Completed March 2014", 2014, 3, 31)]
    [InlineData("Complete: 15/09/2013", 2013, 9, 15)]
    [InlineData("Done 3 May 2014", 2014, 5, 3)]
    public void A_completion_date_is_read_without_the_word_completed(string written, int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), PlanDateParser.ParseCompletion(written).Date);
    }

    [Fact]
    public void Dates_are_found_inside_running_text_with_their_by_or_from()
    {
        const string line = "Training delivered to 80% of officers by April 2014 (first cohort 12/01/2014)";

        var found = PlanDateParser.FindAll(line);

        Assert.Equal(2, found.Count);
        Assert.Equal("by April 2014", line.Substring(found[0].Start, found[0].Length));
        Assert.Equal(new DateOnly(2014, 4, 30), found[0].Date.Date);
        Assert.Equal("12/01/2014", line.Substring(found[1].Start, found[1].Length));
        Assert.Equal(new DateOnly(2014, 1, 12), found[1].Date.Date);
    }

    [Fact]
    public void A_spreadsheet_date_is_exact()
    {
        var read = PlanDateParser.FromCalendar(new DateOnly(2014, 3, 31));

        Assert.Equal(PlanDateKind.Exact, read.Kind);
        Assert.Equal("31 March 2014", read.Original);
    }
}
