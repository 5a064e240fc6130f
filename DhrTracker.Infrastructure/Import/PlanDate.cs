using System.Globalization;

namespace DhrTracker.Infrastructure.Import;

/// <summary>How a date written in a plan was read.</summary>
public enum PlanDateKind
{
    /// <summary>Nothing written (or "n/a", "-").</summary>
    None,

    /// <summary>A day was written: "31 March 2014", "31/03/14".</summary>
    Exact,

    /// <summary>A month was written ("April 2014", "By Jan 2014", "Oct '13"): read as its last day.</summary>
    EndOfMonth,

    /// <summary>A year, financial year or quarter was written ("2014", "2014/15", "Q2 2014/15"): read as its last day.</summary>
    EndOfPeriod,

    /// <summary>Only a start was written ("From July 2013"): no target date; the start is kept.</summary>
    StartOnly,

    /// <summary>A recurring activity ("Quarterly", "Annually"): no single target date.</summary>
    Recurring,

    /// <summary>Ongoing work ("Ongoing", "Commencing Oct 2013 and ongoing"): no target date.</summary>
    Ongoing,

    /// <summary>The plan says the date is still to be set ("TBC", "To be agreed").</summary>
    NotYetSet,

    /// <summary>Something was written that is not a date the importer can read ("After the trial", "31/02/2014").</summary>
    Unreadable,
}

/// <summary>
/// A date as a plan wrote it (<see cref="Original"/>) and what the importer read (<see cref="Date"/>, or none).
/// <see cref="NeedsAttention"/> marks what the co-ordinator should look at in the preview; only an
/// <see cref="IsUnreadable"/> date stops the import until it is corrected or cleared.
/// </summary>
public sealed record PlanDate(string Original, PlanDateKind Kind, DateOnly? Date, DateOnly? StartsOn = null, string? Note = null)
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    public static PlanDate None { get; } = new(string.Empty, PlanDateKind.None, null);

    public bool IsUnreadable => Kind == PlanDateKind.Unreadable;

    public bool HasDate => Date is not null;

    public bool NeedsAttention => Kind is PlanDateKind.StartOnly or PlanDateKind.Recurring or PlanDateKind.Ongoing or PlanDateKind.NotYetSet or PlanDateKind.Unreadable;

    /// <summary>What the preview says beside the original text: how it was read, or why it could not be.</summary>
    public string? Message => Kind switch
    {
        PlanDateKind.Unreadable => "Could not read this date" + (Note is null ? "." : $": {Note}."),
        PlanDateKind.StartOnly => $"This is when the work starts ({Long(StartsOn)}), not a target: no target date.",
        PlanDateKind.Recurring => "A recurring activity has no single target date: no target date." + (StartsOn is { } s ? $" It starts {Long(s)}." : string.Empty),
        PlanDateKind.Ongoing => StartsOn is { } from ? $"Ongoing from {Long(from)}: no target date." : "Ongoing: no target date.",
        PlanDateKind.NotYetSet => Note ?? "The plan says the date is still to be set: no target date.",
        PlanDateKind.EndOfMonth or PlanDateKind.EndOfPeriod => Note,
        _ => Note,
    };

    /// <summary>"30 April 2014", or empty.</summary>
    public string Display => Date is { } d ? Long(d) : string.Empty;

    internal static string Long(DateOnly? date) => date is { } d ? d.ToString("d MMMM yyyy", English) : string.Empty;
}
