using DhrTracker.Domain.Recommendations;
using DhrTracker.Infrastructure.Import;

namespace DhrTracker.Tests.Import;

public class ExcelPlanReaderTests
{
    private static readonly AgencyMatcher Matcher = new(AgencyMatcherTests.Eastshire);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void Inspecting_finds_the_header_row_below_the_title_and_suggests_every_column()
    {
        var sheets = new ExcelPlanReader().Inspect(SamplePlans.ExcelTracker(), "tracker.xlsx");

        Assert.Equal(["Notes", "Tracker"], sheets.Select(s => s.Name));
        Assert.Equal([false, true], sheets.Select(s => s.LooksLikePlan));
        Assert.Null(sheets[0].Suggested.Action);
        var tracker = sheets[1];
        Assert.Equal(3, tracker.HeaderRow);
        Assert.Equal(7, tracker.DataRows);
        Assert.Equal(
            ["A – Rec No", "B – Recommendation", "C – Scope", "D – Action", "E – Lead Agency", "F – Supporting Agencies", "G – Lead Officer", "H – Key Milestones", "I – Target Date", "J – Date Completed", "K – Outcome / Evidence", "L – RAG"],
            tracker.Columns.Select(c => c.Label));
        Assert.Equal(["Deliver coercive control training.", "Audit recording of coercive control.", "Add a domestic abuse prompt to the GP clinical system."], tracker.Columns[3].Examples);
        Assert.Equal(
            new ColumnMapping
            {
                Sheet = "Tracker",
                HeaderRow = 3,
                RecommendationNumber = "A",
                Recommendation = "B",
                Scope = "C",
                Action = "D",
                LeadAgency = "E",
                SupportingAgencies = "F",
                LeadOfficer = "G",
                Milestones = "H",
                TargetDate = "I",
                CompletionDate = "J",
                CompletionOutcome = "K",
                Rating = "L",
            },
            tracker.Suggested);
    }

    [Fact]
    public void The_tracker_gives_every_recommendation_action_agency_milestone_and_date()
    {
        var reader = new ExcelPlanReader(Matcher);
        var mapping = reader.Inspect(SamplePlans.ExcelTracker(), "tracker.xlsx")[1].Suggested;

        var plan = reader.Read(SamplePlans.ExcelTracker(), "tracker.xlsx", mapping);

        Assert.Equal(ImportSource.Excel, plan.Source);
        Assert.Equal(["1", "2", "3", "3(a)"], plan.Recommendations.Select(r => r.Number));
        Assert.Equal(
            [
                "Eastshire Constabulary should train response officers to recognise coercive control.",
                "GP practices should ask about domestic abuse.",
                "The Home Office should issue guidance on firearms licensing.",
                "Housing providers should recognise domestic abuse among tenants.",
            ],
            plan.Recommendations.Select(r => r.Text));
        Assert.Equal([RecommendationScope.Local, RecommendationScope.Local, RecommendationScope.National, RecommendationScope.Local], plan.Recommendations.Select(r => r.Scope));
        Assert.Equal([2, 2, 1, 2], plan.Recommendations.Select(r => r.Actions.Count));

        var expected = new (string Description, string Lead, string Supporting, string? Officer, PlanDateKind Kind, DateOnly? Target)[]
        {
            ("Deliver coercive control training.", "Police", "Haven", "DI Sarah Cole", PlanDateKind.Exact, D(2014, 4, 30)),
            ("Audit recording of coercive control.", "Eastshire Constabulary", string.Empty, null, PlanDateKind.EndOfMonth, D(2014, 6, 30)),
            ("Add a domestic abuse prompt to the GP clinical system.", "CCG", "Riverside Medical Practice|Market Street Surgery", null, PlanDateKind.EndOfMonth, D(2013, 12, 31)),
            ("Run IRIS training.", "ICB", "Haven Domestic Abuse Service", null, PlanDateKind.Exact, D(2014, 3, 31)),
            ("Write to the Home Office.", "Home Office", string.Empty, null, PlanDateKind.Recurring, null),
            ("Train housing officers.", "Eastshire Homes", string.Empty, null, PlanDateKind.EndOfMonth, D(2013, 10, 31)),
            ("Add domestic abuse to the tenancy checklist.", "Housing", string.Empty, null, PlanDateKind.Unreadable, null),
        };
        Assert.Equal(
            expected,
            plan.Actions.Select(a => (a.Description, a.LeadAgency!, string.Join("|", a.SupportingAgencies), a.LeadOfficer, a.TargetDate.Kind, a.TargetDate.Date)));

        var first = plan.Recommendations[0].Actions[0];
        Assert.Equal([("Package agreed", D(2013, 9, 30)), ("Training delivered", D(2014, 4, 30))], first.Milestones.Select(m => (m.Description, m.DueOn.Date!.Value)));
        Assert.True(first.IsComplete);
        Assert.Equal((D(2014, 4, 25), "412 officers trained"), (first.CompletedOn.Date!.Value, first.CompletionOutcome!));
        Assert.Equal([("Prompt live", D(2013, 12, 31))], plan.Recommendations[1].Actions[0].Milestones.Select(m => (m.Description, m.DueOn.Date!.Value)));

        var housing = plan.Recommendations[3].Actions[0];
        Assert.Equal((D(2013, 10, 20), "All housing officers trained"), (housing.CompletedOn.Date!.Value, housing.CompletionOutcome!));
        Assert.Equal(2, plan.Actions.Count(a => a.IsComplete));

        Assert.Empty(plan.UnmatchedAgencyNames);
        Assert.Equal(
            [("Police", 1), ("Haven", 11), ("Eastshire Constabulary", 1), ("CCG", 3), ("Riverside Medical Practice", 4), ("Market Street Surgery", 5), ("ICB", 3), ("Haven Domestic Abuse Service", 11), ("Home Office", 15), ("Eastshire Homes", 12), ("Housing", 12)],
            plan.AgencyNames.Select(n => (n, plan.AgencyMatches[n].AgencyId!.Value)));
        Assert.Equal("Sheet \"Tracker\", row 11", plan.Recommendations[3].Actions[1].Where);
    }

