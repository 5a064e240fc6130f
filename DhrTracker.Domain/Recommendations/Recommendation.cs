using DhrTracker.Domain.Agencies;
using DhrTracker.Domain.Common;

namespace DhrTracker.Domain.Recommendations;

public enum RecommendationScope
{
    Local,
    Regional,
    National,
}

/// <summary>A recommendation as the overview report gives it, numbered as the report numbers it.</summary>
public class Recommendation : Entity, IPartnershipScoped, IVersioned
{
    private readonly List<RecommendationAddressee> _addressees = [];
    private readonly List<RecommendationTheme> _themes = [];

    protected Recommendation()
    {
        Number = string.Empty;
        Text = string.Empty;
    }

    public Recommendation(int partnershipId, int reviewId, string number, string text, RecommendationScope scope, int sortOrder)
    {
        PartnershipId = partnershipId;
        ReviewId = reviewId;
        SortOrder = sortOrder;
        Number = string.Empty;
        Text = string.Empty;
        Edit(number, text, scope);
    }

    public int PartnershipId { get; private set; }
    public int ReviewId { get; private set; }
    public string Number { get; private set; }
    public string Text { get; private set; }
    public RecommendationScope Scope { get; private set; }
    public int SortOrder { get; private set; }
    public IReadOnlyList<RecommendationAddressee> Addressees => _addressees;
    public IReadOnlyList<RecommendationTheme> Themes => _themes;
    public int Version { get; set; }

    public void Edit(string number, string text, RecommendationScope scope)
    {
        Number = Guard.Required(number, TextLimits.RecommendationNumber, nameof(Number), "Number");
        Text = Guard.Required(text, TextLimits.LongText, nameof(Text), "Recommendation text");
        Scope = scope;
    }

    public void MoveTo(int sortOrder) => SortOrder = sortOrder;

    public void AddressTo(IEnumerable<int> agencyIds)
    {
        var wanted = agencyIds.Distinct().ToHashSet();
        _addressees.RemoveAll(a => !wanted.Contains(a.AgencyId));
        foreach (var id in wanted.Where(id => _addressees.All(a => a.AgencyId != id)))
        {
            _addressees.Add(new RecommendationAddressee(id));
        }
    }

    /// <summary>
    /// Addresses the recommendation to these agencies, checking what the scope asks: a national recommendation
    /// is addressed to the department or national body that must act on it.
    /// </summary>
    public void AddressTo(IReadOnlyCollection<Agency> agencies)
    {
        if (Scope == RecommendationScope.National && !agencies.Any(a => a.IsNationalBody))
        {
            throw new DomainException("A national recommendation must be addressed to the department or national body it is for (for example the Home Office).", "AddresseeIds");
        }

        AddressTo(agencies.Select(a => a.Id));
    }

    public void Tag(IEnumerable<int> themeIds)
    {
        var wanted = themeIds.Distinct().ToHashSet();
        _themes.RemoveAll(t => !wanted.Contains(t.ThemeId));
        foreach (var id in wanted.Where(id => _themes.All(t => t.ThemeId != id)))
        {
            _themes.Add(new RecommendationTheme(id));
        }
    }
}

public class RecommendationAddressee
{
    protected RecommendationAddressee()
    {
    }

    internal RecommendationAddressee(int agencyId) => AgencyId = agencyId;

    public int RecommendationId { get; private set; }
    public int AgencyId { get; private set; }
}

public class RecommendationTheme
{
    protected RecommendationTheme()
    {
    }

    internal RecommendationTheme(int themeId) => ThemeId = themeId;

    public int RecommendationId { get; private set; }
    public int ThemeId { get; private set; }
}

public static class RecommendationScopeText
{
    public static string Describe(this RecommendationScope scope) => scope switch
    {
        RecommendationScope.Local => "Local",
        RecommendationScope.Regional => "Regional",
        RecommendationScope.National => "National",
        _ => scope.ToString(),
    };
}
