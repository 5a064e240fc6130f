namespace DhrTracker.Infrastructure.Import;

/// <summary>
/// A file could not be imported. The message is written for the co-ordinator at the screen: what is wrong with
/// the file and what to do about it. Nothing has been saved when this is thrown.
/// </summary>
public sealed class ImportException : Exception
{
    public ImportException(string message)
        : base(message)
    {
    }

    public ImportException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
