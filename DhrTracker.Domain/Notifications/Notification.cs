using DhrTracker.Domain.Common;

namespace DhrTracker.Domain.Notifications;

/// <summary>
/// An item in a person's notifications list (the bell): the same items their e-mail carries, kept in the app, marked
/// read when they open the list. <see cref="DedupKey"/> is unique, as the outbox's is.
/// </summary>
public class Notification : Entity, IPartnershipScoped
{
    protected Notification()
    {
        DedupKey = Title = Body = Link = string.Empty;
    }

    public Notification(int partnershipId, int userId, MessageKind kind, string dedupKey, string title, string body, string link, DateTime createdAtUtc)
    {
        PartnershipId = partnershipId;
        UserId = userId;
        Kind = kind;
        DedupKey = Guard.Required(dedupKey, OutboxMessage.KeyLength, nameof(DedupKey), "Key");
        Title = Guard.Required(title, OutboxMessage.SubjectLength, nameof(Title), "Title");
        Body = Guard.Required(body, OutboxMessage.BodyLength, nameof(Body), "Body");
        Link = Guard.Required(link, TextLimits.ShortText, nameof(Link), "Link");
        CreatedAtUtc = createdAtUtc;
    }

    public int PartnershipId { get; private set; }
    public int UserId { get; private set; }
    public MessageKind Kind { get; private set; }
    public string DedupKey { get; private set; }
    public string Title { get; private set; }

    /// <summary>One item a line, as in the e-mail.</summary>
    public string Body { get; private set; }

    /// <summary>The page it is about, relative to the app ("/my-actions").</summary>
    public string Link { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? ReadAtUtc { get; private set; }

    public void MarkRead(DateTime nowUtc) => ReadAtUtc ??= nowUtc;
}

/// <summary>What happened that a lead officer should hear about soon (gathered over ten minutes into one message).</summary>
public enum EventKind
{
    NewAction,
    CompletionReturned,
    RevisedDateRefused,
}

/// <summary>
/// Something that happened to an agency's action, written in the same transaction as the change. The cycle gathers an
/// agency's events once the first is ten minutes old into one message for each of its lead officers.
/// </summary>
public class PendingEvent : Entity, IPartnershipScoped
{
    protected PendingEvent()
    {
        Reference = ActionNumber = string.Empty;
    }

    public PendingEvent(int partnershipId, int agencyId, EventKind kind, int actionId, string reference, string actionNumber, DateTime occurredAtUtc)
    {
        PartnershipId = partnershipId;
        AgencyId = agencyId;
        Kind = kind;
        ActionId = actionId;
        Reference = reference;
        ActionNumber = actionNumber;
        OccurredAtUtc = occurredAtUtc;
    }

    public int PartnershipId { get; private set; }
    public int AgencyId { get; private set; }
    public EventKind Kind { get; private set; }
    public int ActionId { get; private set; }

    /// <summary>The review's pseudonymous reference ("DHR-2025-03"), never a name.</summary>
    public string Reference { get; private set; }

    /// <summary>The action's number in the plan ("2.2").</summary>
    public string ActionNumber { get; private set; }
    public DateTime OccurredAtUtc { get; private set; }
    public DateTime? GatheredAtUtc { get; private set; }

    public void Gathered(DateTime nowUtc) => GatheredAtUtc ??= nowUtc;
}
