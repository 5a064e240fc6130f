using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Agencies;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Recommendations;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Infrastructure.Import;
using DhrTracker.Tests.Import;
using DhrTracker.Tests.Support;
using DhrTracker.Web.Features.Documents;
using DhrTracker.Web.Features.History.GetReviewHistory;
using DhrTracker.Web.Features.Import;
using DhrTracker.Web.Features.Import.ConfirmImport;
using DhrTracker.Web.Features.Import.PreviewImport;
using DhrTracker.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DhrTracker.Tests.Features.Import;

/// <summary>PreviewImport and ConfirmImport through the mediator, over a real SQLite database with the demo data.</summary>
public sealed class ImportHandlerTests : IAsyncLifetime
{
    private const string WordFile = "Adult T action plan.docx";
    private const string ExcelFile = "Adult R tracker.xlsx";
    private const string FaithForum = "Eastshire Faith Forum";

    private HandlerHarness _app = default!;

    public async Task InitializeAsync() => _app = await HandlerHarness.CreateAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<ImportPreview> PreviewWordAsync(string reference = DemoData.References.ChairToBeAppointed) =>
        await _app.SendAsync(new PreviewImportQuery(await ReviewIdAsync(reference), WordFile, SamplePlans.HomeOfficeWordPlan()));

    /// <summary>The sample plan as a co-ordinator would leave it: the unreadable date corrected and the unknown agency created.</summary>
    private static Dictionary<string, AgencyChoice> FixUp(ImportPreview preview)
    {
        preview.Plan!.Recommendations.Single(r => r.Number == "13").Actions[0].TargetDate = PlanDateParser.Parse("30 September 2027");
        var choices = preview.InitialChoices();
        choices[FaithForum] = AgencyChoice.Create(FaithForum, AgencyKind.Other);
        return choices;
    }

    [Fact]
    public async Task Previewing_a_word_plan_shows_it_with_agency_matches_and_writes_nothing()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var before = await CountsAsync();

        var preview = await PreviewWordAsync();

        Assert.Equal(DemoData.References.ChairToBeAppointed, preview.ReviewReference);
        Assert.Equal(WordFile, preview.FileName);
        Assert.Equal(ImportSource.Word, preview.Source);
        Assert.Null(preview.MappingStep);
        Assert.Empty(preview.NumbersInReview);
        var plan = Assert.IsType<ImportedPlan>(preview.Plan);
        Assert.Equal(14, plan.Recommendations.Count);
        Assert.Equal(25, plan.Actions.Count());
        Assert.Equal([FaithForum], plan.UnmatchedAgencyNames);
        Assert.Equal(await AgencyIdAsync("Eastshire Constabulary"), plan.AgencyMatches["Eastshire Police"].AgencyId);
        Assert.Equal(await AgencyIdAsync("Eastshire and Waveney Integrated Care Board"), plan.AgencyMatches["Eastshire CCG"].AgencyId);
        Assert.Equal(await AgencyIdAsync("Probation Service – Eastshire"), plan.AgencyMatches["NPS"].AgencyId);
        Assert.DoesNotContain(preview.Agencies, a => a.Name == "Westvale Police");
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Confirming_creates_exactly_what_the_preview_showed()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var reviewId = await ReviewIdAsync(DemoData.References.ChairToBeAppointed);
        var preview = await PreviewWordAsync();
        var choices = FixUp(preview);
        var plan = preview.Plan!;

        var result = await _app.SendAsync(new ConfirmImportCommand(reviewId, plan, choices));

        Assert.Equal(new ImportResult(reviewId, 14, 25, 14, 3, 1), result);
        await using var db = _app.Database.Open(DataScope.System);
        var faithForum = await db.Agencies.SingleAsync(a => a.Name == FaithForum);
        Assert.Equal(AgencyKind.Other, faithForum.Kind);
        choices[FaithForum] = AgencyChoice.Existing(faithForum.Id);

