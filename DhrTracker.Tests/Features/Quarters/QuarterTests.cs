using DhrTracker.Domain.Common;
using DhrTracker.Domain.Reporting;
using DhrTracker.Domain.Reviews;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Infrastructure.Documents;
using DhrTracker.Infrastructure.Documents.Models;
using DhrTracker.Tests.Documents;
using DhrTracker.Tests.Support;
using DhrTracker.Web.Features.Actions.DecideCompletion;
using DhrTracker.Web.Features.Documents;
using DhrTracker.Web.Features.Quarters.CloseQuarter;
using DhrTracker.Web.Features.Quarters.GetQuarters;
using DhrTracker.Web.Features.Reviews.RecordDecision;
using DhrTracker.Web.Features.Reviews.RecordNotification;
using DhrTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Tests.Features.Quarters;

public sealed class QuarterTests : IAsyncLifetime
{
    private HandlerHarness _app = default!;

    public async Task InitializeAsync() => _app = await HandlerHarness.CreateAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static readonly FinancialQuarter Q1 = new(2026, 1);
    private static readonly FinancialQuarter Q2 = new(2026, 2);

    /// <summary>The demo data closes Q1 and Q2; these tests close them themselves, through the handler.</summary>
    private async Task ForgetDemoClosuresAsync()
    {
        await using var db = _app.Database.Open(DataScope.System);
        await db.Set<ActionSnapshot>().ExecuteDeleteAsync();
        await db.QuarterClosures.ExecuteDeleteAsync();
    }

    private async Task<string> PaperTextAsync(int closureId, PaperEdition edition = PaperEdition.Board)
    {
        var file = await _app.SendAsync(new GetQuarterlyPaperQuery(closureId, edition));
        using var doc = DocumentTestKit.Open(file.Content);
        return string.Join("\n---\n", DocumentTestKit.HeaderText(doc), DocumentTestKit.BodyText(doc), DocumentTestKit.FooterText(doc)) + "\n" + file.FileName;
    }

    [Fact]
    public async Task AClosedQuartersPaperAndRowStayExactlyAsTheyWereWhateverIsRecordedLater()
    {
        await ForgetDemoClosuresAsync();
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var closed = await _app.SendAsync(new CloseQuarterCommand(Q1.StartYear, Q1.Number));
        var paperBefore = await PaperTextAsync(closed.ClosureId);
        var scrutinyBefore = await PaperTextAsync(closed.ClosureId, PaperEdition.Scrutiny);
        var rowBefore = (await _app.SendAsync(new GetQuartersQuery())).Closures.Single(c => c.Quarter == Q1);
        Assert.Contains(QuarterlyPaperWriter.NothingToCompare, paperBefore);
        Assert.Equal("No earlier closed quarter to compare with", rowBefore.MovementText);

        // A death notified in Q1 and decided in Q1 (recorded late), and an action's completion accepted.
        var death = await _app.SendAsync(new RecordNotificationCommand(new NotificationInput(
            ReviewKind.Dhr, new DateOnly(2026, 5, 10), null, new DateOnly(2026, 5, 2), "Adult Q", 44, "Adult R", 47, Relationship.IntimatePartner, "Recorded late.")));
        int version;
        int actionId;
        int actionVersion;
        await using (var db = _app.Database.Open(DataScope.System))
        {
            version = await db.Reviews.Where(r => r.Id == death.ReviewId).Select(r => r.Version).SingleAsync();
            var partnershipId = _app.CurrentUser.User!.PartnershipId;
            var awaiting = await db.Actions.Where(a => a.PartnershipId == partnershipId && a.ProposedCompletionOn != null && a.CompletionAcceptedOn == null)
                .Select(a => new { a.Id, a.Version }).FirstAsync();
            (actionId, actionVersion) = (awaiting.Id, awaiting.Version);
        }

        await _app.SignInAsAsync(DemoData.Emails.Chair);
        await _app.SendAsync(new RecordDecisionCommand(death.ReviewId, version, new DecisionInput(
            true, true, true, DecisionOutcome.Commission, null, null, "Every statutory criterion is met in this case.", new DateOnly(2026, 5, 20))));
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        await _app.SendAsync(new DecideCompletionCommand(actionId, actionVersion, true, null));

        Assert.Equal(paperBefore, await PaperTextAsync(closed.ClosureId));
        Assert.Equal(scrutinyBefore, await PaperTextAsync(closed.ClosureId, PaperEdition.Scrutiny));
        Assert.Equal(rowBefore, (await _app.SendAsync(new GetQuartersQuery())).Closures.Single(c => c.Quarter == Q1));

        // The next quarter closed compares itself with Q1, and sees the late-recorded death.
        var q2 = await _app.SendAsync(new CloseQuarterCommand(Q2.StartYear, Q2.Number));
        var q2Paper = await PaperTextAsync(q2.ClosureId);
        Assert.DoesNotContain(QuarterlyPaperWriter.NothingToCompare, q2Paper);
        Assert.Contains($"Movement since {Q1.Label}", q2Paper);
        Assert.Contains(death.Reference, q2Paper);
        Assert.DoesNotContain(death.Reference, paperBefore);
        Assert.StartsWith($"Since {Q1.Label}: ", (await _app.SendAsync(new GetQuartersQuery())).Closures.Single(c => c.Quarter == Q2).MovementText);
    }

