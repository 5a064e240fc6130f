using DhrTracker.Domain.Common;

namespace DhrTracker.Domain.Notifications;

/// <summary>What a message in the outbox is: one of the digests, or the message gathering what happened in the last ten minutes.</summary>
public enum MessageKind
{
    LeadOfficerDigest,
    CoordinatorDigest,
    ChairDigest,
    SoonAfterEvent,
}

/// <summary>Waiting to go (or going), sent, or failed after every attempt (a person may send it again).</summary>
public enum OutboxState
{
    Waiting,
    Sent,
    Failed,
}

/// <summary>
/// One e-mail, written to the outbox in the same transaction as what caused it and delivered later by the background
/// sender. <see cref="DedupKey"/> is unique: a digest is keyed by person, kind and period, so composing it twice (after
/// a restart, or by two instances at once) cannot make a second message. The sender claims a message by a conditional
/// UPDATE of <see cref="LeaseOwner"/>/<see cref="LeaseUntilUtc"/>, never by an in-memory lock, so that two instances
/// over one database never both send it. Bodies hold references, numbers, dates, agency names and links only.
/// </summary>
public class OutboxMessage : Entity, IPartnershipScoped
{
    public const int SubjectLength = 200;
    public const int BodyLength = 32000;
    public const int KeyLength = 200;
    public const int ResultLength = 1000;

    protected OutboxMessage()
    {
        ToAddress = ToName = DedupKey = Subject = TextBody = HtmlBody = string.Empty;
    }

    public OutboxMessage(
        int partnershipId, int? recipientUserId, string toAddress, string toName, MessageKind kind, string dedupKey,
        string subject, string textBody, string htmlBody, DateTime createdAtUtc)
    {
        PartnershipId = partnershipId;
        RecipientUserId = recipientUserId;
        ToAddress = Guard.Required(toAddress, TextLimits.Email, nameof(ToAddress), "To");
        ToName = Guard.Required(toName, TextLimits.Name, nameof(ToName), "To (name)");
        Kind = kind;
        DedupKey = Guard.Required(dedupKey, KeyLength, nameof(DedupKey), "Key");
        Subject = Guard.Required(subject, SubjectLength, nameof(Subject), "Subject");
        TextBody = Guard.Required(textBody, BodyLength, nameof(TextBody), "Text");
        HtmlBody = Guard.Required(htmlBody, BodyLength, nameof(HtmlBody), "HTML");
        CreatedAtUtc = createdAtUtc;
        NextAttemptAtUtc = createdAtUtc;
        State = OutboxState.Waiting;
    }

    public int PartnershipId { get; private set; }

    /// <summary>The person it is addressed to (null only for an address that is no one's account).</summary>
    public int? RecipientUserId { get; private set; }
    public string ToAddress { get; private set; }
    public string ToName { get; private set; }
    public MessageKind Kind { get; private set; }
    public string DedupKey { get; private set; }
    public string Subject { get; private set; }
    public string TextBody { get; private set; }
    public string HtmlBody { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public OutboxState State { get; private set; }
    public int Attempts { get; private set; }
    public DateTime NextAttemptAtUtc { get; private set; }
    public DateTime? LastAttemptAtUtc { get; private set; }

    /// <summary>The server's answer to the last attempt ("250 2.0.0 Ok: queued", "550 5.1.1 mailbox unavailable").</summary>
    public string? LastResult { get; private set; }
    public DateTime? SentAtUtc { get; private set; }

    /// <summary>The sender instance holding the message while it tries to deliver it, and until when.</summary>
    public string? LeaseOwner { get; private set; }
    public DateTime? LeaseUntilUtc { get; private set; }

    /// <summary>A failed message goes back in the queue, to be tried again from the first attempt.</summary>
    public void Resend(DateTime nowUtc)
    {
        if (State != OutboxState.Failed)
        {
            throw new DomainException("Only a message that failed can be sent again.", nameof(State));
        }

        State = OutboxState.Waiting;
        Attempts = 0;
        NextAttemptAtUtc = nowUtc;
        LeaseOwner = null;
        LeaseUntilUtc = null;
    }

    /// <summary>The Message-Id the message carries on every attempt, so that a receiving server can recognise a repeat.</summary>
    public string MessageIdFor(string domain) => $"dhr-outbox-{Id}@{domain}";
}
