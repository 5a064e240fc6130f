using DhrTracker.Domain.Common;
using DhrTracker.Domain.Partnerships;

namespace DhrTracker.Domain.Reviews;

public enum StageState
{
    NotStarted,
    InProgress,
    Due,
    Overdue,
    Done,
    NotApplicable,
}

/// <summary>One stage of a review as the timeline shows it: due, done, or overdue by N days, and why.</summary>
public sealed record TimelineEntry(
    int Stage,
    string Title,
    StageState State,
    DateOnly? DueOn,
    DateOnly? DoneOn,
    string Summary,
    string? RecordedBy,
    DateTime? RecordedAtUtc)
{
    /// <summary>Positive when overdue, negative while days are left, null with no due date or when done.</summary>
    public int? DaysOverdue(DateOnly today) =>
        DueOn is { } due && State is StageState.Due or StageState.Overdue ? DateMath.DaysBetween(due, today) : null;

    public string DueText(DateOnly today) => DaysOverdue(today) switch
    {
        null => string.Empty,
        > 0 and var d => $"Overdue by {d} {(d == 1 ? "day" : "days")}",
        0 => "Due today",
        var d => $"Due in {-d} {(-d == 1 ? "day" : "days")}",
    };
}

/// <summary>One thing that falls due on a review: a stage, or one agency's report.</summary>
public sealed record DueItem(int Stage, string Title, string What, DateOnly DueOn)
{
    public bool IsOverdue(DateOnly today) => DueOn < today;

    /// <summary>Positive when overdue, negative while days are left.</summary>
    public int DaysOverdue(DateOnly today) => DateMath.DaysBetween(DueOn, today);

    public string DueText(DateOnly today) => DaysOverdue(today) switch
    {
        > 0 and var d => $"Overdue by {d} {(d == 1 ? "day" : "days")}",
        0 => "Due today",
        var d => $"Due in {-d} {(-d == 1 ? "day" : "days")}",
    };
}

/// <summary>
/// The statutory timescales of DOMAIN.md applied to one review. Pure: the caller passes today and the
/// partnership's settings.
/// </summary>
public static class ReviewTimeline
{
    public static DateOnly DecisionDue(DateOnly notifiedOn, PartnershipSettings settings) =>
        DateMath.AddMonths(notifiedOn, settings.DecisionDueMonths);

    public static DateOnly HomeOfficeNotificationDue(DateOnly decidedOn, PartnershipSettings settings) =>
        DateMath.AddMonths(decidedOn, settings.HomeOfficeNotificationDueMonths);

    /// <summary>Six months (by default) from the decision, plus every day the review was paused.</summary>
    public static DateOnly CompletionDue(DateOnly decidedOn, IEnumerable<(DateOnly Start, DateOnly? End)> pauses, DateOnly today, PartnershipSettings settings) =>
        DateMath.AddMonths(decidedOn, settings.CompletionDueMonths).AddDays(DateMath.CoveredDays(pauses, today));

    /// <summary>When an agency report requested on <paramref name="requestedOn"/> is due, unless the co-ordinator sets another date.</summary>
    public static DateOnly AgencyReportDue(DateOnly requestedOn, PartnershipSettings settings) =>
        requestedOn.AddDays(settings.AgencyReportDueDays);

    public static int PausedDays(Review review, DateOnly today) =>
        DateMath.CoveredDays(review.Pauses.Select(p => (p.StartedOn, p.EndedOn)), today);

    public static DateOnly? CompletionDue(Review review, DateOnly today, PartnershipSettings settings) =>
        review.CurrentDecision is { CommissionsAReview: true } d
            ? CompletionDue(FirstCommissioningDate(review) ?? d.DecidedOn, review.Pauses.Select(p => (p.StartedOn, p.EndedOn)), today, settings)
            : null;

    /// <summary>The clock starts when a review was first commissioned; a later correction does not restart it.</summary>
    private static DateOnly? FirstCommissioningDate(Review review) =>
        review.Decisions.Where(d => d.CommissionsAReview).Select(d => (DateOnly?)d.DecidedOn).Min();