    [Fact]
    public async Task AClosedQuarterIsNotClosedAgain()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var view = await _app.SendAsync(new GetQuartersQuery());
        Assert.DoesNotContain(Q2, view.Closable);
        Assert.DoesNotContain(Q2, view.Open);

        var refused = await Assert.ThrowsAsync<DomainException>(() => _app.SendAsync(new CloseQuarterCommand(Q2.StartYear, Q2.Number)));
        Assert.Contains("not closed again", refused.Message);
        await using var db = _app.Database.Open(DataScope.System);
        Assert.Equal(1, await db.QuarterClosures.CountAsync(q => q.StartYear == 2026 && q.QuarterNumber == 2 && q.PartnershipId == _app.CurrentUser.User!.PartnershipId));
    }

    [Fact]
    public async Task ClosingFreezesEveryActionWithItsStatusDatesAndLatestUpdateAndKeepsThePaper()
    {
        await ForgetDemoClosuresAsync();
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var result = await _app.SendAsync(new CloseQuarterCommand(Q2.StartYear, Q2.Number));

        await using var db = _app.Database.Open(DataScope.System);
        var partnershipId = _app.CurrentUser.User!.PartnershipId;
        var actionsThen = await db.Actions.CountAsync(a => a.PartnershipId == partnershipId && a.CreatedOn <= Q2.End);
        var closure = await db.QuarterClosures.Include(q => q.Snapshots).SingleAsync(q => q.Id == result.ClosureId);
        Assert.Equal(actionsThen, closure.Snapshots.Count);
        Each.Of(closure.Snapshots, s => Assert.False(string.IsNullOrWhiteSpace(s.Reason)));
        Assert.Contains(closure.Snapshots, s => s.LatestUpdate is not null && s.LatestUpdateOn is not null);
        var kept = QuarterRecordJson.Deserialize(closure.Record!);
        Assert.Equal(Q2, kept.Quarter);
        Assert.Equal(actionsThen, kept.ActionsNow.Total);
        Assert.False(kept.IsDraft);
        Assert.Null(kept.ComparedWith);
    }

    [Fact]
    public async Task AClosedPaperShowsOnlyReviewsNotifiedByTheQuartersEndAtTheirStageThen()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        var closureId = (await _app.SendAsync(new GetQuartersQuery())).Closures.Single(c => c.Quarter == Q1).Id;
        var paper = await PaperTextAsync(closureId);
        await using var db = _app.Database.Open(DataScope.System);
        var partnershipId = _app.CurrentUser.User!.PartnershipId;
        var later = await db.Reviews.Where(r => r.PartnershipId == partnershipId && r.NotifiedOn > Q1.End).Select(r => r.Reference).ToListAsync();
        Assert.NotEmpty(later);
        Each.Of(later, reference => Assert.DoesNotContain(reference, paper));
    }

    [Fact]
    public async Task TheOpenQuartersPaperIsADraftAsAtToday()
    {
        await _app.SignInAsAsync(DemoData.Emails.Chair);
        var current = FinancialQuarter.Containing(_app.Database.Today);
        var view = await _app.SendAsync(new GetQuartersQuery());
        Assert.Contains(current, view.Open);
        var file = await _app.SendAsync(new GetDraftQuarterlyPaperQuery(current.StartYear, current.Number, PaperEdition.Board));
        using var doc = DocumentTestKit.Open(file.Content);
        var text = DocumentTestKit.BodyText(doc);
        Assert.Contains($"Draft — as at {DocText.Date(_app.Database.Today)}", text);
        Assert.Contains($"Movement since {Q2.Label}", text);
        Assert.Contains("draft", file.FileName);
        await Assert.ThrowsAsync<DomainException>(() => _app.SendAsync(new GetDraftQuarterlyPaperQuery(Q2.StartYear, Q2.Number, PaperEdition.Board)));
    }

    [Fact]
    public async Task AQuarterCannotBeClosedBeforeItsLastFortnight()
    {
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
        await Assert.ThrowsAsync<DomainException>(() => _app.SendAsync(new CloseQuarterCommand(2026, 3)));
    }

    [Theory]
    [InlineData(DemoData.Emails.Chair)]
    [InlineData(DemoData.Emails.Scrutiny)]
    [InlineData(DemoData.Emails.PoliceOfficer)]
    public async Task OnlyTheCoordinatorClosesQuarters(string email)
    {
        await _app.SignInAsAsync(email);
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(new CloseQuarterCommand(2025, 4)));
    }

    [Fact]
    public async Task LeadOfficersDoNotSeeQuarters()
    {
        await _app.SignInAsAsync(DemoData.Emails.PoliceOfficer);
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(new GetQuartersQuery()));
    }
}
