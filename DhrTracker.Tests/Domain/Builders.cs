using System.Reflection;
using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Partnerships;
using DhrTracker.Domain.Reviews;

namespace DhrTracker.Tests.Domain;

/// <summary>Fixed people and a fixed clock, so no test depends on the day it runs.</summary>
internal static class TestData
{
    public static readonly DateTime NowUtc = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);
    public static readonly DateOnly Today = DateOnly.FromDateTime(NowUtc);

    public static readonly Actor Chair = new(1, "Chris Chair");
    public static readonly Actor Coordinator = new(2, "Cara Coordinator");
    public static readonly Actor Officer = new(3, "Olu Officer");

    public static readonly PartnershipSettings Settings = PartnershipSettings.Defaults();

    /// <summary>A rationale of exactly <paramref name="length"/> characters.</summary>
    public static string Text(int length) => new('x', length);

    public static NotificationInput Notification(
        DateOnly? notifiedOn = null,
        DateOnly? dateOfDeath = null,
        ReviewKind kind = ReviewKind.Dhr,
        string victimPseudonym = "Adult A",
        int? victimAge = 34,
        int? perpetratorAge = 38,
        string circumstances = "Found at home; police attended.") =>
        new(kind, notifiedOn ?? new DateOnly(2026, 1, 10), 7, dateOfDeath ?? new DateOnly(2026, 1, 2),
            victimPseudonym, victimAge, "Adult B", perpetratorAge, Relationship.IntimatePartner, circumstances);

    public static DecisionInput Commission(DateOnly decidedOn) =>
        new(true, true, true, DecisionOutcome.Commission, null, null, "All statutory criteria are met in this case.", decidedOn);

    public static DecisionInput DoNotCommission(DateOnly decidedOn) =>
        new(true, false, true, DecisionOutcome.DoNotCommission, null, null, Text(DecisionInput.MinimumRationaleForNotCommissioning), decidedOn);
}

/// <summary>
/// Entities get their Id from the database. Where a method finds a child by Id and a test needs two
/// children told apart, the Id is set here, and only here.
/// </summary>
internal static class Ids
{
    private static readonly PropertyInfo IdProperty = typeof(Entity).GetProperty(nameof(Entity.Id))!;

    public static T Assign<T>(T entity, int id)
        where T : Entity
    {
        IdProperty.SetValue(entity, id);
        return entity;
    }
}

/// <summary>A notified review (10 January 2026), optionally decided and carried on through its stages.</summary>
internal sealed class ReviewBuilder
{
    public static readonly DateOnly NotifiedOn = new(2026, 1, 10);
    public static readonly DateOnly DecidedOn = new(2026, 2, 5);
    public static readonly DateOnly HomeOfficeToldOn = new(2026, 2, 20);
    public static readonly DateOnly ChairAppointedOn = new(2026, 3, 1);
    public static readonly DateOnly TermsAgreedOn = new(2026, 3, 15);
    public static readonly DateOnly DraftedOn = new(2026, 7, 1);
    public static readonly DateOnly PanelSignedOffOn = new(2026, 7, 10);
    public static readonly DateOnly CspSignedOffOn = new(2026, 7, 20);
    public static readonly DateOnly QaSubmittedOn = new(2026, 8, 1);
    public static readonly DateOnly QaPanelOn = new(2026, 9, 1);
    public static readonly DateOnly QaLetterOn = new(2026, 9, 10);
    public static readonly DateOnly PublishedOn = new(2026, 10, 1);

    private ReviewKind _kind = ReviewKind.Dhr;
    private DateOnly _notifiedOn = NotifiedOn;
    private DecisionInput? _decision;
    private bool _homeOfficeTold;
    private int _stage;
    private QaOutcome? _qaOutcome;

    public ReviewBuilder OfKind(ReviewKind kind)
    {
        _kind = kind;
        return this;
    }

    public ReviewBuilder Notified(DateOnly notifiedOn)
    {
        _notifiedOn = notifiedOn;
        return this;
    }

    public ReviewBuilder Commissioned(DateOnly? decidedOn = null)
    {
        _decision = TestData.Commission(decidedOn ?? DecidedOn);
        return this;
    }

    public ReviewBuilder NotCommissioned(DateOnly? decidedOn = null)
    {
        _decision = TestData.DoNotCommission(decidedOn ?? DecidedOn);
        return this;
    }

    public ReviewBuilder HomeOfficeTold()
    {
        _homeOfficeTold = true;
        return this;
    }

