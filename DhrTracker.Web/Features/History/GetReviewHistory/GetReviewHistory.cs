using System.Globalization;
using System.Text;
using System.Text.Json;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Reviews;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.History.GetReviewHistory;

[Requires(Operation.ViewReviewHistory)]
public sealed record GetReviewHistoryQuery(int ReviewId) : IQuery<ReviewHistoryView>;

public sealed record ReviewHistoryView(int ReviewId, string Reference, IReadOnlyList<HistoryEntry> Entries);

/// <summary>One write: who, when, to what, and each value as it was and as it became.</summary>
public sealed record HistoryEntry(long Id, DateTime OccurredAtUtc, string By, string Subject, AuditKind Kind, IReadOnlyList<HistoryChange> Changes)
{
    public string What => Kind switch
    {
        AuditKind.Added => $"{Subject} added",
        AuditKind.Deleted => $"{Subject} removed",
        _ => $"{Subject} changed",
    };
}

public sealed record HistoryChange(string Field, string? Before, string? After);

/// <summary>
/// A review's history, newest first, read from the append-only audit trail written in the same transaction
/// as every change. Values are shown as people read them (dates, agency names, yes/no), never rewritten.
/// </summary>
public sealed class GetReviewHistoryHandler(AppDb appDb) : IQueryHandler<GetReviewHistoryQuery, ReviewHistoryView>
{
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    // Keys, foreign keys and bookkeeping that say nothing a reader needs.
    private static readonly HashSet<string> Hidden = ["PartnershipId", "ReviewId", "RecommendationId", "ActionItemId", "DecidedByUserId", "CreatedAtUtc", "RecordedAtUtc"];

