namespace DhrTracker.Domain.Actions;

/// <summary>BRAG: Blue for complete, then Green, Amber, Red in rising order of concern.</summary>
public enum Rag
{
    Blue = 0,
    Green = 1,
    Amber = 2,
    Red = 3,
}

public static class RagText
{
    public static string Describe(this Rag rag) => rag switch
    {
        Rag.Blue => "Blue – complete",
        Rag.Green => "Green – on target",
        Rag.Amber => "Amber – below target but acceptable",
        Rag.Red => "Red – worse than target, unacceptable",
        _ => rag.ToString(),
    };

    public static string Short(this Rag rag) => rag.ToString();

    /// <summary>Shading used in documents and charts, always beside the words, never instead of them.</summary>
    public static string Hex(this Rag rag) => rag switch
    {
        Rag.Blue => "9DC3E6",
        Rag.Green => "A9D18E",
        Rag.Amber => "FFD966",
        Rag.Red => "F4B183",
        _ => "FFFFFF",
    };
}

/// <summary>A status and the reason for it, in words a board member can read.</summary>
public sealed record StatusAssessment(Rag Status, string Reason)
{
    public string Text => Status.Describe();
}
