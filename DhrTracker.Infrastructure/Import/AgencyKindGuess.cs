using System.Text.RegularExpressions;
using DhrTracker.Domain.Agencies;

namespace DhrTracker.Infrastructure.Import;

/// <summary>
/// The kind of a new agency, guessed from the name a plan gives it, so that "Norfolk Police" or "NHS England" is
/// not created as "Other". Only a default: the preview shows it and the co-ordinator can change it.
/// </summary>
public static partial class AgencyKindGuess
{
    public static AgencyKind From(string? name)
    {
        var n = name ?? string.Empty;
        return n switch
        {
            _ when Words(n, "police", "constabulary", "police and crime commissioner", "opcc", "pcc") => AgencyKind.Police,
            _ when Words(n, "nhs england", "nhse") => AgencyKind.NhsEngland,
            _ when Words(n, "home office", "ministry of justice", "department of health", "department for education", "dwp", "department for work and pensions", "government", "cps", "crown prosecution service") => AgencyKind.NationalBody,
            _ when Words(n, "icb", "ccg", "integrated care board", "clinical commissioning group", "integrated care system", "ics") => AgencyKind.IntegratedCareBoard,
            _ when Words(n, "ambulance") => AgencyKind.AmbulanceService,
            _ when Words(n, "probation", "nps", "crc", "community rehabilitation company") => AgencyKind.Probation,
            _ when Words(n, "gp", "gps", "general practice", "surgery", "medical practice", "medical centre", "health centre") => AgencyKind.GpPractice,
            _ when Words(n, "mental health", "partnership trust", "psychiatric") => AgencyKind.MentalHealthTrust,
            _ when Words(n, "hospital", "hospitals", "university hospitals", "acute") => AgencyKind.AcuteHospitalTrust,
            _ when Words(n, "nhs", "trust", "foundation trust", "health") && !Words(n, "housing trust") => AgencyKind.AcuteHospitalTrust,
            _ when Words(n, "district council", "borough council", "city council") => AgencyKind.DistrictCouncil,
            _ when Words(n, "council", "county council", "local authority", "adult social care", "children's services", "childrens services", "social care") => AgencyKind.CountyCouncil,
            _ when Words(n, "housing", "homes", "housing association", "tenancy") => AgencyKind.Housing,
            _ when Words(n, "idva", "refuge", "women's aid", "womens aid", "domestic abuse service", "domestic abuse services", "domestic violence", "safelives") => AgencyKind.SpecialistDomesticAbuseService,
            _ => AgencyKind.Other,
        };
    }

    private static bool Words(string name, params string[] words)
    {
        var n = Normalise().Replace(name.ToLowerInvariant(), " ");
        return words.Any(w => Regex.IsMatch(n, $@"(^|\s){Regex.Escape(w)}(\s|$)"));
    }

    [GeneratedRegex(@"[^\p{L}\p{N}']+")]
    private static partial Regex Normalise();
}
