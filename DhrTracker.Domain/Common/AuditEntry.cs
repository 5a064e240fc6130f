namespace DhrTracker.Domain.Common;

public enum AuditKind
{
    Added,
    Modified,
    Deleted,

    /// <summary>Nothing changed: a copy of data left the system (a backup of the database).</summary>
    Downloaded,
}

/// <summary>
/// One write, recorded in the same transaction as the write: who, when, what, and the values before and
/// after. Append-only: the database refuses updates and deletes of these rows.
/// </summary>
public class AuditEntry : IPartnershipScoped
{
    protected AuditEntry()
    {
        UserName = string.Empty;
        EntityType = string.Empty;
        EntityId = string.Empty;
        Changes = string.Empty;
    }

    public AuditEntry(int partnershipId, DateTime occurredAtUtc, int? userId, string userName, string entityType, string entityId, int? reviewId, AuditKind kind, string changes)
    {
        PartnershipId = partnershipId;
        OccurredAtUtc = occurredAtUtc;
        UserId = userId;
        UserName = userName;
        EntityType = entityType;
        EntityId = entityId;
        ReviewId = reviewId;
        Kind = kind;
        Changes = changes;
    }

    public long Id { get; private set; }
    public int PartnershipId { get; private set; }
    public DateTime OccurredAtUtc { get; private set; }
    public int? UserId { get; private set; }
    public string UserName { get; private set; }
    public string EntityType { get; private set; }
    public string EntityId { get; private set; }
    public int? ReviewId { get; private set; }
    public AuditKind Kind { get; private set; }

    /// <summary>JSON: an array of { property, before, after }.</summary>
    public string Changes { get; private set; }
}
