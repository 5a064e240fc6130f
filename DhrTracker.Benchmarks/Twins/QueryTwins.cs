using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Partnerships;
using Microsoft.Data.Sqlite;

namespace DhrTracker.Benchmarks.Twins;

internal sealed record TwinAction(
    int Id, int ReviewId, int RecommendationId, int SortOrder, int LeadAgencyId, string? Description, DateOnly CreatedOn, DateOnly? TargetDate,
    DateOnly? OriginalTargetDate, DateOnly? CompletedOn, string? CompletionEvidence, DateOnly? ProposedCompletionOn, DateOnly? CompletionAcceptedOn, DateOnly? LastUpdateOn);

internal sealed record TwinMilestone(int ActionId, string Description, DateOnly DueOn, DateOnly? AchievedOn);

internal sealed record TwinLatest(int ActionId, string? Narrative, DateTime? PostedAtUtc, Rag? Assessment, string? Reason);

internal sealed record TwinActions(List<TwinAction> Actions, List<TwinMilestone> Milestones, List<TwinLatest> Latest)
{
    public ILookup<int, TwinMilestone> MilestonesByAction => Milestones.ToLookup(m => m.ActionId);

    public Dictionary<int, TwinLatest> LatestByAction => Latest.ToDictionary(l => l.ActionId);

    /// <summary>The facts <see cref="ActionStatus.Derive"/> needs, as the app gathers them.</summary>
    public static ActionStatusFacts Facts(TwinAction a, IEnumerable<TwinMilestone> milestones, TwinLatest? latest) =>
        new(a.CreatedOn, a.TargetDate, a.CompletionAcceptedOn, milestones.Select(m => new MilestoneFact(m.Description, m.DueOn, m.AchievedOn)).ToList(),
            a.LastUpdateOn, latest?.Assessment, latest?.Reason);
}

internal sealed record TwinReview(
    int Id, string Reference, string Kind, DateOnly NotifiedOn, DateOnly? HomeOfficeNotifiedOn, DateOnly? ChairAppointedOn, DateOnly? TermsOfReferenceAgreedOn,
    DateOnly? OverviewDraftedOn, DateOnly? PanelSignedOffOn, DateOnly? CspSignedOffOn, DateOnly? PublishedOn, DateOnly? ClosedOn);

internal sealed record TwinDecision(int Id, int ReviewId, string Outcome, DateOnly DecidedOn, DateTime RecordedAtUtc);

internal sealed record TwinReport(int ReviewId, int AgencyId, DateOnly RequestedOn, DateOnly DueOn, DateOnly? ReceivedOn);

internal sealed record TwinFamily(int ReviewId, string Response, DateOnly ContactOfferedOn, DateOnly? RespondedOn);

internal sealed record TwinPause(int ReviewId, DateOnly StartedOn, DateOnly? EndedOn);

internal sealed record TwinQa(int Id, int ReviewId, DateOnly SubmittedOn, DateOnly? FeedbackLetterOn, string? Outcome);

/// <summary>The reviews of a partnership with what their stage and timeline are derived from.</summary>
internal sealed record TwinReviews(List<TwinReview> Reviews, List<TwinDecision> Decisions, List<TwinReport> Reports, List<TwinFamily> Family, List<TwinPause> Pauses, List<TwinQa> Qa);

/// <summary>
/// Hand-written SQL over a plain SqliteDataReader, fetching the rows each screen is built from. These are the
/// floor the app's handlers are measured against.
/// </summary>
internal static class QueryTwins
{
    private const string ReviewColumns = "r.Id, r.Reference, r.Kind, r.NotifiedOn, r.HomeOfficeNotifiedOn, r.ChairAppointedOn, r.TermsOfReferenceAgreedOn, r.OverviewDraftedOn, r.PanelSignedOffOn, r.CspSignedOffOn, r.PublishedOn, r.ClosedOn";