    public static IReadOnlyList<TimelineEntry> Build(Review review, PartnershipSettings settings, DateOnly today, Func<int, string>? agencyName = null)
    {
        agencyName ??= id => $"Agency {id}";
        var records = review.StageRecords.ToDictionary(r => r.Stage);
        var decision = review.CurrentDecision;
        var commissioned = decision?.CommissionsAReview == true;
        var notCommissioned = decision is { CommissionsAReview: false };
        var entries = new List<TimelineEntry>();

        TimelineEntry Entry(int stage, StageState state, DateOnly? due, DateOnly? done, string summary)
        {
            records.TryGetValue(stage, out var r);
            if (state is StageState.Due && due is { } d && d < today)
            {
                state = StageState.Overdue;
            }

            return new TimelineEntry(stage, ReviewStageNumber.Title(stage), state, due, done, summary, r?.RecordedByName, r?.RecordedAtUtc);
        }

        // A commissioned review's stage is in progress once something is recorded for it or the review has reached
        // it; a stage still ahead has not started.
        var position = review.Stage;
        StageState Open(bool done, bool started = true) =>
            done ? StageState.Done : commissioned ? started ? StageState.InProgress : StageState.NotStarted : notCommissioned ? StageState.NotApplicable : StageState.NotStarted;

        entries.Add(Entry(ReviewStageNumber.Notification, StageState.Done, null, review.NotifiedOn,
            $"Notified on {review.NotifiedOn:d MMMM yyyy}; death on {review.DateOfDeath:d MMMM yyyy}. {review.Kind.Describe()}, {review.Relationship.Describe().ToLowerInvariant()}."));

        var decisionDue = DecisionDue(review.NotifiedOn, settings);
        entries.Add(decision is null
            ? Entry(ReviewStageNumber.Decision, StageState.Due, decisionDue, null, "Awaiting the chair's decision.")
            : Entry(ReviewStageNumber.Decision, StageState.Done, decisionDue, decision.DecidedOn,
                $"{decision.Outcome.Describe()}{(decision.JointWith is { } j ? $" with a {j.Describe()} ({decision.JointReviewReference})" : string.Empty)}, decided {decision.DecidedOn:d MMMM yyyy} by {decision.DecidedByName}."
                + (review.Decisions.Count > 1 ? $" Corrected {review.Decisions.Count - 1} time(s); earlier decisions are in the history." : string.Empty)));

        if (decision is null)
        {
            entries.Add(Entry(ReviewStageNumber.HomeOfficeNotified, StageState.NotStarted, null, null, "After the decision."));
        }
        else
        {
            var hoDue = HomeOfficeNotificationDue(decision.DecidedOn, settings);
            entries.Add(review.HomeOfficeNotifiedOn is { } told
                ? Entry(ReviewStageNumber.HomeOfficeNotified, StageState.Done, hoDue, told, $"Told on {told:d MMMM yyyy} by {review.HomeOfficeNotifiedBy}.")
                : Entry(ReviewStageNumber.HomeOfficeNotified, StageState.Due, hoDue, null, "The Home Office must be told of the decision, whether to commission or not."));
        }

        entries.Add(Entry(ReviewStageNumber.ChairAppointed, Open(review.ChairAppointedOn is not null), null, review.ChairAppointedOn,
            review.IndependentChairName is { } chair
                ? $"{chair}{(review.IndependentChairOrganisation is { } org ? $" ({org})" : string.Empty)}, appointed {review.ChairAppointedOn:d MMMM yyyy}."
                  + (review.AuthorName is { } author && author != chair ? $" Author: {author}." : " The chair is also the author.")
                : "No independent chair yet."));

        entries.Add(Entry(ReviewStageNumber.PanelAndTerms, Open(review.TermsOfReferenceAgreedOn is not null, review.Panel.Count > 0 || review.ChairAppointedOn is not null), null, review.TermsOfReferenceAgreedOn,
            $"{review.Panel.Count} panel member(s)."
            + (review.TermsOfReferenceAgreedOn is { } tor
                ? $" Terms of reference agreed {tor:d MMMM yyyy}, covering {review.PeriodUnderReviewFrom:d MMMM yyyy} to {review.PeriodUnderReviewTo:d MMMM yyyy}."
                : " Terms of reference not yet agreed.")));

        var outstanding = review.AgencyReports.Where(r => r.IsOutstanding).OrderBy(r => r.DueOn).ToList();
        var reportsDone = review.AgencyReports.Count > 0 && outstanding.Count == 0;
        entries.Add(Entry(ReviewStageNumber.AgencyReports,
            outstanding.Count > 0 ? StageState.Due : Open(reportsDone, position == ReviewStage.UnderReview),
            outstanding.FirstOrDefault()?.DueOn,
            reportsDone ? review.AgencyReports.Max(r => r.ReceivedOn) : null,
            review.AgencyReports.Count == 0
                ? "No agency reports requested yet."
                : $"{review.AgencyReports.Count - outstanding.Count} of {review.AgencyReports.Count} received."
                  + (outstanding.Count > 0 ? $" Next due: {agencyName(outstanding[0].AgencyId)} on {outstanding[0].DueOn:d MMMM yyyy}." : string.Empty)));

        var accepted = review.FamilyContacts.Count(c => c.Response == FamilyResponse.Accepted);
        entries.Add(Entry(ReviewStageNumber.Family, Open(review.FamilyContacts.Count > 0 && review.FamilyContacts.All(c => c.Response != FamilyResponse.AwaitingResponse), review.FamilyContacts.Count > 0 || position == ReviewStage.UnderReview), null,
            review.FamilyContacts.Select(c => c.RespondedOn ?? c.ContactOfferedOn).DefaultIfEmpty().Max() is var last && review.FamilyContacts.Count > 0 ? last : null,
            review.FamilyContacts.Count == 0
                ? "No contact recorded yet."
                : $"Contact offered to {review.FamilyContacts.Count}; {accepted} accepted, {review.FamilyContacts.Count(c => c.Response == FamilyResponse.Declined)} declined."));

        var paused = PausedDays(review, today);
        var openPause = review.Pauses.FirstOrDefault(p => p.IsOpen);
        entries.Add(Entry(ReviewStageNumber.ParallelProceedings,
            openPause is not null ? StageState.InProgress : review.Pauses.Count > 0 ? StageState.Done : notCommissioned ? StageState.NotApplicable : StageState.NotStarted,
            null, review.Pauses.Where(p => !p.IsOpen).Select(p => p.EndedOn).Max(),
            openPause is not null
                ? $"Paused since {openPause.StartedOn:d MMMM yyyy} for {openPause.Reason.Describe().ToLowerInvariant()}. {paused} paused day(s) so far extend the completion date."
                : review.Pauses.Count > 0 ? $"{review.Pauses.Count} pause(s), {paused} day(s) in all, added to the completion date." : "No parallel proceedings have paused the review."));

        var completionDue = CompletionDue(review, today, settings);
        entries.Add(Entry(ReviewStageNumber.OverviewReport,
            review.CspSignedOffOn is not null ? StageState.Done : commissioned ? StageState.Due : Open(false),
            completionDue, review.CspSignedOffOn,
            review.CspSignedOffOn is { } csp ? $"Signed off by the CSP on {csp:d MMMM yyyy}."
            : review.PanelSignedOffOn is { } panel ? $"Signed off by the panel on {panel:d MMMM yyyy}; awaiting the CSP."
            : review.OverviewDraftedOn is { } draft ? $"Drafted {draft:d MMMM yyyy}; awaiting panel sign-off."
            : commissioned ? $"Completion due {settings.CompletionDueMonths} months after the decision{(paused > 0 ? $" plus {paused} paused day(s)" : string.Empty)}." : "After the decision."));

        var qa = review.LatestQaSubmission;
        entries.Add(Entry(ReviewStageNumber.QualityAssurance,
            qa?.Outcome is QaOutcome.Publish or QaOutcome.PublishAfterChanges ? StageState.Done : Open(false, qa is not null),
            null, qa?.Outcome is QaOutcome.Publish or QaOutcome.PublishAfterChanges ? qa.FeedbackLetterOn : null,
            qa is null ? "Not yet submitted."
            : qa.Outcome is { } outcome ? $"{review.QaSubmissions.Count} submission(s). Latest: outcome \"{outcome.Describe()}\" in the letter of {qa.FeedbackLetterOn:d MMMM yyyy}."
            : $"Submitted {qa.SubmittedOn:d MMMM yyyy}{(qa.PanelMeetingOn is { } m ? $"; panel met {m:d MMMM yyyy}" : string.Empty)}; awaiting the outcome."));

        entries.Add(Entry(ReviewStageNumber.Publication, Open(review.PublishedOn is not null, position == ReviewStage.Publication), null, review.PublishedOn,
            review.PublishedOn is { } pub
                ? $"Published {pub:d MMMM yyyy} ({review.PublishedWhere})."
                  + (review.CommissionerCopySentOn is { } dac ? $" Copy to the Domestic Abuse Commissioner {dac:d MMMM yyyy}." : " Copy to the Domestic Abuse Commissioner not yet sent.")
                  + (review.Kind == ReviewKind.Dardr ? review.SecretaryOfStateCopySentOn is { } sos ? $" Copy to the Secretary of State {sos:d MMMM yyyy}." : " Copy to the Secretary of State not yet sent." : string.Empty)
                : "Not yet published."));

        entries.Add(Entry(ReviewStageNumber.Closure, review.ClosedOn is not null ? StageState.Done : commissioned && review.PublishedOn is not null ? StageState.InProgress : notCommissioned ? StageState.NotStarted : Open(false, false),
            null, review.ClosedOn,
            review.ClosedOn is { } closed ? $"Closed {closed:d MMMM yyyy}.{(review.ClosureNote is { } n ? " " + n : string.Empty)}" : "Open."));

        return entries;
    }

