using DhrTracker.Domain.Actions;

namespace DhrTracker.Web.Components.Shared.Charts;

/// <summary>One bar of a BRAG chart: what it is (a review, an agency), its counts and, optionally, where to read more.</summary>
public sealed record BragChartRow(string Label, BragCounts Counts, string? Href = null);
