using DhrTracker.Domain.Agencies;
using DhrTracker.Infrastructure.Import;

namespace DhrTracker.Tests.Import;

public class AgencyMatcherTests
{
    /// <summary>The agencies of a partnership like the demo's Eastshire.</summary>
    internal static readonly IReadOnlyList<AgencyCandidate> Eastshire =
    [
        new(1, "Eastshire Constabulary", AgencyKind.Police),
        new(2, "NHS England – East of England", AgencyKind.NhsEngland),
        new(3, "Eastshire and Waveney Integrated Care Board", AgencyKind.IntegratedCareBoard),
        new(4, "Riverside Medical Practice", AgencyKind.GpPractice),
        new(5, "Market Street Surgery", AgencyKind.GpPractice),
        new(6, "Eastshire and Fenland Mental Health NHS Foundation Trust", AgencyKind.MentalHealthTrust),
        new(7, "Eastshire General Hospital NHS Trust", AgencyKind.AcuteHospitalTrust),
        new(8, "Eastshire County Council", AgencyKind.CountyCouncil),
        new(9, "Northvale District Council", AgencyKind.DistrictCouncil),
        new(10, "Southbrook Borough Council", AgencyKind.DistrictCouncil),
        new(11, "Haven Domestic Abuse Service", AgencyKind.SpecialistDomesticAbuseService),
        new(12, "Eastshire Homes", AgencyKind.Housing),
        new(13, "Probation Service – Eastshire", AgencyKind.Probation),
        new(14, "East of England Ambulance Service", AgencyKind.AmbulanceService),
        new(15, "Home Office", AgencyKind.NationalBody),
        new(16, "Department of Health and Social Care", AgencyKind.NationalBody),
        new(17, "NHS England (national)", AgencyKind.NationalBody),
        new(18, "Ministry of Justice", AgencyKind.NationalBody),
        new(19, "Westfield Women's Aid", AgencyKind.SpecialistDomesticAbuseService),
    ];

    private readonly AgencyMatcher _matcher = new(Eastshire);

    [Theory]
    [InlineData("Eastshire Constabulary", 1)]
    [InlineData("eastshire constabulary.", 1)]
    [InlineData("EASTSHIRE CONSTABULARY", 1)]
    [InlineData("Police", 1)]
    [InlineData("Eastshire Police", 1)]
    [InlineData("Eastshire Constabullary", 1)]
    [InlineData("Eastshire CCG", 3)]
    [InlineData("CCG", 3)]
    [InlineData("ICB", 3)]
    [InlineData("Eastshire & Waveney ICB", 3)]
    [InlineData("Eastshire and Waveney Clinical Commissioning Group", 3)]
    [InlineData("Mental Health Trust", 6)]
    [InlineData("Eastshire & Fenland MH NHS FT", 6)]
    [InlineData("Eastshire County Council", 8)]
    [InlineData("County Council", 8)]
    [InlineData("Eastshire CC", 8)]
    [InlineData("Haven", 11)]
    [InlineData("HDAS", 11)]
    [InlineData("Haven Domestic Violence Service", 11)]
    [InlineData("Housing", 12)]
    [InlineData("NPS", 13)]
    [InlineData("National Probation Service", 13)]
    [InlineData("Probation", 13)]
    [InlineData("Ambulance Service", 14)]
    [InlineData("the Home Office", 15)]
    [InlineData("DHSC", 16)]
    [InlineData("Department of Health", 16)]
    [InlineData("MoJ", 18)]
    [InlineData("Westfield Womens Aid", 19)]
    [InlineData("NHS England (national)", 17)]
    public void Names_written_differently_match_the_partnerships_agency(string written, int agencyId)
    {
        var match = _matcher.Match(written);

        Assert.True(match.IsMatched, $"'{written}' did not match");
        Assert.Equal(agencyId, match.AgencyId);
        Assert.Equal(Eastshire.Single(a => a.Id == agencyId).Name, match.AgencyName);
        Assert.Equal(written.Trim(), match.Written);
    }

    [Theory]
    [InlineData("Council")]
    [InlineData("GP")]
    [InlineData("NHS England")]
    [InlineData("NHS")]
    [InlineData("Eastshire")]
    [InlineData("Eastshire Faith Forum")]
    [InlineData("Children's Services")]
    [InlineData("")]
    public void Ambiguous_or_unknown_names_are_left_unmatched(string written)
    {
        var match = _matcher.Match(written);

        Assert.False(match.IsMatched);
        Assert.Null(match.AgencyId);
    }

    [Fact]
    public void Normalising_ignores_case_punctuation_and_ampersands()
    {
        Assert.Equal("eastshire and waveney icb", AgencyMatcher.Normalise("  Eastshire &  Waveney ICB. "));
        Assert.Equal("womens aid", AgencyMatcher.Normalise("Women's Aid"));
    }
}