    public static Task<List<PartnershipSettings>> SettingsAsync(SqliteConnection c, int partnershipId) =>
        Sql.ListAsync(c, "SELECT Settings_AmberMilestoneOverdueDays, Settings_StaleUpdateDays, Settings_DecisionDueMonths, Settings_HomeOfficeNotificationDueMonths, Settings_CompletionDueMonths, Settings_AgencyReportDueDays FROM Partnerships WHERE Id = $p",
            r => new PartnershipSettings
            {
                AmberMilestoneOverdueDays = r.GetInt32(0),
                StaleUpdateDays = r.GetInt32(1),
                DecisionDueMonths = r.GetInt32(2),
                HomeOfficeNotificationDueMonths = r.GetInt32(3),
                CompletionDueMonths = r.GetInt32(4),
                AgencyReportDueDays = r.GetInt32(5),
            },
            ("$p", partnershipId));

    /// <summary>Actions matching <paramref name="where"/> (over alias a), their milestones and each one's latest update.</summary>
    public static async Task<TwinActions> ActionsAsync(SqliteConnection c, string where, bool wide, params (string, object?)[] parameters)
    {
        var actions = await Sql.ListAsync(c,
            $"SELECT a.Id, a.ReviewId, a.RecommendationId, a.SortOrder, a.LeadAgencyId, {(wide ? "a.Description, a.OriginalTargetDate, a.CompletedOn, a.CompletionEvidence, a.ProposedCompletionOn" : "NULL, NULL, NULL, NULL, NULL")}, a.CreatedOn, a.TargetDate, a.CompletionAcceptedOn, a.LastUpdateOn FROM Actions a WHERE {where}",
            r => new TwinAction(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.StringOrNull(5), r.Date(10), r.DateOrNull(11),
                r.DateOrNull(6), r.DateOrNull(7), r.StringOrNull(8), r.DateOrNull(9), r.DateOrNull(12), r.DateOrNull(13)),
            parameters);
        var milestones = await Sql.ListAsync(c,
            $"SELECT m.ActionItemId, m.Description, m.DueOn, m.AchievedOn FROM Actions a JOIN Milestone m ON m.ActionItemId = a.Id WHERE {where}",
            r => new TwinMilestone(r.GetInt32(0), r.GetString(1), r.Date(2), r.DateOrNull(3)),
            parameters);
        var latest = await Sql.ListAsync(c,
            $"SELECT a.Id, {(wide ? "u.Narrative, u.PostedAtUtc" : "NULL, NULL")}, u.Assessment, u.AssessmentReason FROM Actions a JOIN ProgressUpdate u ON u.Id = (SELECT x.Id FROM ProgressUpdate x WHERE x.ActionItemId = a.Id ORDER BY x.PostedAtUtc DESC, x.Id DESC LIMIT 1) WHERE {where}",
            r => new TwinLatest(r.GetInt32(0), r.StringOrNull(1), r.DateTimeOrNull(2), r.EnumOrNull<Rag>(3), r.StringOrNull(4)),
            parameters);
        return new TwinActions(actions, milestones, latest);
    }