        var recs = await db.Recommendations.Include(r => r.Addressees).Include(r => r.Themes).Where(r => r.ReviewId == reviewId).OrderBy(r => r.SortOrder).ToListAsync();
        var actions = await db.Actions.Include(a => a.Milestones).Include(a => a.SupportingAgencies).Include(a => a.Updates)
            .Where(a => a.ReviewId == reviewId).ToListAsync();
        Assert.Equal(plan.Recommendations.Select(r => r.Number), recs.Select(r => r.Number));
        Assert.Equal(Enumerable.Range(1, 14), recs.Select(r => r.SortOrder));
        var training = await ThemeIdAsync("Training");
        for (var r = 0; r < recs.Count; r++)
        {
            var expected = plan.Recommendations[r];
            var rec = recs[r];
            Assert.Equal((expected.Text, expected.Scope), (rec.Text, rec.Scope));
            Assert.Equal(
                ImportChecks.AddressedTo(expected).Select(n => choices[n].AgencyId!.Value).Distinct().Order(),
                rec.Addressees.Select(a => a.AgencyId).Order());
            Assert.Equal(r < 5 ? [training] : Array.Empty<int>(), rec.Themes.Select(t => t.ThemeId));

            var recActions = actions.Where(a => a.RecommendationId == rec.Id).OrderBy(a => a.SortOrder).ToList();
            Assert.Equal(expected.Actions.Count, recActions.Count);
            for (var a = 0; a < recActions.Count; a++)
            {
                var source = expected.Actions[a];
                var action = recActions[a];
                Assert.Equal(source.Description, action.Description);
                Assert.Equal(choices[source.LeadAgency!].AgencyId, action.LeadAgencyId);
                Assert.Equal(source.SupportingAgencies.Select(n => choices[n].AgencyId!.Value).Order(), action.SupportingAgencies.Select(s => s.AgencyId).Order());
                Assert.Equal(source.LeadOfficer, action.LeadOfficerName);
                Assert.Equal(source.TargetDate.Date, action.TargetDate);
                Assert.Equal(source.TargetDate.Date, action.OriginalTargetDate);
                Assert.Equal(_app.Database.Today, action.CreatedOn);
                Assert.Equal(
                    source.Milestones.Select(m => (m.Description, m.DueOn.Date!.Value)),
                    action.Milestones.OrderBy(m => m.Id).Select(m => (m.Description, m.DueOn)));
                Assert.Equal(source.IsComplete, action.IsComplete);
                Assert.Equal(source.IsComplete ? source.CompletedOn.Date : null, action.CompletedOn);
                Assert.Equal(source.IsComplete ? source.CompletionOutcome : null, action.CompletionEvidence);
                Assert.Equal(
                    source.ProgressNote is null ? [] : [$"From the imported action plan ({WordFile}): {source.ProgressNote}"],
                    action.Updates.Select(u => u.Narrative));
            }
        }

