using DhrTracker.Domain.Common;

namespace DhrTracker.Domain.Notifications;

/// <summary>
/// A person's choices about what reaches them by e-mail, and their leave: while away (from and until, UK dates
/// inclusive) their e-mail pauses, and a named deputy in the same partnership receives their digests instead.
/// The in-app list always holds everything. A person without a row has the defaults: everything by e-mail.
/// </summary>
public class NotificationPreference : Entity, IPartnershipScoped, IVersioned
{
    protected NotificationPreference()
    {
    }

    public NotificationPreference(int partnershipId, int userId)
    {
        PartnershipId = partnershipId;
        UserId = userId;
        DigestByEmail = true;
        EventsByEmail = true;
    }

    public int PartnershipId { get; private set; }
    public int UserId { get; private set; }
    public bool DigestByEmail { get; private set; }
    public bool EventsByEmail { get; private set; }
    public DateOnly? AwayFrom { get; private set; }
    public DateOnly? AwayUntil { get; private set; }
    public int? DeputyUserId { get; private set; }
    public int Version { get; set; }

    public void Choose(bool digestByEmail, bool eventsByEmail)
    {
        DigestByEmail = digestByEmail;
        EventsByEmail = eventsByEmail;
    }

    public void SetLeave(DateOnly? from, DateOnly? until, int? deputyUserId)
    {
        if (from is null != until is null)
        {
            throw new DomainException("Give both the first and the last day of leave, or neither.", nameof(AwayUntil));
        }

        Guard.NotBefore(until, from, nameof(AwayUntil), "The last day of leave cannot be before the first.");
        if (deputyUserId == UserId)
        {
            throw new DomainException("Name someone else as your deputy.", nameof(DeputyUserId));
        }

        AwayFrom = from;
        AwayUntil = until;
        DeputyUserId = from is null ? null : deputyUserId;
    }

    public bool IsAwayOn(DateOnly day) => AwayFrom is { } from && AwayUntil is { } until && day >= from && day <= until;
}

/// <summary>
/// When a partnership's digests go (Europe/London wall-clock times), and how long an action may stay Red before the
/// chair's digest escalates it. A partnership without a row has these defaults.
/// </summary>
public class DigestSchedule : Entity, IPartnershipScoped, IVersioned
{
    protected DigestSchedule()
    {
    }

    public DigestSchedule(int partnershipId)
    {
        PartnershipId = partnershipId;
        WeeklyDay = DayOfWeek.Monday;
        WeeklyTime = new TimeOnly(8, 0);
        MonthlyDay = 1;
        EscalateRedAfterDays = 60;
    }

    public static DigestSchedule DefaultFor(int partnershipId) => new(partnershipId);

    public int PartnershipId { get; private set; }
    public DayOfWeek WeeklyDay { get; private set; }
    public TimeOnly WeeklyTime { get; private set; }

    /// <summary>The day of the month the chair's digest goes (1–28), at <see cref="WeeklyTime"/>.</summary>
    public int MonthlyDay { get; private set; }
    public int EscalateRedAfterDays { get; private set; }
    public int Version { get; set; }

    public void Change(DayOfWeek weeklyDay, TimeOnly weeklyTime, int monthlyDay, int escalateRedAfterDays)
    {
        if (monthlyDay is < 1 or > 28)
        {
            throw new DomainException("The chair's digest day must be between 1 and 28.", nameof(MonthlyDay));
        }

        if (escalateRedAfterDays is < 1 or > 365)
        {
            throw new DomainException("Escalate after between 1 and 365 days.", nameof(EscalateRedAfterDays));
        }

        WeeklyDay = weeklyDay;
        WeeklyTime = weeklyTime;
        MonthlyDay = monthlyDay;
        EscalateRedAfterDays = escalateRedAfterDays;
    }
}