    public static async Task<TwinReviews> ReviewsAsync(SqliteConnection c, int partnershipId)
    {
        var p = ("$p", (object?)partnershipId);
        return new TwinReviews(
            await Sql.ListAsync(c, $"SELECT {ReviewColumns} FROM Reviews r WHERE r.PartnershipId = $p ORDER BY r.NotifiedOn DESC",
                r => new TwinReview(r.GetInt32(0), r.GetString(1), r.GetString(2), r.Date(3), r.DateOrNull(4), r.DateOrNull(5), r.DateOrNull(6), r.DateOrNull(7),
                    r.DateOrNull(8), r.DateOrNull(9), r.DateOrNull(10), r.DateOrNull(11)), p),
            await Sql.ListAsync(c, "SELECT d.Id, d.ReviewId, d.Outcome, d.DecidedOn, d.RecordedAtUtc FROM ReviewDecision d JOIN Reviews r ON r.Id = d.ReviewId WHERE r.PartnershipId = $p",
                r => new TwinDecision(r.GetInt32(0), r.GetInt32(1), r.GetString(2), r.Date(3), r.GetDateTime(4)), p),
            await Sql.ListAsync(c, "SELECT x.ReviewId, x.AgencyId, x.RequestedOn, x.DueOn, x.ReceivedOn FROM AgencyReport x JOIN Reviews r ON r.Id = x.ReviewId WHERE r.PartnershipId = $p",
                r => new TwinReport(r.GetInt32(0), r.GetInt32(1), r.Date(2), r.Date(3), r.DateOrNull(4)), p),
            await Sql.ListAsync(c, "SELECT x.ReviewId, x.Response, x.ContactOfferedOn, x.RespondedOn FROM FamilyContact x JOIN Reviews r ON r.Id = x.ReviewId WHERE r.PartnershipId = $p",
                r => new TwinFamily(r.GetInt32(0), r.GetString(1), r.Date(2), r.DateOrNull(3)), p),
            await Sql.ListAsync(c, "SELECT x.ReviewId, x.StartedOn, x.EndedOn FROM ReviewPause x JOIN Reviews r ON r.Id = x.ReviewId WHERE r.PartnershipId = $p",
                r => new TwinPause(r.GetInt32(0), r.Date(1), r.DateOrNull(2)), p),
            await Sql.ListAsync(c, "SELECT x.Id, x.ReviewId, x.SubmittedOn, x.FeedbackLetterOn, x.Outcome FROM QaSubmission x JOIN Reviews r ON r.Id = x.ReviewId WHERE r.PartnershipId = $p",
                r => new TwinQa(r.GetInt32(0), r.GetInt32(1), r.Date(2), r.DateOrNull(3), r.StringOrNull(4)), p));
    }

    /// <summary>The register: every review with what its stage and next due date come from, and every action's status facts.</summary>
    public static async Task<int> RegisterAsync(string connectionString, int partnershipId)
    {
        await using var c = await Sql.OpenAsync(connectionString);
        var settings = await SettingsAsync(c, partnershipId);
        var reviews = await ReviewsAsync(c, partnershipId);
        var actions = await ActionsAsync(c, "a.PartnershipId = $p", wide: false, ("$p", partnershipId));
        return settings.Count + reviews.Reviews.Count + actions.Actions.Count;
    }

    /// <summary>One review page: the review with every stage's rows, the partnership's agency and theme names, and the plan.</summary>
    public static async Task<int> ReviewAsync(string connectionString, int partnershipId, int reviewId)
    {
        await using var c = await Sql.OpenAsync(connectionString);
        var p = ("$p", (object?)partnershipId);
        var r = ("$r", (object?)reviewId);
        var review = await Sql.ListAsync(c, "SELECT * FROM Reviews WHERE Id = $r AND PartnershipId = $p", Values, p, r);
        var children = 0;
        foreach (var table in new[] { "ReviewDecision", "PanelMember", "AgencyReport", "FamilyContact", "ReviewPause", "QaSubmission", "StageRecord" })
        {
            children += (await Sql.ListAsync(c, $"SELECT * FROM {table} WHERE ReviewId = $r", Values, r)).Count;
        }

        var settings = await SettingsAsync(c, partnershipId);
        var agencies = await Sql.ListAsync(c, "SELECT Id, Name FROM Agencies WHERE PartnershipId = $p", x => (x.GetInt32(0), x.GetString(1)), p);
        var themes = await Sql.ListAsync(c, "SELECT Id, Name FROM Themes WHERE PartnershipId = $p", x => (x.GetInt32(0), x.GetString(1)), p);
        var recs = await Sql.ListAsync(c, "SELECT Id, Number, Text, Scope, SortOrder FROM Recommendations WHERE ReviewId = $r AND PartnershipId = $p ORDER BY SortOrder",
            x => (x.GetInt32(0), x.GetString(1), x.GetString(2), x.GetString(3), x.GetInt32(4)), p, r);
        var addressees = await Sql.ListAsync(c, "SELECT a.RecommendationId, a.AgencyId FROM RecommendationAddressee a JOIN Recommendations x ON x.Id = a.RecommendationId WHERE x.ReviewId = $r", x => (x.GetInt32(0), x.GetInt32(1)), r);
        var tags = await Sql.ListAsync(c, "SELECT t.RecommendationId, t.ThemeId FROM RecommendationTheme t JOIN Recommendations x ON x.Id = t.RecommendationId WHERE x.ReviewId = $r", x => (x.GetInt32(0), x.GetInt32(1)), r);
        var actions = await ActionsAsync(c, "a.ReviewId = $r AND a.PartnershipId = $p", wide: true, p, r);
        var officers = await Sql.ListAsync(c, "SELECT a.Id, a.LeadOfficerName, a.OutcomeSought FROM Actions a WHERE a.ReviewId = $r", x => (x.GetInt32(0), x.StringOrNull(1), x.StringOrNull(2)), r);
        var supporting = await Sql.ListAsync(c, "SELECT s.ActionItemId, s.AgencyId FROM ActionSupportingAgency s JOIN Actions a ON a.Id = s.ActionItemId WHERE a.ReviewId = $r", x => (x.GetInt32(0), x.GetInt32(1)), r);
        return review.Count + children + settings.Count + agencies.Count + themes.Count + recs.Count + addressees.Count + tags.Count + actions.Actions.Count + officers.Count + supporting.Count;
    }