    /// <summary>
    /// What is overdue, or falls due within <paramref name="withinDays"/> days, for one review: the timeline's
    /// open stages with a due date, with each outstanding agency report listed on its own. A closed review
    /// has nothing due.
    /// </summary>
    public static IReadOnlyList<DueItem> DueWithin(Review review, PartnershipSettings settings, DateOnly today, int withinDays, Func<int, string>? agencyName = null)
    {
        if (review.ClosedOn is not null)
        {
            return [];
        }

        agencyName ??= id => $"Agency {id}";
        var horizon = today.AddDays(withinDays);
        var items = Build(review, settings, today, agencyName)
            .Where(e => e.State is StageState.Due or StageState.Overdue && e.DueOn is not null && e.Stage != ReviewStageNumber.AgencyReports)
            .Select(e => new DueItem(e.Stage, e.Title, WhatIsDue(e.Stage), e.DueOn!.Value))
            .Concat(review.AgencyReports
                .Where(r => r.IsOutstanding)
                .Select(r => new DueItem(ReviewStageNumber.AgencyReports, ReviewStageNumber.Title(ReviewStageNumber.AgencyReports), $"{r.Kind.Describe()} from {agencyName(r.AgencyId)}", r.DueOn)));
        return items.Where(i => i.DueOn <= horizon).OrderBy(i => i.DueOn).ThenBy(i => i.Stage).ToList();
    }

    private static string WhatIsDue(int stage) => stage switch
    {
        ReviewStageNumber.Decision => "The chair's decision whether to commission a review",
        ReviewStageNumber.HomeOfficeNotified => "Tell the Home Office of the decision",
        ReviewStageNumber.OverviewReport => "Overview report signed off by the CSP (the review's completion date)",
        _ => ReviewStageNumber.Title(stage),
    };

    /// <summary>The most urgent open item with a due date: what the register shows as "next due".</summary>
    public static TimelineEntry? NextDue(IEnumerable<TimelineEntry> entries) =>
        entries.Where(e => e.State is StageState.Due or StageState.Overdue && e.DueOn is not null).OrderBy(e => e.DueOn).FirstOrDefault();
}