    public async ValueTask<ReviewHistoryView> Handle(GetReviewHistoryQuery query, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        user.Require(Operation.ViewReviewHistory);
        var reference = await db.Reviews.Where(r => r.Id == query.ReviewId).Select(r => r.Reference).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException();
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);

        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.ReviewId == query.ReviewId && e.EntityType != nameof(StageRecord))
            .OrderByDescending(e => e.OccurredAtUtc).ThenByDescending(e => e.Id)
            .ToListAsync(cancellationToken);

        return new ReviewHistoryView(query.ReviewId, reference, entries.Select(e => new HistoryEntry(
            e.Id,
            e.OccurredAtUtc,
            e.UserName,
            Subject(e.EntityType),
            e.Kind,
            Parse(e.Changes)
                .Where(c => !Hidden.Contains(c.Property))
                // A new record's empty fields, or a removed record's, say nothing.
                .Where(c => e.Kind switch { AuditKind.Added => c.After is not null, AuditKind.Deleted => c.Before is not null, _ => true })
                .Select(c => new HistoryChange(Label(e.EntityType, c.Property), Value(e.EntityType, c.Property, c.Before, agencies), Value(e.EntityType, c.Property, c.After, agencies)))
                .ToList())).ToList());
    }

    private sealed record StoredChange(string Property, string? Before, string? After);

    private static List<StoredChange> Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<List<StoredChange>>(json) ?? [];
        }
        catch (JsonException)
        {
            return [new StoredChange("Changes", null, json)];
        }
    }

    private static string Subject(string entityType) => entityType switch
    {
        nameof(Review) => "Review",
        nameof(ReviewDecision) => "Chair's decision",
        nameof(PanelMember) => "Panel member",
        nameof(AgencyReport) => "Agency report request",
        nameof(FamilyContact) => "Family contact",
        nameof(ReviewPause) => "Pause",
        nameof(QaSubmission) => "QA submission",
        "ActionItem" => "Action",
        _ => Words(entityType),
    };

    private static string Label(string entityType, string property) => (entityType, property) switch
    {
        (_, "NotifiedOn") => "Date notified",
        (_, "NotifyingAgencyId") => "Notifying agency",
        (_, "VictimPseudonym") => "Victim's pseudonym",
        (_, "VictimAge") => "Victim's age",
        (_, "PerpetratorPseudonym") => "Perpetrator's pseudonym",
        (_, "PerpetratorAge") => "Perpetrator's age",
        (nameof(Review), "Kind") => "Kind of review",
        (nameof(AgencyReport), "Kind") => "Report",
        (_, "VictimAged16OrOver") => "Criterion: aged 16 or over",
        (_, "RelationshipCriterionMet") => "Criterion: related, intimate partner or same household",
        (_, "DeathFromAbuseCriterionMet") => "Criterion: death from violence, abuse or neglect (or suicide with abuse)",
        (nameof(ReviewDecision), "Outcome") => "Decision",
        (nameof(QaSubmission), "Outcome") => "QA outcome",
        (_, "JointWith") => "Joint review with",
        (_, "JointReviewReference") => "Other review's reference",
        (_, "DecidedOn") => "Decision date",
        (_, "DecidedByName") => "Decided by",
        (_, "CorrectsDecisionId") => "Corrects decision",
        (_, "HomeOfficeNotifiedOn") => "Home Office told on",
        (_, "HomeOfficeNotifiedBy") => "Home Office told by",
        (_, "IndependentChairName") => "Independent chair",
        (_, "IndependentChairOrganisation") => "Chair's organisation",
        (_, "ChairAppointedOn") => "Chair appointed on",
        (_, "AuthorName") => "Author",
        (_, "PanelRole") => "Role on the panel",
        (_, "AgencyId") => "Agency",
        (_, "TermsOfReferenceAgreedOn") => "Terms of reference agreed on",
        (_, "PeriodUnderReviewFrom") => "Period under review from",
        (_, "PeriodUnderReviewTo") => "Period under review to",
        (_, "TermsOfReferenceSummary") => "Terms of reference",
        (_, "ReceivedRecordedBy") => "Receipt recorded by",
        (_, "ContactOfferedOn") => "Contact offered on",
        (_, "HomeOfficeToldOn") => "Home Office told of the pause on",
        (_, "OverviewDraftedOn") => "Overview report drafted on",
        (_, "CspSignedOffOn") => "CSP signed off on",
        (_, "PanelSignedOffOn") => "Panel signed off on",
        (_, "SubmittedOn") => "Submitted to the QA panel on",
        (_, "PanelMeetingOn") => "QA panel met on",
        (_, "FeedbackLetterOn") => "Feedback letter dated",
        (_, "FeedbackSummary") => "Feedback (areas for final development)",
        (_, "PublishedWhere") => "Published where",
        (_, "CommissionerCopySentOn") => "Copy sent to the Domestic Abuse Commissioner on",
        (_, "SecretaryOfStateCopySentOn") => "Copy sent to the Secretary of State on",
        (_, "ClosedOn") => "Closed on",
        (_, "ClosureNote") => "Closure note",
        (_, "LeadAgencyId") => "Lead agency",
        _ => Words(property),
    };

    private static string? Value(string entityType, string property, string? stored, IReadOnlyDictionary<int, string> agencies)
    {
        if (stored is null)
        {
            return null;
        }

        if (property.EndsWith("AgencyId", StringComparison.Ordinal) && int.TryParse(stored, NumberStyles.Integer, CultureInfo.InvariantCulture, out var agencyId))
        {
            return agencies.TryGetValue(agencyId, out var name) ? name : "An agency no longer listed";
        }

        if (property == "CorrectsDecisionId")
        {
            return $"Decision #{stored}";
        }

        if (DateOnly.TryParseExact(stored, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date.ToString("d MMM yyyy", UkCulture);
        }

        if (property.EndsWith("Utc", StringComparison.Ordinal) && DateTime.TryParse(stored, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at))
        {
            return at.ToString("d MMM yyyy HH:mm", UkCulture) + " UTC";
        }

        if (bool.TryParse(stored, out var flag))
        {
            return flag ? "Yes" : "No";
        }

        return (entityType, property) switch
        {
            (nameof(Review), "Kind") when Enum.TryParse<ReviewKind>(stored, out var k) => k.Describe(),
            (nameof(AgencyReport), "Kind") when Enum.TryParse<AgencyReportKind>(stored, out var k) => k.Describe(),
            (_, "Relationship") when Enum.TryParse<Relationship>(stored, out var r) => r.Describe(),
            (nameof(ReviewDecision), "Outcome") when Enum.TryParse<DecisionOutcome>(stored, out var o) => o.Describe(),
            (nameof(QaSubmission), "Outcome") when Enum.TryParse<QaOutcome>(stored, out var o) => o.Describe(),
            (_, "JointWith") when Enum.TryParse<JointReviewType>(stored, out var j) => j.Describe(),
            (nameof(ReviewPause), "Reason") when Enum.TryParse<PauseReason>(stored, out var p) => p.Describe(),
            (_, "Response") when Enum.TryParse<FamilyResponse>(stored, out var f) => f.Describe(),
            _ => stored,
        };
    }

    /// <summary>"PanelSignedOffOn" reads as "Panel signed off on".</summary>
    private static string Words(string name)
    {
        var text = new StringBuilder();
        foreach (var ch in name)
        {
            if (char.IsUpper(ch) && text.Length > 0)
            {
                text.Append(' ').Append(char.ToLowerInvariant(ch));
            }
            else
            {
                text.Append(ch);
            }
        }

        return text.ToString();
    }
}