        // Statuses follow from the dates: complete ones Blue; a 2014 target long passed Red; no target and nothing overdue Green.
        var today = _app.Database.Today;
        var thresholds = DhrTracker.Domain.Partnerships.StatusThresholds.Default;
        Rag StatusOf(string description) => actions.Single(a => a.Description == description).Status(today, thresholds).Status;
        Assert.Equal(Rag.Blue, StatusOf("Deliver coercive control training to all response officers."));
        Assert.Equal(Rag.Red, StatusOf("Add a domestic abuse prompt to the GP clinical system."));
        Assert.Equal(Rag.Green, StatusOf("Hold awareness sessions with faith leaders."));
        Assert.Equal(Rag.Green, StatusOf("Report attendance to the CSP quarterly."));
        Assert.Equal(Rag.Red, StatusOf("Commission an older people's IDVA service."));
    }

    [Fact]
    public async Task The_import_and_its_file_are_in_the_reviews_history()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var reviewId = await ReviewIdAsync(DemoData.References.ChairToBeAppointed);
        var preview = await PreviewWordAsync();
        await _app.SendAsync(new ConfirmImportCommand(reviewId, preview.Plan!, FixUp(preview)));

        var history = await _app.SendAsync(new GetReviewHistoryQuery(reviewId));

        var import = Assert.Single(history.Entries, e => e.What == "Action plan import added");
        Assert.Equal("Priya Raman", import.By);
        Assert.Equal(
            [("Source file", WordFile), ("Recommendations", "14"), ("Actions", "25"), ("Milestones", "14"), ("Actions already complete", "3"), ("Agencies created", FaithForum), ("Not imported", "Nothing")],
            import.Changes.Select(c => (c.Field, c.After!)));
        Assert.Equal(14, history.Entries.Count(e => e.What == "Recommendation added"));
        Assert.Equal(25, history.Entries.Count(e => e.What == "Action added"));
    }

    [Fact]
    public async Task What_the_file_holds_but_the_plan_does_not_use_is_kept_in_the_reviews_history()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var reviewId = await ReviewIdAsync(DemoData.References.ChairToBeAppointed);
        var preview = await _app.SendAsync(new PreviewImportQuery(reviewId, "Adult W.docx", ShapedPlans.WordPlan()));
        var plan = preview.Plan!;
        plan.Recommendations.Single(r => r.Number == "4").Actions[0].LeadAgency = "Eastshire General Hospital NHS Trust";
        plan.MatchAgencies(new AgencyMatcher(preview.Agencies.Select(a => new AgencyCandidate(a.Id, a.Name, a.Kind)).ToList()));
        var choices = preview.InitialChoices();
        foreach (var name in plan.UnmatchedAgencyNames)
        {
            choices[name] = AgencyChoice.Create(name, AgencyKindGuess.From(name));
        }

        await _app.SendAsync(new ConfirmImportCommand(reviewId, plan, choices));

        var history = await _app.SendAsync(new GetReviewHistoryQuery(reviewId));
        var notImported = Assert.Single(Assert.Single(history.Entries, e => e.What == "Action plan import added").Changes, c => c.Field == "Not imported").After!;
        Each.Of(ShapedPlans.GuidanceRow, g => Assert.Contains(g, notImported, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failure_part_way_through_saves_nothing_at_all()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var reviewId = await ReviewIdAsync(DemoData.References.ChairToBeAppointed);
        var preview = await PreviewWordAsync();
        var choices = FixUp(preview);
        // A date no reader produces, so that the checks pass and the domain refuses it after the agencies and
        // recommendations have already been written inside the transaction.
        preview.Plan!.Recommendations.Single(r => r.Number == "12").Actions[0].Milestones[0].DueOn = new PlanDate("1 Jan 1850", PlanDateKind.Exact, new DateOnly(1850, 1, 1));
        var before = await CountsAsync();

        var ex = await Assert.ThrowsAsync<DomainException>(() => _app.SendAsync(new ConfirmImportCommand(reviewId, preview.Plan, choices)));

        Assert.Equal("Recommendation 12, action 1: Due date must be between 1 January 2000 and 31 December 2100. Nothing has been imported.", ex.Message);
        Assert.Equal(before, await CountsAsync());
        await using var db = _app.Database.Open(DataScope.System);
        Assert.False(await db.Agencies.AnyAsync(a => a.Name == FaithForum));
        Assert.False(await db.Recommendations.AnyAsync(r => r.ReviewId == reviewId));
    }

    [Fact]
    public async Task Cancelling_after_the_preview_saves_nothing()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var before = await CountsAsync();

        var preview = await PreviewWordAsync();
        FixUp(preview);

        Assert.Equal(before, await CountsAsync());
        await using var db = _app.Database.Open(DataScope.System);
        Assert.False(await db.AuditEntries.AnyAsync(e => e.EntityType == ConfirmImportHandler.HistoryEntityType));
    }

    [Fact]
    public async Task An_uninterpretable_date_left_as_it_is_stops_the_import()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var reviewId = await ReviewIdAsync(DemoData.References.ChairToBeAppointed);
        var preview = await PreviewWordAsync();
        var choices = preview.InitialChoices();
        choices[FaithForum] = AgencyChoice.Create(FaithForum);
        var before = await CountsAsync();

        var ex = await Assert.ThrowsAsync<DomainException>(() => _app.SendAsync(new ConfirmImportCommand(reviewId, preview.Plan!, choices)));

        Assert.Equal("The plan cannot be saved yet. Recommendation 13, action 1, target date: Could not read the date \"After the trial\": correct it, or clear it for no date.", ex.Message);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task An_unmatched_agency_needs_a_decision()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var reviewId = await ReviewIdAsync(DemoData.References.ChairToBeAppointed);
        var preview = await PreviewWordAsync();
        var choices = FixUp(preview);
        choices.Remove(FaithForum);

        var ex = await Assert.ThrowsAsync<DomainException>(() => _app.SendAsync(new ConfirmImportCommand(reviewId, preview.Plan!, choices)));

        Assert.Equal("The plan cannot be saved yet. Agency \"Eastshire Faith Forum\": Choose the agency this is, or create it.", ex.Message);
    }

    [Fact]
    public async Task Mapping_an_unmatched_name_to_an_existing_agency_uses_it()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var reviewId = await ReviewIdAsync(DemoData.References.ChairToBeAppointed);
        var preview = await PreviewWordAsync();
        var choices = FixUp(preview);
        var haven = await AgencyIdAsync("Haven Domestic Abuse Service");
        choices[FaithForum] = AgencyChoice.Existing(haven);

        var result = await _app.SendAsync(new ConfirmImportCommand(reviewId, preview.Plan!, choices));

        Assert.Equal(0, result.AgenciesCreated);
        await using var db = _app.Database.Open(DataScope.System);
        Assert.Equal(2, await db.Actions.CountAsync(a => a.ReviewId == reviewId && a.Description.Contains("faith leaders") && a.LeadAgencyId == haven));
    }

    [Fact]
    public async Task Numbers_the_review_already_uses_are_refused()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var reviewId = await ReviewIdAsync(DemoData.References.AwaitingPublication);
        var preview = await PreviewWordAsync(DemoData.References.AwaitingPublication);
        Assert.Equal(["1", "2", "3"], preview.NumbersInReview.Order());

        var ex = await Assert.ThrowsAsync<DomainException>(() => _app.SendAsync(new ConfirmImportCommand(reviewId, preview.Plan!, FixUp(preview))));

        Assert.StartsWith("The plan cannot be saved yet. Recommendation 1: This review already has a recommendation 1: give this one another number.", ex.Message);
        Assert.EndsWith("Recommendation 3: This review already has a recommendation 3: give this one another number.", ex.Message);
    }

    [Fact]
    public async Task Renumbered_recommendations_go_after_the_ones_the_review_has()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var reviewId = await ReviewIdAsync(DemoData.References.AwaitingPublication);
        var preview = await PreviewWordAsync(DemoData.References.AwaitingPublication);
        var choices = FixUp(preview);
        foreach (var rec in preview.Plan!.Recommendations)
        {
            rec.Number = "A" + rec.Number;
        }

        await _app.SendAsync(new ConfirmImportCommand(reviewId, preview.Plan, choices));

        await using var db = _app.Database.Open(DataScope.System);
        var numbers = await db.Recommendations.Where(r => r.ReviewId == reviewId).OrderBy(r => r.SortOrder).Select(r => r.Number).ToListAsync();
        Assert.Equal(["1", "2", "3", .. Enumerable.Range(1, 14).Select(n => $"A{n}")], numbers);
    }

    [Theory]
    [InlineData(DemoData.Emails.Chair)]
    [InlineData(DemoData.Emails.Scrutiny)]
    [InlineData(DemoData.Emails.PoliceOfficer)]
    [InlineData(DemoData.Emails.Administrator)]
    public async Task Only_the_coordinator_may_preview_or_import(string email)
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var reviewId = await ReviewIdAsync(DemoData.References.ChairToBeAppointed);
        var preview = await PreviewWordAsync();
        var choices = FixUp(preview);

        await _app.SignInAsAsync(email);

        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(new PreviewImportQuery(reviewId, WordFile, SamplePlans.HomeOfficeWordPlan())));
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(new ConfirmImportCommand(reviewId, preview.Plan!, choices)));
        await using var db = _app.Database.Open(DataScope.System);
        Assert.False(await db.Recommendations.AnyAsync(r => r.ReviewId == reviewId));
    }

    [Fact]
    public async Task Another_partnerships_review_is_not_found()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var reviewId = await ReviewIdAsync(DemoData.References.ChairToBeAppointed);
        var preview = await PreviewWordAsync();
        var choices = FixUp(preview);

        await _app.SignInAsAsync(DemoData.Emails.SecondCoordinator);

        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(new PreviewImportQuery(reviewId, WordFile, SamplePlans.HomeOfficeWordPlan())));
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(new ConfirmImportCommand(reviewId, preview.Plan!, choices)));
        await using var db = _app.Database.Open(DataScope.System);
        Assert.False(await db.Recommendations.AnyAsync(r => r.ReviewId == reviewId));
    }

    [Fact]
    public async Task Another_partnerships_agency_cannot_be_chosen()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var reviewId = await ReviewIdAsync(DemoData.References.ChairToBeAppointed);
        var preview = await PreviewWordAsync();
        var choices = FixUp(preview);
        choices[FaithForum] = AgencyChoice.Existing(await AgencyIdAsync("Westvale Police", DemoData.SecondPartnershipCode));

        var ex = await Assert.ThrowsAsync<DomainException>(() => _app.SendAsync(new ConfirmImportCommand(reviewId, preview.Plan!, choices)));

        Assert.Equal("The plan cannot be saved yet. Agency \"Eastshire Faith Forum\": Choose the agency from the list.", ex.Message);
    }

    [Fact]
    public async Task A_review_that_was_not_commissioned_cannot_take_a_plan()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var reviewId = await ReviewIdAsync(DemoData.References.AwaitingDecision);

        var ex = await Assert.ThrowsAsync<DomainException>(() => _app.SendAsync(new PreviewImportQuery(reviewId, WordFile, SamplePlans.HomeOfficeWordPlan())));

        Assert.StartsWith("Recommendations come from the overview report", ex.Message);
    }

    [Fact]
    public async Task A_bad_file_is_refused_beside_the_file_field()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var reviewId = await ReviewIdAsync(DemoData.References.ChairToBeAppointed);

        var ex = await Assert.ThrowsAsync<DomainException>(() => _app.SendAsync(new PreviewImportQuery(reviewId, "notes.docx", "just some text"u8.ToArray())));

        Assert.Equal(PreviewImportHandler.FileField, ex.Field);
        Assert.StartsWith("This file is not a Word document", ex.Message);
    }

    [Fact]
    public async Task An_excel_tracker_is_mapped_read_and_its_mapping_remembered_for_the_partnership()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        ForgetMappings();
        var reviewId = await ReviewIdAsync(DemoData.References.PanelAndTerms);

        var first = await _app.SendAsync(new PreviewImportQuery(reviewId, ExcelFile, SamplePlans.ExcelTracker()));
        Assert.Null(first.Plan);
        var step = Assert.IsType<ExcelMappingStep>(first.MappingStep);
        Assert.False(step.FromLastTime);
        Assert.Equal("Tracker", step.Prefilled.Sheet);
        Assert.Equal("D", step.Prefilled.Action);

        // The co-ordinator leaves out the supporting agencies column this time.
        var mapping = step.Prefilled with { SupportingAgencies = null };
        var read = await _app.SendAsync(new PreviewImportQuery(reviewId, ExcelFile, SamplePlans.ExcelTracker(), mapping));
        var plan = Assert.IsType<ImportedPlan>(read.Plan);
        Assert.Equal(["1", "2", "3", "3(a)"], plan.Recommendations.Select(r => r.Number));
        Each.Of(plan.Actions, a => Assert.Empty(a.SupportingAgencies));

        var again = await _app.SendAsync(new PreviewImportQuery(reviewId, "next tracker.xlsx", SamplePlans.ExcelTracker()));
        Assert.True(again.MappingStep!.FromLastTime);
        Assert.Equal(mapping, again.MappingStep.Prefilled);

        // Another partnership has its own (none yet).
        await _app.SignInAsAsync(DemoData.Emails.SecondCoordinator);
        var westvale = await _app.SendAsync(new PreviewImportQuery(await ReviewIdAsync(DemoData.References.SecondPartnershipReview), ExcelFile, SamplePlans.ExcelTracker()));
        Assert.False(westvale.MappingStep!.FromLastTime);
    }

    [Fact]
    public async Task An_excel_tracker_is_imported_with_its_completions_and_agencies()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var reviewId = await ReviewIdAsync(DemoData.References.PanelAndTerms);
        ForgetMappings();
        var step = (await _app.SendAsync(new PreviewImportQuery(reviewId, ExcelFile, SamplePlans.ExcelTracker()))).MappingStep!;
        var preview = await _app.SendAsync(new PreviewImportQuery(reviewId, ExcelFile, SamplePlans.ExcelTracker(), step.Prefilled));
        var plan = preview.Plan!;
        plan.Recommendations[3].Actions[1].TargetDate = PlanDateParser.Parse(string.Empty);

        var result = await _app.SendAsync(new ConfirmImportCommand(reviewId, plan, preview.InitialChoices()));

        Assert.Equal(new ImportResult(reviewId, 4, 7, 3, 2, 0), result);
        await using var db = _app.Database.Open(DataScope.System);
        var actions = await db.Actions.Include(a => a.SupportingAgencies).Where(a => a.ReviewId == reviewId).ToListAsync();
        var training = actions.Single(a => a.Description == "Deliver coercive control training.");
        Assert.Equal(await AgencyIdAsync("Eastshire Constabulary"), training.LeadAgencyId);
        Assert.Equal([await AgencyIdAsync("Haven Domestic Abuse Service")], training.SupportingAgencies.Select(s => s.AgencyId));
        Assert.Equal("DI Sarah Cole", training.LeadOfficerName);
        Assert.Equal((new DateOnly(2014, 4, 25), "412 officers trained"), (training.CompletedOn!.Value, training.CompletionEvidence!));
        Assert.True(training.IsComplete);
        var prompt = actions.Single(a => a.Description == "Add a domestic abuse prompt to the GP clinical system.");
        Assert.Equal(
            new[] { await AgencyIdAsync("Market Street Surgery"), await AgencyIdAsync("Riverside Medical Practice") }.Order(),
            prompt.SupportingAgencies.Select(s => s.AgencyId).Order());
        Assert.Null(actions.Single(a => a.Description == "Add domestic abuse to the tenancy checklist.").TargetDate);
        var national = await db.Recommendations.Include(r => r.Addressees).SingleAsync(r => r.ReviewId == reviewId && r.Number == "3");
        Assert.Equal(RecommendationScope.National, national.Scope);
        Assert.Equal([await AgencyIdAsync("Home Office")], national.Addressees.Select(a => a.AgencyId));
    }

    [Fact]
    public async Task Exporting_the_imported_plan_gives_back_the_same_recommendations_actions_agencies_and_dates()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var reviewId = await ReviewIdAsync(DemoData.References.ChairToBeAppointed);
        var preview = await PreviewWordAsync();
        var choices = FixUp(preview);
        await _app.SendAsync(new ConfirmImportCommand(reviewId, preview.Plan!, choices));
        var faithForum = await AgencyIdAsync(FaithForum);
        choices[FaithForum] = AgencyChoice.Existing(faithForum);

        var exported = await _app.SendAsync(new GetReviewDocumentQuery(reviewId, ReviewDocumentKind.ActionPlan));
        var matcher = new AgencyMatcher(preview.Agencies.Select(a => new AgencyCandidate(a.Id, a.Name, a.Kind)).Append(new AgencyCandidate(faithForum, FaithForum, AgencyKind.Other)));
        var reread = new WordPlanReader(matcher).Read(exported.Content, exported.FileName);

        PlanRoundTrip.AssertSame(preview.Plan!, name => choices[name].AgencyId!.Value, reread);
    }

    private void ForgetMappings()
    {
        var store = FileImportMappingStore.Create(new ServiceCollection().BuildServiceProvider());
        foreach (var file in Directory.Exists(store.Folder) ? Directory.GetFiles(store.Folder, "*.json") : [])
        {
            File.Delete(file);
        }
    }

    private async Task<(int Recommendations, int Actions, int Agencies, int Milestones, long AuditEntries)> CountsAsync() =>
        await _app.ReadDbAsync(async db => (
            await db.Recommendations.CountAsync(),
            await db.Actions.CountAsync(),
            await db.Agencies.CountAsync(),
            await db.Set<Milestone>().CountAsync(),
            await db.AuditEntries.LongCountAsync()));

    private async Task<int> ReviewIdAsync(string reference) =>
        await _app.ReadDbAsync(db => db.Reviews.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync());

    private async Task<int> AgencyIdAsync(string name, string partnershipCode = DemoData.FirstPartnershipCode) =>
        await _app.ReadDbAsync(async db =>
        {
            var partnershipId = await db.Partnerships.Where(p => p.ShortCode == partnershipCode).Select(p => p.Id).SingleAsync();
            return await db.Agencies.Where(a => a.Name == name && a.PartnershipId == partnershipId).Select(a => a.Id).SingleAsync();
        });

    private async Task<int> ThemeIdAsync(string name) =>
        await _app.ReadDbAsync(async db =>
        {
            var partnershipId = await db.Partnerships.Where(p => p.ShortCode == DemoData.FirstPartnershipCode).Select(p => p.Id).SingleAsync();
            return await db.Themes.Where(t => t.Name == name && t.PartnershipId == partnershipId).Select(t => t.Id).SingleAsync();
        });
}

internal static class HarnessDb
{
    public static async Task<T> ReadDbAsync<T>(this HandlerHarness app, Func<DhrDbContext, Task<T>> read)
    {
        await using var db = app.Database.Open(DataScope.System);
        return await read(db);
    }
}