    /// <summary>Commissioned, Home Office told, chair appointed, terms agreed, report signed off by the CSP.</summary>
    public ReviewBuilder SignedOff()
    {
        Commissioned();
        _homeOfficeTold = true;
        _stage = Math.Max(_stage, 1);
        return this;
    }

    /// <summary>Signed off and submitted to the QA panel, with the outcome given (null: awaiting the panel).</summary>
    public ReviewBuilder WithQaOutcome(QaOutcome? outcome)
    {
        SignedOff();
        _stage = Math.Max(_stage, 2);
        _qaOutcome = outcome;
        return this;
    }

    /// <summary>Cleared by the QA panel and published on 1 October 2026.</summary>
    public ReviewBuilder Published()
    {
        WithQaOutcome(QaOutcome.Publish);
        _stage = 3;
        return this;
    }

    public Review Build()
    {
        var now = TestData.NowUtc;
        var actor = TestData.Coordinator;
        var review = new Review(1, "DHR-2026-01", TestData.Notification(notifiedOn: _notifiedOn, dateOfDeath: _notifiedOn.AddDays(-8), kind: _kind), actor, now);
        if (_decision is not null)
        {
            review.RecordDecision(_decision, TestData.Chair, now);
        }

        if (_homeOfficeTold)
        {
            review.RecordHomeOfficeNotified(HomeOfficeToldOn, "Cara Coordinator", actor, now);
        }

        if (_stage >= 1)
        {
            review.AppointChair("Pat Independent", "Independent Reviews Ltd", ChairAppointedOn, null, actor, now);
            review.AgreeTermsOfReference(TermsAgreedOn, new DateOnly(2024, 1, 1), _notifiedOn.AddDays(-8), null, actor, now);
            review.RecordOverviewReport(DraftedOn, PanelSignedOffOn, CspSignedOffOn, actor, now);
        }

        if (_stage >= 2)
        {
            var submission = Ids.Assign(review.SubmitToQualityAssurance(QaSubmittedOn, actor, now), 1);
            if (_qaOutcome is { } outcome)
            {
                review.RecordQaPanel(submission.Id, QaPanelOn, QaLetterOn, outcome, "Areas for final development: none.", actor, now);
            }
        }

        if (_stage >= 3)
        {
            review.Publish(PublishedOn, "Partnership website", null, null, actor, now);
        }

        return review;
    }
}

/// <summary>An action set on 5 January 2026, due 31 December 2026, led by agency 4.</summary>
internal sealed class ActionBuilder
{
    public static readonly DateOnly CreatedOn = new(2026, 1, 5);
    public static readonly DateOnly TargetDate = new(2026, 12, 31);

    private DateOnly _createdOn = CreatedOn;
    private DateOnly? _targetDate = TargetDate;
    private readonly List<(string Description, DateOnly DueOn, DateOnly? AchievedOn)> _milestones = [];
    private readonly List<int> _supporting = [];

    public ActionBuilder SetOn(DateOnly createdOn)
    {
        _createdOn = createdOn;
        return this;
    }

    public ActionBuilder DueBy(DateOnly? targetDate)
    {
        _targetDate = targetDate;
        return this;
    }

    public ActionBuilder WithMilestone(string description, DateOnly dueOn, DateOnly? achievedOn = null)
    {
        _milestones.Add((description, dueOn, achievedOn));
        return this;
    }

    public ActionBuilder SupportedBy(params int[] agencyIds)
    {
        _supporting.AddRange(agencyIds);
        return this;
    }

    public static ActionDetails Details(DateOnly? targetDate = null, int leadAgencyId = 4, IReadOnlyCollection<int>? supporting = null, string description = "Deliver DA awareness training to all GP practices") =>
        new(description, leadAgencyId, supporting ?? [], "Olu Officer", targetDate ?? TargetDate, "Every practice has a trained DA lead");

    /// <summary>Milestones get Ids 1, 2, 3… in the order they were added.</summary>
    public ActionItem Build()
    {
        var action = new ActionItem(1, 10, 20, new ActionDetails("Deliver DA awareness training to all GP practices", 4, _supporting, "Olu Officer", _targetDate, "Every practice has a trained DA lead"), _createdOn, 1);
        var id = 1;
        foreach (var (description, dueOn, achievedOn) in _milestones)
        {
            var milestone = Ids.Assign(action.AddMilestone(description, dueOn), id++);
            if (achievedOn is { } achieved)
            {
                action.MarkMilestoneAchieved(milestone.Id, achieved, achieved);
            }
        }

        return action;
    }
}
