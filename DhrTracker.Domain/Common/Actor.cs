namespace DhrTracker.Domain.Common;

/// <summary>The signed-in person doing something, as the domain records it.</summary>
public sealed record Actor(int UserId, string Name);