    [Fact]
    public void A_mapping_chosen_by_hand_reads_a_sheet_whose_headings_say_nothing()
    {
        var bytes = new XlsxBuilder()
            .Sheet("Data")
            .Row(1, "Col1", "Col2", "Col3", "Col4", "Col5")
            .Row(2, "Police should train officers.", "Train officers.", "April 2014", "Police", "R1")
            .Row(3, "Police should train officers.", "Audit the training.", "2014-09-30", "Police", "R1")
            .Row(4, "Health should screen.", "Screen patients.", new DateOnly(2015, 1, 15), "ICB", "R2")
            .Build();
        var reader = new ExcelPlanReader(Matcher);

        var suggested = Assert.Single(reader.Inspect(bytes, "data.xlsx")).Suggested;
        Assert.Null(suggested.Action);

        var plan = reader.Read(bytes, "data.xlsx", new ColumnMapping { Sheet = "Data", HeaderRow = 1, RecommendationNumber = "E", Recommendation = "A", Action = "B", TargetDate = "C", LeadAgency = "D" });

        Assert.Equal(["R1", "R2"], plan.Recommendations.Select(r => r.Number));
        Assert.Equal([D(2014, 4, 30), D(2014, 9, 30), D(2015, 1, 15)], plan.Actions.Select(a => a.TargetDate.Date!.Value));
        Assert.Equal([1, 1, 3], plan.Actions.Select(a => plan.AgencyMatches[a.LeadAgency!].AgencyId!.Value));
    }

    [Fact]
    public void A_mapping_without_an_action_column_is_refused_with_a_message()
    {
        var ex = Assert.Throws<ImportException>(() =>
            new ExcelPlanReader().Read(SamplePlans.ExcelTracker(), "tracker.xlsx", new ColumnMapping { Sheet = "Tracker", HeaderRow = 3, Recommendation = "B" }));

        Assert.Equal("Choose the column that holds the actions.", ex.Message);
    }

    [Fact]
    public void A_column_chosen_twice_is_reported_against_the_second_field()
    {
        var problems = new ColumnMapping { Recommendation = "B", Action = "D", TargetDate = "D" }.Problems();

        var problem = Assert.Single(problems);
        Assert.Equal(PlanColumn.TargetDate, problem.Field);
        Assert.Equal("Column D is chosen for both action to take and target date.", problem.Message);
    }

    [Fact]
    public void Columns_that_hold_no_actions_are_refused()
    {
        var ex = Assert.Throws<ImportException>(() =>
            new ExcelPlanReader().Read(SamplePlans.ExcelTracker(), "tracker.xlsx", new ColumnMapping { Sheet = "Tracker", HeaderRow = 3, Recommendation = "B", Action = "Z" }));

        Assert.Equal("No actions were found in sheet \"Tracker\" below row 3 in the columns chosen. Check the header row and that the action column is Z.", ex.Message);
    }

    [Fact]
    public void A_sheet_that_does_not_exist_is_refused()
    {
        var ex = Assert.Throws<ImportException>(() =>
            new ExcelPlanReader().Read(SamplePlans.ExcelTracker(), "tracker.xlsx", new ColumnMapping { Sheet = "Plan 2019", Recommendation = "B", Action = "D" }));

        Assert.Equal("This workbook has no sheet called \"Plan 2019\". Choose one of its sheets.", ex.Message);
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(27, "AB")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void Column_letters_and_indexes_convert_both_ways(int index, string letters)
    {
        Assert.Equal(letters, ExcelPlanReader.Letter(index));
        Assert.Equal(index, ExcelPlanReader.ColumnIndex(letters));
    }
}
