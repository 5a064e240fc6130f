using static DhrTracker.Domain.Users.Operation;
using Refs = DhrTracker.Infrastructure.Data.Seed.DemoData.References;

namespace DhrTracker.Tests.Integration.Matrix;

/// <summary>
/// One GET of a page or download, aimed at the demo data. <see cref="MissingUrl"/> is the same address with an id
/// no record has: another partnership's record must read exactly like it.
/// </summary>
public sealed record RouteCase(
    string Name,
    string Template,
    AccessRule Rule,
    Func<MatrixTargets, MatrixTarget> Target,
    Func<MatrixTargets, string> Url,
    Func<MatrixTargets, string>? MissingUrl = null)
{
    public override string ToString() => Name;
}

/// <summary>Every routable page (@page) of DhrTracker.Web with the matrix operations of the query behind it.</summary>
public static class PageCatalogue
{
    private static MatrixTarget None(MatrixTargets _) => MatrixTarget.None;

    private static RouteCase Page(string template, AccessRule rule, string? variant = null) =>
        new(template + (variant is null ? "" : " " + variant), template, rule, None, _ => template);

    private static RouteCase Review(string template, AccessRule rule, string reference, string? variant = null) =>
        new(template + (variant is null ? "" : " " + variant), template, rule, t => t.Review(reference),
            t => Fill(template, t.ReviewId(reference)), _ => Fill(template, MatrixTargets.Missing));

    private static string Fill(string template, int id) =>
        System.Text.RegularExpressions.Regex.Replace(template, @"\{\w+:int\}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1))
            .Replace("/stages/" + id, "/stages/5", StringComparison.Ordinal);

    public static readonly IReadOnlyList<RouteCase> All =
    [
        Page("/", AccessRule.EverySignedIn),
        Page("/access-denied", AccessRule.EverySignedIn),
        Page("/account/demo", AccessRule.Public),
        Page("/account/signed-out", AccessRule.Public),
        Page("/account/not-registered", AccessRule.Public),
        Page("/not-found", AccessRule.Public),
        new("/status/{Code:int}", "/status/{Code:int}", AccessRule.Public, None, _ => "/status/403"),
        Page("/Error", AccessRule.Public),
        Page("/reviews", AccessRule.Of(ViewRegister)),
        Page("/reviews/new", AccessRule.Of(RecordNotification)),
        Review("/reviews/{Id:int}", AccessRule.Of(ViewReviewStages), Refs.AwaitingDecision),
        Review("/reviews/{Id:int}/stages", AccessRule.Of(EditReview), Refs.PanelAndTerms),
        Review("/reviews/{Id:int}/stages/{Stage:int}", AccessRule.Of(EditReview), Refs.PanelAndTerms),
        Review("/reviews/{Id:int}/history", AccessRule.Of(ViewReviewHistory), Refs.PublishedRecent),
        Review("/reviews/{ReviewId:int}/plan", AccessRule.Of(EditActionPlan), Refs.PublishedRecent),
        Review("/reviews/{Id:int}/import", AccessRule.Of(EditActionPlan), Refs.ChairToBeAppointed),
        Page("/actions/mine", AccessRule.Of(ViewOwnAgencyActions)),
        new("/actions/{Id:int} published", "/actions/{Id:int}", AccessRule.Of(ViewOwnAgencyActions, ViewFullActionPlan, ViewPublishedActionPlan),
            t => t.PublishedPoliceAction.Target, t => $"/actions/{t.PublishedPoliceAction.Id}", _ => $"/actions/{MatrixTargets.Missing}"),
        new("/actions/{Id:int} unpublished", "/actions/{Id:int}", AccessRule.Of(ViewOwnAgencyActions, ViewFullActionPlan, ViewPublishedActionPlan),
            t => t.UnpublishedPoliceAction.Target, t => $"/actions/{t.UnpublishedPoliceAction.Id}", _ => $"/actions/{MatrixTargets.Missing}"),
        Page("/agency-reports", AccessRule.Of(ViewOwnAgencyReportRequests)),
        Page("/dashboards/chair", AccessRule.Of(ViewChairDashboard)),
        Page("/dashboards/delivery", AccessRule.Of(ViewDeliveryDashboard)),
        Page("/dashboards/scrutiny", AccessRule.Of(ViewScrutinySummary)),
        Page("/themes", AccessRule.Of(ViewThemes)),
        Page("/themes/national", AccessRule.Of(ViewThemes)),
        Page("/themes/manage", AccessRule.Of(ManageSettings)),
        Page("/quarters", AccessRule.Of(DownloadBoardPaper, DownloadScrutinyPaper)),
        Page("/audit", AccessRule.Of(ViewAuditTrail)),
        Page("/settings", AccessRule.Of(ManageSettings)),
        Page("/admin/backup", AccessRule.Of(TakeBackup)),
        Page("/partnerships", AccessRule.Of(ManagePartnerships)),
    ];
}

/// <summary>
/// Every endpoint that is not a page: downloads (each checked by its handler) and the account and health
/// endpoints, which are open to anyone by design.
/// </summary>
public static class EndpointCatalogue
{
    private static MatrixTarget Published(MatrixTargets _) => new(true, null, true);

