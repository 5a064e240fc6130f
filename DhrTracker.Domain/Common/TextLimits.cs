namespace DhrTracker.Domain.Common;

/// <summary>
/// Length limits shared by the domain checks and the database schema, so the two cannot drift apart.
/// </summary>
public static class TextLimits
{
    public const int Name = 200;
    public const int ShortCode = 20;
    public const int Reference = 40;
    public const int Pseudonym = 100;
    public const int Email = 254;
    public const int ShortText = 200;
    public const int RecommendationNumber = 20;
    public const int Narrative = 4000;
    public const int LongText = 8000;
    public const int Reason = 2000;
}
