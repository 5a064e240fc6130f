using DhrTracker.Domain.Common;

namespace DhrTracker.Infrastructure.Time;

/// <summary>The app's clock: the system's time (or a test's fake), read as UTC for storage and as a UK date for rules.</summary>
public sealed class UkClock(TimeProvider time) : IClock
{
    public static readonly UkClock System = new(TimeProvider.System);

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public DateOnly Today => UkTime.DateOf(UtcNow);
}
