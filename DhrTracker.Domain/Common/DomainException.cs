namespace DhrTracker.Domain.Common;

/// <summary>
/// A rule was broken. The message is written for the person at the screen; <see cref="Field"/>
/// names the form field it belongs next to, when there is one.
/// </summary>
public sealed class DomainException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}
