namespace DhrTracker.Domain.Common;

/// <summary>
/// The one source of time. <see cref="UtcNow"/> is what is stored; <see cref="Today"/> is the date on a UK calendar
/// (see <see cref="UkTime"/>), which is what every rule about due dates, lateness and "not in the future" means.
/// Domain rules never read it: handlers pass <see cref="Today"/> or <see cref="UtcNow"/> in.
/// </summary>
public interface IClock
{
    DateTime UtcNow { get; }

    DateOnly Today { get; }
}