    /// <summary>"My actions": the lead agency's actions with the recommendation, the review reference, milestones, latest update and any pending revised date.</summary>
    public static async Task<int> MyActionsAsync(string connectionString, int partnershipId, int agencyId)
    {
        await using var c = await Sql.OpenAsync(connectionString);
        var p = ("$p", (object?)partnershipId);
        var g = ("$g", (object?)agencyId);
        var settings = await SettingsAsync(c, partnershipId);
        var agency = await Sql.ListAsync(c, "SELECT Name FROM Agencies WHERE Id = $g AND PartnershipId = $p", x => x.GetString(0), p, g);
        var rows = await Sql.ListAsync(c,
            """
            SELECT a.Id, v.Reference, r.Number, r.Text, a.Description, a.CreatedOn, a.TargetDate, a.OriginalTargetDate, a.CompletionAcceptedOn, a.LastUpdateOn,
                   a.ProposedCompletionOn, a.LastReturnReason
            FROM Actions a JOIN Recommendations r ON r.Id = a.RecommendationId JOIN Reviews v ON v.Id = a.ReviewId
            WHERE a.PartnershipId = $p AND a.LeadAgencyId = $g
            """,
            x => (x.GetInt32(0), x.GetString(1), x.GetString(2), x.GetString(3), x.GetString(4), x.Date(5), x.DateOrNull(6), x.DateOrNull(7), x.DateOrNull(8), x.DateOrNull(9), x.DateOrNull(10), x.StringOrNull(11)),
            p, g);
        var milestones = await Sql.ListAsync(c, "SELECT m.ActionItemId, m.Description, m.DueOn, m.AchievedOn FROM Actions a JOIN Milestone m ON m.ActionItemId = a.Id WHERE a.PartnershipId = $p AND a.LeadAgencyId = $g",
            x => new TwinMilestone(x.GetInt32(0), x.GetString(1), x.Date(2), x.DateOrNull(3)), p, g);
        var latest = await Sql.ListAsync(c,
            "SELECT a.Id, u.Assessment, u.AssessmentReason FROM Actions a JOIN ProgressUpdate u ON u.Id = (SELECT x.Id FROM ProgressUpdate x WHERE x.ActionItemId = a.Id ORDER BY x.PostedAtUtc DESC, x.Id DESC LIMIT 1) WHERE a.PartnershipId = $p AND a.LeadAgencyId = $g",
            x => (x.GetInt32(0), x.EnumOrNull<Rag>(1), x.StringOrNull(2)), p, g);
        var pending = await Sql.ListAsync(c, "SELECT t.ActionItemId, t.RequestedDate FROM Actions a JOIN TargetDateRevision t ON t.ActionItemId = a.Id WHERE a.PartnershipId = $p AND a.LeadAgencyId = $g AND t.State = 'Pending'",
            x => (x.GetInt32(0), x.Date(1)), p, g);
        return settings.Count + agency.Count + rows.Count + milestones.Count + latest.Count + pending.Count;
    }

