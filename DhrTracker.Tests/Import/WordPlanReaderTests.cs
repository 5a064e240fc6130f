using DhrTracker.Tests.Support;
using DhrTracker.Domain.Recommendations;
using DhrTracker.Infrastructure.Import;

namespace DhrTracker.Tests.Import;

public class WordPlanReaderTests
{
    private static readonly AgencyMatcher Matcher = new(AgencyMatcherTests.Eastshire);

    private static ImportedPlan ReadSample() => new WordPlanReader(Matcher).Read(SamplePlans.HomeOfficeWordPlan(), "Adult A action plan.docx");

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void The_sample_plan_has_14_recommendations_and_25_actions_in_report_order()
    {
        var plan = ReadSample();

        Assert.Equal("Adult A action plan.docx", plan.SourceFileName);
        Assert.Equal(ImportSource.Word, plan.Source);
        Assert.Equal(Enumerable.Range(1, 14).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), plan.Recommendations.Select(r => r.Number));
        Assert.Equal(25, plan.Actions.Count());
        Assert.Equal([2, 2, 3, 1, 2, 1, 1, 1, 2, 2, 2, 2, 2, 2], plan.Recommendations.Select(r => r.Actions.Count));
        var joined = Assert.Single(plan.Problems);
        Assert.Equal(("Table 2, row 2", true), (joined.Where, joined.Message.Contains("carries on recommendation 9", StringComparison.Ordinal)));
        Each.Of(plan.Recommendations, r => Assert.Null(r.NumberNote));
    }

    [Fact]
    public void Every_recommendation_text_scope_and_theme_comes_out_without_footnote_markers()
    {
        var plan = ReadSample();
        var expected = new (string Text, RecommendationScope Scope, string? Theme)[]
        {
            ("Eastshire Constabulary should train all response officers to recognise coercive control.", RecommendationScope.Local, "Theme 1 – Training and awareness"),
            ("GP practices should ask about domestic abuse when patients present with depression or anxiety.", RecommendationScope.Local, "Theme 1 – Training and awareness"),
            ("Agencies should share information about high-risk victims with the MARAC.", RecommendationScope.Local, "Theme 1 – Training and awareness"),
            ("The mental health trust should make sure that risk assessments consider the risk posed to family members and carers.", RecommendationScope.Local, "Theme 1 – Training and awareness"),
            ("Housing providers should recognise domestic abuse among their tenants.", RecommendationScope.Local, "Theme 1 – Training and awareness"),
            ("Eastshire County Council should commission an advocacy service for older victims of domestic abuse.", RecommendationScope.Local, "Theme 2 – Processes – county wide"),
            ("The ambulance service should include domestic abuse in its safeguarding training across the region.", RecommendationScope.Regional, "Theme 2 – Processes – county wide"),
            ("The Home Office should issue guidance on domestic abuse and firearms licensing.", RecommendationScope.National, "Theme 2 – Processes – county wide"),
            ("Probation should review how it supervises perpetrators of domestic abuse who are subject to licence conditions.", RecommendationScope.Local, "Theme 2 – Processes – county wide"),
            ("The CSP should run a public awareness campaign about coercive control.", RecommendationScope.Local, "Theme 2 – Processes – county wide"),
            ("Eastshire General Hospital should train emergency department staff in routine enquiry.", RecommendationScope.Local, "Theme 2 – Processes – county wide"),
            ("Agencies should ask about access to firearms when domestic abuse is disclosed.", RecommendationScope.Local, "Theme 2 – Processes – county wide"),
            ("Faith communities should be supported to recognise domestic abuse.", RecommendationScope.Local, "Theme 2 – Processes – county wide"),
            ("NHS England should include domestic abuse in guidance on GP contracts.", RecommendationScope.National, "Theme 2 – Processes – county wide"),
        };

        for (var i = 0; i < expected.Length; i++)
        {
            var rec = plan.Recommendations[i];
            Assert.Equal(expected[i].Text, rec.Text);
            Assert.Equal(expected[i].Scope, rec.Scope);
            Assert.Equal(expected[i].Theme, rec.Theme);
            Assert.Null(rec.ScopeNote);
            Assert.Empty(rec.AddressedTo);
        }
    }

    [Fact]
    public void Every_action_with_its_lead_and_supporting_agencies_comes_out()
    {
        var plan = ReadSample();
        var expected = new (string Rec, string Description, string Lead, string[] Supporting, string? Officer)[]
        {
            ("1", "Deliver coercive control training to all response officers.", "Eastshire Constabulary", [], null),
            ("1", "Include coercive control in the annual refresher training.", "Eastshire Constabulary", [], null),
            ("2", "Add a domestic abuse prompt to the GP clinical system.", "Eastshire CCG", [], null),
            ("2", "Run IRIS training in GP practices.", "Eastshire CCG", ["Haven Domestic Abuse Service"], null),
            ("3", "Refresh the MARAC information sharing protocol.", "Eastshire County Council", [], null),
            ("3", "Audit MARAC attendance by every agency.", "Eastshire Police", [], null),
            ("3", "Report attendance to the CSP quarterly.", "Eastshire County Council", [], null),
            ("4", "Revise the clinical risk assessment to include domestic abuse.", "Mental Health Trust", [], null),
            ("5", "Train housing officers to recognise domestic abuse.", "Eastshire Homes", ["Haven Domestic Abuse Service"], null),
            ("5", "Add domestic abuse to the tenancy sign-up checklist.", "Eastshire Homes", ["Haven Domestic Abuse Service"], null),
            ("6", "Commission an older people's IDVA service.", "Eastshire County Council", [], "Ms Joanne Pike"),
            ("7", "Include domestic abuse in ambulance safeguarding training.", "East of England Ambulance Service", [], null),
            ("8", "a) Write to the Home Office asking for national guidance. b) Share this review's learning with the national firearms licensing group.", "Home Office", [], null),
            ("9", "Review supervision plans for perpetrators of domestic abuse.", "NPS", [], null),
            ("9", "Introduce monthly case audits.", "NPS", [], null),
            ("10", "Run a public awareness campaign.", "Eastshire County Council", ["Haven Domestic Abuse Service", "Eastshire Police"], null),
            ("10", "Evaluate the campaign's reach.", "Haven", [], null),
            ("11", "Train emergency department staff in routine enquiry.", "Eastshire General Hospital NHS Trust", [], null),
            ("11", "Audit routine enquiry in the emergency department.", "Eastshire General Hospital NHS Trust", ["Eastshire and Waveney ICB"], null),
            ("12", "Add a firearms question to the DASH risk checklist.", "Eastshire Constabulary", [], null),
            ("12", "Brief firearms licensing staff on domestic abuse indicators.", "Eastshire Constabulary", [], null),
            ("13", "Hold awareness sessions with faith leaders.", "Eastshire Faith Forum", [], null),
            ("13", "Produce a leaflet for faith leaders.", "Eastshire Faith Forum", [], null),
            ("14", "Ask NHS England to include domestic abuse in GP contract guidance.", "NHS England (national)", [], null),
            ("14", "Share the review with the Department of Health.", "NHS England (national)", [], null),
        };

        var actual = plan.Recommendations.SelectMany(r => r.Actions.Select(a => (r.Number, a.Description, a.LeadAgency, string.Join("|", a.SupportingAgencies), a.LeadOfficer)));
        Assert.Equal(expected.Select(e => (e.Rec, e.Description, (string?)e.Lead, string.Join("|", e.Supporting), e.Officer)), actual);
    }

    [Fact]
    public void Agency_names_are_matched_to_the_partnerships_agencies_and_the_unknown_one_is_offered()
    {
        var plan = ReadSample();

        Assert.Equal(["Eastshire Faith Forum"], plan.UnmatchedAgencyNames);
        var expected = new Dictionary<string, int>
        {
            ["Eastshire Constabulary"] = 1,
            ["Eastshire Police"] = 1,
            ["Eastshire CCG"] = 3,
            ["Eastshire and Waveney ICB"] = 3,
            ["Haven Domestic Abuse Service"] = 11,
            ["Haven"] = 11,
            ["Eastshire County Council"] = 8,
            ["Mental Health Trust"] = 6,
            ["Eastshire Homes"] = 12,
            ["East of England Ambulance Service"] = 14,
            ["Home Office"] = 15,
            ["NPS"] = 13,
            ["Eastshire General Hospital NHS Trust"] = 7,
            ["NHS England (national)"] = 17,
        };
        Assert.Equal(expected.Keys.Order(), plan.AgencyNames.Where(n => n != "Eastshire Faith Forum").Order());
        foreach (var (name, id) in expected)
        {
            Assert.Equal(id, plan.AgencyMatches[name].AgencyId);
        }
    }

    [Fact]
    public void Every_target_date_comes_out_with_how_it_was_read()
    {
        var plan = ReadSample();
        var expected = new (string Original, PlanDateKind Kind, DateOnly? Date, DateOnly? StartsOn)[]
        {
            ("April 2014", PlanDateKind.EndOfMonth, D(2014, 4, 30), null),
            ("Annually", PlanDateKind.Recurring, null, null),
            ("By Jan 2014", PlanDateKind.EndOfMonth, D(2014, 1, 31), null),
            ("March 2014", PlanDateKind.EndOfMonth, D(2014, 3, 31), null),
            ("Dec 13", PlanDateKind.EndOfMonth, D(2013, 12, 31), null),
            ("June 2014", PlanDateKind.EndOfMonth, D(2014, 6, 30), null),
            ("Quarterly", PlanDateKind.Recurring, null, null),
            ("31/03/2014", PlanDateKind.Exact, D(2014, 3, 31), null),
            ("From July 2013", PlanDateKind.StartOnly, null, D(2013, 7, 1)),
            ("From July 2013", PlanDateKind.StartOnly, null, D(2013, 7, 1)),
            ("Commencing Oct 2013 and ongoing", PlanDateKind.Ongoing, null, D(2013, 10, 1)),
            ("Sept 2013", PlanDateKind.EndOfMonth, D(2013, 9, 30), null),
            ("2014/15", PlanDateKind.EndOfPeriod, D(2015, 3, 31), null),
            ("End of March 2014", PlanDateKind.EndOfMonth, D(2014, 3, 31), null),
            ("End of March 2014", PlanDateKind.EndOfMonth, D(2014, 3, 31), null),
            ("Jan 2014", PlanDateKind.EndOfMonth, D(2014, 1, 31), null),
            ("Q1 2014/15", PlanDateKind.EndOfPeriod, D(2014, 6, 30), null),
            ("Apr-14", PlanDateKind.EndOfMonth, D(2014, 4, 30), null),
            ("30/06/2014", PlanDateKind.Exact, D(2014, 6, 30), null),
            ("31 December 2013", PlanDateKind.Exact, D(2013, 12, 31), null),
            ("Feb 2014", PlanDateKind.EndOfMonth, D(2014, 2, 28), null),
            ("After the trial", PlanDateKind.Unreadable, null, null),
            ("2014", PlanDateKind.EndOfPeriod, D(2014, 12, 31), null),
            ("TBC", PlanDateKind.NotYetSet, null, null),
            ("TBC", PlanDateKind.NotYetSet, null, null),
        };

        Assert.Equal(
            expected.Select(e => (e.Original, e.Kind, e.Date, e.StartsOn)),
            plan.Actions.Select(a => (a.TargetDate.Original, a.TargetDate.Kind, a.TargetDate.Date, a.TargetDate.StartsOn)));
        Assert.Equal("Could not read this date.", plan.Recommendations[12].Actions[0].TargetDate.Message);
    }

    [Fact]
    public void Every_milestone_comes_out_with_its_due_date()
    {
        var plan = ReadSample();
        var expected = new (string Rec, int Action, string Description, DateOnly? Due)[]
        {
            ("1", 0, "Training package agreed", D(2013, 9, 30)),
            ("1", 0, "Training delivered to 80% of officers", D(2014, 4, 30)),
            ("2", 0, "Prompt live on the clinical system", D(2013, 12, 31)),
            ("2", 1, "Practices trained", D(2013, 10, 31)),
            ("2", 1, "First referrals audited", D(2014, 3, 31)),
            ("3", 0, "Protocol signed by all agencies", D(2013, 12, 31)),
            ("4", 0, "Revised risk assessment approved", D(2014, 1, 31)),
            ("6", 0, "Specification agreed", D(2013, 11, 1)),
            ("6", 0, "Service launched", D(2014, 4, 1)),
            ("9", 0, "Audit tool agreed", D(2014, 2, 28)),
            ("10", 0, "Campaign materials designed", D(2013, 11, 30)),
            ("10", 0, "Campaign launched", D(2014, 1, 31)),
            ("11", 0, "Training plan agreed", D(2013, 10, 31)),
            ("12", 0, "Checklist revised", D(2013, 11, 30)),
        };

        var actual = plan.Recommendations
            .SelectMany(r => r.Actions.SelectMany((a, i) => a.Milestones.Select(m => (r.Number, i, m.Description, m.DueOn.Date))))
            .ToList();
        Assert.Equal(expected, actual);
        Each.Of(plan.Milestones, m => Assert.False(m.DueOn.NeedsAttention));
        Assert.Contains("put with the first", plan.Recommendations[2].Actions[0].Notes.Single());
        Assert.Contains("put with the first", plan.Recommendations[8].Actions[0].Notes.Single());
    }

    [Fact]
    public void Completions_need_a_date_and_an_outcome_and_open_actions_keep_their_progress()
    {
        var plan = ReadSample();

        var done = plan.Actions.Where(a => a.IsComplete).Select(a => (a.Description, a.CompletedOn.Date, a.CompletionOutcome)).ToList();
        Assert.Equal(
            [
                ("Deliver coercive control training to all response officers.", D(2014, 4, 30), "412 officers trained; audit showed better recording of coercive control."),
                ("Include domestic abuse in ambulance safeguarding training.", D(2013, 9, 15), "Training in place across the region."),
                ("Train emergency department staff in routine enquiry.", D(2014, 3, 28), "95% of ED staff trained"),
            ],
            done);

        var iris = plan.Recommendations[1].Actions[1];
        Assert.False(iris.IsComplete);
        Assert.Equal("Ongoing – 12 of 20 practices trained", iris.ProgressNote);
        Each.Of(plan.Actions.Where(a => a != iris), a => Assert.Null(a.ProgressNote));
    }

    [Fact]
    public void The_only_thing_that_stops_saving_the_sample_is_the_unreadable_date()
    {
        var plan = ReadSample();

        var problem = Assert.Single(plan.Check());
        Assert.Equal("Recommendation 13, action 1, target date", problem.Where);
        Assert.Contains("After the trial", problem.Message);

        plan.Recommendations[12].Actions[0].TargetDate = PlanDateParser.Parse("30 September 2014");
        Assert.Empty(plan.Check());
    }

    [Fact]
    public void A_plan_with_a_title_row_above_the_header_and_unnumbered_recommendations_is_numbered_and_flagged()
    {
        var bytes = new DocxBuilder()
            .Table(t => t
                .Across("DHR Adult B – action plan", 4)
                .Header(false, "Recommendations", "Actions", "Lead organisation", "Timescales")
                .Row(C.Text("Agencies should promote Clare's Law."), C.Text("Publicise the scheme."), C.Text("Police"), C.Text("Sept 2013"))
                .Row(C.Text("Schools should teach healthy relationships."), C.Text("Offer lessons to every secondary school."), C.Text("County Council"), C.Text("2014")))
            .Build();

        var plan = new WordPlanReader(Matcher).Read(bytes, "b.docx");

        Assert.Equal(["1", "2"], plan.Recommendations.Select(r => r.Number));
        Each.Of(plan.Recommendations, r => Assert.StartsWith("The plan gives this recommendation no number", r.NumberNote));
        Assert.Equal("The plan gives no scope: read as local.", plan.Recommendations[0].ScopeNote);
        Assert.Equal(1, plan.AgencyMatches["Police"].AgencyId);
        Assert.Equal(8, plan.AgencyMatches["County Council"].AgencyId);
    }

    [Fact]
    public void A_table_continued_on_the_next_page_without_a_header_is_read_with_the_columns_of_the_one_before()
    {
        var bytes = new DocxBuilder()
            .Table(t => t
                .Header(SamplePlans.HomeOfficeHeadings)
                .Row(C.Text("1. First recommendation."), C.Text("Local"), C.Text("First action."), C.Text("Police"), C.Empty, C.Text("May 2014"), C.Empty))
            .Paragraph(string.Empty)
            .Table(t => t
                .Row(C.Text("2. Second recommendation."), C.Text("National"), C.Text("Second action."), C.Text("Home Office"), C.Empty, C.Text("June 2014"), C.Empty))
            .Build();

        var plan = new WordPlanReader(Matcher).Read(bytes, "c.docx");

        Assert.Equal(["1", "2"], plan.Recommendations.Select(r => r.Number));
        Assert.Equal(RecommendationScope.National, plan.Recommendations[1].Scope);
        Assert.Equal(new DateOnly(2014, 6, 30), plan.Recommendations[1].Actions[0].TargetDate.Date);
    }

    [Fact]
    public void Other_tables_in_the_document_are_ignored()
    {
        var bytes = new DocxBuilder()
            .Table(t => t.Header(false, "Panel member", "Agency").Row(C.Text("Ruth Adeyemi"), C.Text("Independent chair")))
            .Table(t => t
                .Header(SamplePlans.HomeOfficeHeadings)
                .Row(C.Text("1. Only recommendation."), C.Text("Local"), C.Text("Only action."), C.Text("Police"), C.Empty, C.Text("May 2014"), C.Empty))
            .Table(t => t.Row(C.Text("Blue"), C.Text("Green"), C.Text("Amber"), C.Text("Red")))
            .Build();

        var plan = new WordPlanReader(Matcher).Read(bytes, "d.docx");

        Assert.Equal("Only recommendation.", Assert.Single(plan.Recommendations).Text);
        Assert.Equal("Only action.", Assert.Single(plan.Actions).Description);
    }

    [Fact]
    public void Without_a_matcher_agency_names_are_kept_as_written()
    {
        var plan = new WordPlanReader().Read(SamplePlans.HomeOfficeWordPlan(), "a.docx");

        Assert.Empty(plan.AgencyMatches);
        Assert.Equal("Eastshire General Hospital NHS Trust & Eastshire and Waveney ICB", plan.Recommendations[10].Actions[1].LeadAgency);
    }
}
