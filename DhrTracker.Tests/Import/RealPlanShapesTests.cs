using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Agencies;
using DhrTracker.Infrastructure.Import;
using DhrTracker.Tests.Support;

namespace DhrTracker.Tests.Import;

/// <summary>The reading rules for the shapes real plans have (issue 17), on documents the tests build.</summary>
public class RealPlanShapesTests
{
    private static readonly AgencyMatcher Matcher = new(AgencyMatcherTests.Eastshire);

    private static ImportedPlan ReadWord() => new WordPlanReader(Matcher).Read(ShapedPlans.WordPlan(), "Adult W.docx");

    private static ImportedRecommendation Rec(ImportedPlan plan, string number) => plan.Recommendations.Single(r => r.Number == number);

    [Fact]
    public void The_word_plan_reads_as_fourteen_recommendations_in_order_with_one_action_each_but_two()
    {
        var plan = ReadWord();

        Assert.Equal(Enumerable.Range(1, 14).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), plan.Recommendations.Select(r => r.Number));
        Assert.Equal([1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], plan.Recommendations.Select(r => r.Actions.Count));
        Each.Of(plan.Recommendations, r => Assert.Null(r.NumberNote));
    }

    [Fact]
    public void The_guidance_row_is_skipped_listed_as_not_imported_and_adds_no_agency_or_milestone()
    {
        var plan = ReadWord();

        Assert.Equal("Eastshire Constabulary should train all response officers to recognise coercive control.", Rec(plan, "1").Text);
        Assert.Equal(["Training package agreed"], Rec(plan, "1").Actions.SelectMany(a => a.Milestones).Select(m => m.Description));
        Assert.DoesNotContain(plan.AgencyNames, n => n.Contains("Head of Service", StringComparison.OrdinalIgnoreCase));
        var skipped = plan.NotImported.Where(n => n.Where == "Table 1, row 2").ToList();
        Assert.Equal(ShapedPlans.GuidanceRow, skipped.Select(n => n.Text));
        Each.Of(skipped, n => Assert.Contains("guidance", n.Why, StringComparison.Ordinal));
        Assert.Contains(plan.Problems, p => p.Where == "Table 1, row 2" && p.Message.StartsWith("Skipped", StringComparison.Ordinal));
    }

    [Fact]
    public void A_guidance_row_is_recognised_by_its_wording_whatever_the_questions_say()
    {
        var plan = new WordPlanReader(Matcher).Read(
            new DocxBuilder().Table(t => t
                .Header("Ref", "Recommendation", "Actions", "Responsible agency", "Timescale")
                .Row(C.Empty, C.Text("Which recommendation of the overview report is this?"), C.Text("What will be done, e.g. training or an audit?"), C.Text("Who will lead it?"), C.Text("By when?"))
                .Row(C.Text("1"), C.Text("Agencies should train staff."), C.Text("Train staff."), C.Text("Eastshire County Council"), C.Text("May 2014")))
                .Build(),
            "plan.docx");

        Assert.Equal(["Agencies should train staff."], plan.Recommendations.Select(r => r.Text));
        Assert.Equal(["Train staff."], plan.Actions.Select(a => a.Description));
        Assert.Equal(4, plan.NotImported.Count);
    }

    [Fact]
    public void A_recommendation_continued_at_the_top_of_the_next_table_is_joined_and_the_next_keeps_its_number()
    {
        var plan = ReadWord();

        Assert.Equal(ShapedPlans.Rec7Start[3..] + " " + ShapedPlans.Rec7End, Rec(plan, "7").Text);
        Assert.StartsWith("The ambulance service", Rec(plan, "8").Text, StringComparison.Ordinal);
        Assert.Contains(plan.Problems, p => p.Where == "Table 2, row 1" && p.Message.Contains("recommendation 7", StringComparison.Ordinal));
    }

    [Fact]
    public void Action_text_continued_in_the_next_table_is_joined_to_the_action_and_flagged()
    {
        var plan = ReadWord();

        var action = Assert.Single(Rec(plan, "9").Actions);
        Assert.Equal(ShapedPlans.Rec9ActionStart + " " + ShapedPlans.Rec9ActionEnd, action.Description);
        Assert.Equal("Eastshire Interfaith Network", action.LeadAgency);
        Assert.Contains(action.Notes, n => n.Contains("Table 3, row 2", StringComparison.Ordinal));
    }

    [Fact]
    public void Lettered_lines_in_one_cell_are_one_action_offered_to_be_split()
    {
        var plan = ReadWord();

        var action = Assert.Single(Rec(plan, "3").Actions);
        Assert.Equal(ShapedPlans.Rec3Action, action.Description);
        Assert.Equal(
            ["Refresh the MARAC information sharing protocol.", "Audit MARAC attendance by every agency.", "Report attendance to the partnership every quarter."],
            action.SplitParts);
        Assert.Equal("Eastshire County Council", action.LeadAgency);
    }

    [Fact]
    public void Lettered_parts_run_on_in_one_line_are_found_too_but_not_a_lone_letter()
    {
        Assert.Equal(["Write to the Home Office.", "Share the learning."], PlanText.LetteredParts(["(a) Write to the Home Office. (b) Share the learning."]));
        Assert.Empty(PlanText.LetteredParts(["Train staff in plan a) only."]));
        Assert.Empty(PlanText.LetteredParts(["a) Train staff. c) Audit."]));
    }

    [Fact]
    public void A_blank_lead_in_a_continued_row_takes_the_lead_above_and_is_flagged()
    {
        var plan = ReadWord();

        var audit = Rec(plan, "2").Actions[1];
        Assert.Equal("Audit the use of the prompt after six months.", audit.Description);
        Assert.Equal("Eastshire CCG", audit.LeadAgency);
        Assert.Contains(audit.Notes, n => n.Contains("lead of the action above", StringComparison.Ordinal));
        Assert.DoesNotContain(Rec(plan, "2").Actions[0].Notes, n => n.Contains("lead of the action above", StringComparison.Ordinal));
    }

    [Fact]
    public void The_last_column_is_the_outcome_sought_for_open_actions_and_a_flagged_completion_when_it_says_completed()
    {
        var plan = ReadWord();

        var open = Rec(plan, "1").Actions[0];
        Assert.Equal("All response officers able to recognise coercive control and record it.", open.OutcomeSought);
        Assert.Null(open.ProgressNote);
        Assert.False(open.CompletedOn.HasDate);

        var done = Rec(plan, "2").Actions[0];
        Assert.Equal(new DateOnly(2014, 3, 31), done.CompletedOn.Date);
        Assert.Equal("Prompt live in all practices.", done.CompletionOutcome);
        Assert.True(done.IsComplete);
        Assert.Contains(done.Notes, n => n.Contains("Completed March 2014", StringComparison.Ordinal));

        var dated = Rec(plan, "12").Actions[0];
        Assert.Equal(new DateOnly(2015, 1, 15), dated.CompletedOn.Date);
        Assert.Equal("Training in place for every practice.", dated.CompletionOutcome);

        var ongoing = Rec(plan, "6").Actions[0];
        Assert.Equal("Ongoing – half of the plans reviewed.", ongoing.ProgressNote);
        Assert.Equal("Ongoing – half of the plans reviewed.", ongoing.OutcomeSought);
    }

    [Fact]
    public void A_date_in_the_lead_cell_is_read_as_a_date_not_an_agency()
    {
        var plan = ReadWord();

        var action = Rec(plan, "4").Actions[0];
        Assert.Null(action.LeadAgency);
        Assert.Equal(new DateOnly(2014, 4, 30), action.TargetDate.Date);
        Assert.DoesNotContain("By April 2014", plan.AgencyNames);
        Assert.Contains(action.Notes, n => n.Contains("read as the target date", StringComparison.Ordinal));
    }

    [Fact]
    public void The_lines_of_a_cell_are_joined_with_spaces_never_run_together()
    {
        var plan = ReadWord();

        var target = Rec(plan, "5").Actions[0].TargetDate;
        Assert.Equal("By April 2014; By Jan 2014", target.Original);
        Assert.Equal(new DateOnly(2014, 4, 30), target.Date);
        Each.Of(plan.Actions, a => Assert.DoesNotContain("\n", a.Description, StringComparison.Ordinal));
    }

    [Fact]
    public void A_column_the_importer_does_not_read_is_listed_as_not_imported()
    {
        var plan = new WordPlanReader(Matcher).Read(
            new DocxBuilder().Table(t => t
                .Header("Ref", "Recommendation", "Actions", "Lead agency", "Timescale", "Budget")
                .Row(C.Text("1"), C.Text("Agencies should train staff."), C.Text("Train staff."), C.Text("Eastshire County Council"), C.Text("May 2014"), C.Text("£2,000 from the CSP")))
                .Build(),
            "plan.docx");

        var cell = Assert.Single(plan.NotImported);
        Assert.Equal(("Table 1, row 2", "\"Budget\"", "£2,000 from the CSP"), (cell.Where, cell.Column, cell.Text));
    }

    // ---- Excel ----------------------------------------------------------------------------------------

    private static ImportedPlan ReadExcel()
    {
        var reader = new ExcelPlanReader(Matcher);
        var sheet = reader.Inspect(ShapedPlans.ExcelTracker(), "tracker.xlsx").Single();
        return reader.Read(ShapedPlans.ExcelTracker(), "tracker.xlsx", sheet.Suggested);
    }

    [Fact]
    public void The_tracker_suggests_the_rag_and_notes_columns()
    {
        var sheet = new ExcelPlanReader(Matcher).Inspect(ShapedPlans.ExcelTracker(), "tracker.xlsx").Single();

        Assert.Equal(3, sheet.HeaderRow);
        Assert.Equal(("F", "G"), (sheet.Suggested.Rating, sheet.Suggested.Progress));
    }

    [Fact]
    public void A_key_row_under_the_data_is_left_out_and_shown_as_such()
    {
        var plan = ReadExcel();

        Assert.Equal(["1", "2", "3"], plan.Recommendations.Select(r => r.Number));
        var key = Assert.Single(plan.NotImported);
        Assert.StartsWith("RAG key", key.Text, StringComparison.Ordinal);
        Assert.Contains("key", key.Why, StringComparison.Ordinal);
        Assert.Contains(plan.Problems, p => p.Where == "Sheet \"Action plan\", row 9");
    }

    [Theory]
    [InlineData("Total", "4 actions")]
    [InlineData("Notes: dates revised at the March board", null)]
    [InlineData("Legend", "Blue: complete")]
    [InlineData("Complete = Blue", "Green = on track, Red = off track")]
    public void Total_legend_and_notes_rows_after_the_data_are_left_out(string first, string? second)
    {
        var workbook = new XlsxBuilder().Sheet("Plan")
            .Row(1, "Ref", "Recommendation", "Action", "Lead Agency", "Target Date")
            .Row(2, "1", "Agencies should train staff.", "Train staff.", "Eastshire County Council", "May 2014")
            .Row(4, first, second)
            .Build();
        var reader = new ExcelPlanReader(Matcher);

        var plan = reader.Read(workbook, "plan.xlsx", reader.Inspect(workbook, "plan.xlsx")[0].Suggested);

        Assert.Single(plan.Recommendations);
        Assert.Equal(second is null ? 1 : 2, plan.NotImported.Count);
    }

    [Fact]
    public void The_rag_column_gives_the_rating_and_blue_without_a_completion_date_is_flagged()
    {
        var plan = ReadExcel();

        Assert.Equal([Rag.Green, Rag.Amber, Rag.Blue, Rag.Red], plan.Actions.Select(a => a.Rating!.Value));
        var blue = plan.Recommendations[1].Actions[0];
        Assert.False(blue.CompletedOn.HasDate);
        Assert.Equal(PlanDateKind.NotYetSet, blue.CompletedOn.Kind);
        Assert.Contains(blue.Notes, n => n.Contains("Blue", StringComparison.Ordinal) && n.Contains("completion date", StringComparison.Ordinal));
        Assert.Equal("Prompt live in all practices.", blue.CompletionOutcome);
    }

    [Fact]
    public void The_notes_column_is_the_first_progress_update()
    {
        var plan = ReadExcel();

        Assert.Equal(["Package agreed; first sessions booked.", "Audit tool still being written.", "Prompt live in all practices.", null], plan.Actions.Select(a => a.ProgressNote));
        Assert.Equal(new DateOnly(2030, 4, 30), plan.Actions.First().TargetDate.Date);
    }

    [Theory]
    [InlineData("Norfolk Police", AgencyKind.Police)]
    [InlineData("Westshire Constabulary", AgencyKind.Police)]
    [InlineData("NHS England", AgencyKind.NhsEngland)]
    [InlineData("Westshire ICB", AgencyKind.IntegratedCareBoard)]
    [InlineData("North Norfolk CCG", AgencyKind.IntegratedCareBoard)]
    [InlineData("Westshire Community Health NHS Trust", AgencyKind.AcuteHospitalTrust)]
    [InlineData("Norfolk County Council", AgencyKind.CountyCouncil)]
    [InlineData("Breckland District Council", AgencyKind.DistrictCouncil)]
    [InlineData("Westshire Probation Service", AgencyKind.Probation)]
    [InlineData("National Probation Service", AgencyKind.Probation)]
    [InlineData("East of England Ambulance Service", AgencyKind.AmbulanceService)]
    [InlineData("Westshire Homes", AgencyKind.Housing)]
    [InlineData("Leeway Domestic Abuse Services", AgencyKind.SpecialistDomesticAbuseService)]
    [InlineData("Home Office", AgencyKind.NationalBody)]
    [InlineData("Eastshire Faith Forum", AgencyKind.Other)]
    public void A_new_agencys_kind_is_guessed_from_its_name(string name, AgencyKind kind)
    {
        Assert.Equal(kind, AgencyKindGuess.From(name));
    }
}