    /// <summary>The co-ordinator's delivery dashboard: every plan's recommendations and actions, review references, agency names, and what awaits a decision.</summary>
    public static async Task<int> DeliveryDashboardAsync(string connectionString, int partnershipId)
    {
        await using var c = await Sql.OpenAsync(connectionString);
        var p = ("$p", (object?)partnershipId);
        var settings = await SettingsAsync(c, partnershipId);
        var recs = await Recommendations(c, partnershipId);
        var actions = await ActionsAsync(c, "a.PartnershipId = $p", wide: true, p);
        var references = await Sql.ListAsync(c, "SELECT Id, Reference FROM Reviews WHERE PartnershipId = $p", x => (x.GetInt32(0), x.GetString(1)), p);
        var agencies = await Sql.ListAsync(c, "SELECT Id, Name FROM Agencies WHERE PartnershipId = $p", x => (x.GetInt32(0), x.GetString(1)), p);
        var proposals = await Sql.ListAsync(c, "SELECT Id, ProposedCompletionOn, ProposedEvidence, ProposedByName FROM Actions WHERE PartnershipId = $p AND ProposedCompletionOn IS NOT NULL AND CompletionAcceptedOn IS NULL",
            x => (x.GetInt32(0), x.Date(1), x.StringOrNull(2), x.StringOrNull(3)), p);
        var revisions = await Sql.ListAsync(c,
            "SELECT a.Id, a.OriginalTargetDate, t.Id, t.PreviousDate, t.RequestedDate, t.Reason, t.RequestedByName, t.RequestedAtUtc FROM TargetDateRevision t JOIN Actions a ON a.Id = t.ActionItemId WHERE a.PartnershipId = $p AND t.State = 'Pending'",
            x => (x.GetInt32(0), x.DateOrNull(1), x.GetInt32(2), x.DateOrNull(3), x.Date(4), x.GetString(5), x.GetString(6), x.GetDateTime(7)), p);
        return settings.Count + recs.Count + actions.Actions.Count + references.Count + agencies.Count + proposals.Count + revisions.Count;
    }

    /// <summary>Themes: every recommendation with its rolled-up facts, its review, and the theme tags.</summary>
    public static async Task<int> ThemesAsync(string connectionString, int partnershipId)
    {
        await using var c = await Sql.OpenAsync(connectionString);
        var p = ("$p", (object?)partnershipId);
        var settings = await SettingsAsync(c, partnershipId);
        var recs = await Recommendations(c, partnershipId);
        var actions = await ActionsAsync(c, "a.PartnershipId = $p", wide: true, p);
        var reviews = await Sql.ListAsync(c, "SELECT Id, Reference, NotifiedOn FROM Reviews WHERE PartnershipId = $p", x => (x.GetInt32(0), x.GetString(1), x.Date(2)), p);
        var tags = await Sql.ListAsync(c, "SELECT t.ThemeId, t.RecommendationId FROM RecommendationTheme t JOIN Recommendations r ON r.Id = t.RecommendationId WHERE r.PartnershipId = $p", x => (x.GetInt32(0), x.GetInt32(1)), p);
        var themes = await Sql.ListAsync(c, "SELECT Id, Name FROM Themes WHERE PartnershipId = $p ORDER BY Name", x => (x.GetInt32(0), x.GetString(1)), p);
        return settings.Count + recs.Count + actions.Actions.Count + reviews.Count + tags.Count + themes.Count;
    }

    private static Task<List<(int, int, string, int, string, string)>> Recommendations(SqliteConnection c, int partnershipId) =>
        Sql.ListAsync(c, "SELECT Id, ReviewId, Number, SortOrder, Scope, Text FROM Recommendations WHERE PartnershipId = $p",
            x => (x.GetInt32(0), x.GetInt32(1), x.GetString(2), x.GetInt32(3), x.GetString(4), x.GetString(5)), ("$p", partnershipId));

    private static object[] Values(SqliteDataReader reader)
    {
        var values = new object[reader.FieldCount];
        reader.GetValues(values);
        return values;
    }
}
