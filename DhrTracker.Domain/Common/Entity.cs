namespace DhrTracker.Domain.Common;

public abstract class Entity
{
    public int Id { get; protected set; }
}

/// <summary>An entity that belongs to one partnership; the database never returns it to another.</summary>
public interface IPartnershipScoped
{
    int PartnershipId { get; }
}

/// <summary>
/// Carries an optimistic-concurrency version, bumped on every save, so that a second person editing the
/// same thing is told instead of silently overwriting the first.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