    private static string DraftPaper(MatrixTargets _, string edition)
    {
        var quarter = DhrTracker.Domain.Reporting.FinancialQuarter.Containing(DhrTracker.Tests.Support.TestDatabase.DefaultToday);
        return $"/downloads/quarters/draft/{quarter.StartYear}-{quarter.Number}/{edition}.docx";
    }

    /// <summary>Endpoints anyone may call: signing in and out (the POST needs an antiforgery token) and the health probe.</summary>
    public static readonly IReadOnlyList<string> Public = ["/account/signin", "/account/signout", "/health"];

    public static readonly IReadOnlyList<RouteCase> Downloads =
    [
        new("audit csv", "/downloads/audit/review-{reviewId:int}.csv", AccessRule.Of(ViewAuditTrail), t => t.Review(Refs.PublishedRecent),
            t => $"/downloads/audit/review-{t.ReviewId(Refs.PublishedRecent)}.csv", _ => $"/downloads/audit/review-{MatrixTargets.Missing}.csv"),
        new("action plan (published)", "/downloads/reviews/{reviewId:int}/{kind}.docx", AccessRule.Of(DownloadReviewDocuments, ViewPublishedActionPlan), t => t.Review(Refs.PublishedRecent),
            t => $"/downloads/reviews/{t.ReviewId(Refs.PublishedRecent)}/action-plan.docx", _ => $"/downloads/reviews/{MatrixTargets.Missing}/action-plan.docx"),
        new("action plan (unpublished)", "/downloads/reviews/{reviewId:int}/{kind}.docx", AccessRule.Of(DownloadReviewDocuments, ViewPublishedActionPlan), t => t.Review(Refs.AwaitingPublication),
            t => $"/downloads/reviews/{t.ReviewId(Refs.AwaitingPublication)}/action-plan.docx", _ => $"/downloads/reviews/{MatrixTargets.Missing}/action-plan.docx"),
        new("decision notification", "/downloads/reviews/{reviewId:int}/{kind}.docx", AccessRule.Of(DownloadReviewDocuments), t => t.Review(Refs.PublishedRecent),
            t => $"/downloads/reviews/{t.ReviewId(Refs.PublishedRecent)}/decision-notification.docx", _ => $"/downloads/reviews/{MatrixTargets.Missing}/decision-notification.docx"),
        new("overview report", "/downloads/reviews/{reviewId:int}/{kind}.docx", AccessRule.Of(DownloadReviewDocuments), t => t.Review(Refs.PublishedRecent),
            t => $"/downloads/reviews/{t.ReviewId(Refs.PublishedRecent)}/overview-report.docx", _ => $"/downloads/reviews/{MatrixTargets.Missing}/overview-report.docx"),
        new("board paper", "/downloads/quarters/{closureId:int}/{edition}.docx", AccessRule.Of(DownloadBoardPaper), Published,
            t => $"/downloads/quarters/{t.ClosureId}/board-paper.docx", _ => $"/downloads/quarters/{MatrixTargets.Missing}/board-paper.docx"),
        new("scrutiny paper", "/downloads/quarters/{closureId:int}/{edition}.docx", AccessRule.Of(DownloadScrutinyPaper), Published,
            t => $"/downloads/quarters/{t.ClosureId}/scrutiny-paper.docx", _ => $"/downloads/quarters/{MatrixTargets.Missing}/scrutiny-paper.docx"),
        new("draft board paper", "/downloads/quarters/draft/{startYear:int}-{number:int}/{edition}.docx", AccessRule.Of(DownloadBoardPaper), _ => MatrixTarget.None,
            t => DraftPaper(t, "board-paper"), _ => "/downloads/quarters/draft/2026-9/board-paper.docx"),
        new("draft scrutiny paper", "/downloads/quarters/draft/{startYear:int}-{number:int}/{edition}.docx", AccessRule.Of(DownloadScrutinyPaper), _ => MatrixTarget.None,
            t => DraftPaper(t, "scrutiny-paper"), _ => "/downloads/quarters/draft/2026-9/scrutiny-paper.docx"),
        new("backup", "/downloads/backup", AccessRule.Of(TakeBackup), _ => MatrixTarget.None, _ => "/downloads/backup"),
    ];
}
