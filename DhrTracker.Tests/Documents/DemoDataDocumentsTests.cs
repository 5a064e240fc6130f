using DhrTracker.Domain.Reporting;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Infrastructure.Documents;
using DhrTracker.Infrastructure.Documents.Models;
using DhrTracker.Tests.Support;
using DhrTracker.Web.Features.Documents;
using DhrTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Tests.Documents;

/// <summary>
/// Every document the app offers, produced by its real query from the demo data, validated and opened in
/// LibreOffice: what a co-ordinator downloads is what these tests read.
/// </summary>
[Trait(Lane.Name, Lane.Rendering)]
public sealed class DemoDataDocumentsTests : IAsyncLifetime
{
    private HandlerHarness _app = default!;

    public async Task InitializeAsync()
    {
        _app = await HandlerHarness.CreateAsync();
        await _app.SignInAsAsync(DemoData.Emails.Coordinator);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<int> ReviewIdAsync(string reference)
    {
        await using var db = _app.Database.Open(DataScope.System);
        return await db.Reviews.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync();
    }

    private async Task<(int Id, List<string> RecommendationTexts)> PlanAsync(string reference)
    {
        await using var db = _app.Database.Open(DataScope.System);
        var id = await db.Reviews.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync();
        var texts = await db.Recommendations.Where(r => r.ReviewId == id).OrderBy(r => r.SortOrder).Select(r => r.Text).ToListAsync();
        return (id, texts);
    }

    [Fact]
    public async Task ActionPlanOfAPublishedReviewIsValidLandscapeAndReadsBackInLibreOffice()
    {
        var (id, texts) = await PlanAsync(DemoData.References.PublishedRecent);
        var file = await _app.SendAsync(new GetReviewDocumentQuery(id, ReviewDocumentKind.ActionPlan));

        Assert.Equal($"{DemoData.References.PublishedRecent}-action-plan-{_app.Database.Today:yyyy-MM-dd}.docx", file.FileName);
        DocumentTestKit.AssertValid(file.Content);
        using (var doc = DocumentTestKit.Open(file.Content))
        {
            DocumentTestKit.AssertMarking(doc, marked: false);
            DocumentTestKit.AssertTables(doc);
        }

        var pdf = await DocumentTestKit.RenderAsync(file.Content, "demo-action-plan");
        Assert.True(pdf.IsLandscape(1));
        foreach (var title in ActionPlanWriter.ColumnTitles)
        {
            Assert.True(pdf.Contains(title), $"The PDF lacks the column '{title}'.");
        }

        foreach (var text in texts)
        {
            Assert.True(pdf.Contains(text), $"The PDF lacks recommendation '{text[..Math.Min(40, text.Length)]}…'.");
        }

        foreach (var status in new[] { "Blue", "Green", "Amber", "Red" })
        {
            Assert.True(pdf.Contains(status), $"The PDF lacks the status '{status}'.");
        }
    }

    [Fact]
    public async Task DecisionNotificationIsValidAndCarriesTheDecisionAndMarking()
    {
        var id = await ReviewIdAsync(DemoData.References.Paused);
        var file = await _app.SendAsync(new GetReviewDocumentQuery(id, ReviewDocumentKind.DecisionNotification));
        DocumentTestKit.AssertValid(file.Content);
        using (var doc = DocumentTestKit.Open(file.Content))
        {
            DocumentTestKit.AssertMarking(doc, marked: true);
        }

        var pdf = await DocumentTestKit.RenderAsync(file.Content, "demo-notification");
        Assert.True(pdf.Contains(DemoData.References.Paused));
        Assert.True(pdf.Contains("Commission a review"));
        Assert.True(pdf.Contains(DemoData.FirstPartnershipName));
        Assert.True(pdf.Contains("OFFICIAL-SENSITIVE"));
    }

    [Fact]
    public async Task NotificationForAReviewWithNoDecisionIsRefusedWithAReason()
    {
        var id = await ReviewIdAsync(DemoData.References.JustNotified);
        var error = await Assert.ThrowsAsync<DhrTracker.Domain.Common.DomainException>(() => _app.SendAsync(new GetReviewDocumentQuery(id, ReviewDocumentKind.DecisionNotification)));
        Assert.Contains("not recorded a decision", error.Message);
    }

    [Fact]
    public async Task OverviewScaffoldFillsWhatTheTrackerKnowsAndLeavesNarrativeToTheChair()
    {
        var (id, texts) = await PlanAsync(DemoData.References.AtQaPanel);
        var file = await _app.SendAsync(new GetReviewDocumentQuery(id, ReviewDocumentKind.OverviewReport));
        DocumentTestKit.AssertValid(file.Content);
        using (var doc = DocumentTestKit.Open(file.Content))
        {
            DocumentTestKit.AssertHeadingStyles(doc);
            DocumentTestKit.AssertMarking(doc, marked: true);
            var headings = DocumentTestKit.Headings(doc, 1);
            Assert.Contains("The Review Panel Members", headings);
            Assert.Contains("Chronology", headings);
        }

        var pdf = await DocumentTestKit.RenderAsync(file.Content, "demo-overview");
        Assert.True(pdf.Contains("Terms of Reference"));
        Assert.True(pdf.Contains(OverviewReportWriter.AppendixHeading));
        Assert.True(pdf.Contains(texts[0]));
        Assert.True(pdf.Contains(OverviewReportWriter.NotePrefix.Trim()));
    }

    [Fact]
    public async Task BoardPaperAndScrutinyEditionForTheLastClosedQuarter()
    {
        int closureId;
        string unpublishedText;
        await using (var db = _app.Database.Open(DataScope.System))
        {
            var partnershipId = _app.CurrentUser.User!.PartnershipId;
            closureId = await db.QuarterClosures.Where(q => q.PartnershipId == partnershipId && q.SupersededAtUtc == null)
                .OrderByDescending(q => q.StartYear).ThenByDescending(q => q.QuarterNumber).Select(q => q.Id).FirstAsync();
            var atQa = await db.Reviews.Where(r => r.Reference == DemoData.References.AtQaPanel).Select(r => r.Id).SingleAsync();
            unpublishedText = await db.Actions.Where(a => a.ReviewId == atQa).Select(a => a.Description).FirstAsync();
        }

        var board = await _app.SendAsync(new GetQuarterlyPaperQuery(closureId, PaperEdition.Board));
        var scrutiny = await _app.SendAsync(new GetQuarterlyPaperQuery(closureId, PaperEdition.Scrutiny));
        DocumentTestKit.AssertValid(board.Content);
        DocumentTestKit.AssertValid(scrutiny.Content);
        Assert.Contains("board-paper", board.FileName);
        Assert.Contains("scrutiny-paper", scrutiny.FileName);

        var boardPdf = await DocumentTestKit.RenderAsync(board.Content, "demo-board-paper");
        Assert.True(boardPdf.Contains("Quarterly progress report Q2 2026/27"));
        Assert.True(boardPdf.Contains(DemoData.References.PublishedRecent));
        Assert.True(boardPdf.Contains("Red"));

        using var scrutinyDoc = DocumentTestKit.Open(scrutiny.Content);
        var scrutinyText = DocumentTestKit.BodyText(scrutinyDoc);
        Assert.Contains(QuarterlyPaperWriter.ScrutinyEdition, scrutinyText);
        Assert.DoesNotContain(unpublishedText, scrutinyText);
    }

    [Fact]
    public async Task ScrutinyMayDownloadOnlyPublishedPlansAndTheScrutinyEdition()
    {
        await _app.SignInAsAsync(DemoData.Emails.Scrutiny);
        var published = await ReviewIdAsync(DemoData.References.PublishedRecent);
        var unpublished = await ReviewIdAsync(DemoData.References.AtQaPanel);
        Assert.NotEmpty((await _app.SendAsync(new GetReviewDocumentQuery(published, ReviewDocumentKind.ActionPlan))).Content);
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(new GetReviewDocumentQuery(unpublished, ReviewDocumentKind.ActionPlan)));
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(new GetReviewDocumentQuery(published, ReviewDocumentKind.OverviewReport)));

        int closureId;
        await using (var db = _app.Database.Open(DataScope.System))
        {
            closureId = await db.QuarterClosures.Where(q => q.PartnershipId == _app.CurrentUser.User!.PartnershipId).Select(q => q.Id).FirstAsync();
        }

        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(new GetQuarterlyPaperQuery(closureId, PaperEdition.Board)));
        Assert.NotEmpty((await _app.SendAsync(new GetQuarterlyPaperQuery(closureId, PaperEdition.Scrutiny))).Content);
    }

    [Fact]
    public async Task LeadOfficersAndOtherPartnershipsGetNoDocuments()
    {
        var id = await ReviewIdAsync(DemoData.References.PublishedRecent);
        await _app.SignInAsAsync(DemoData.Emails.PoliceOfficer);
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(new GetReviewDocumentQuery(id, ReviewDocumentKind.ActionPlan)));

        await _app.SignInAsAsync(DemoData.Emails.SecondCoordinator);
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(new GetReviewDocumentQuery(id, ReviewDocumentKind.ActionPlan)));
    }
}
