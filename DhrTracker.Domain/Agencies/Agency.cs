using DhrTracker.Domain.Common;

namespace DhrTracker.Domain.Agencies;

public enum AgencyKind
{
    Police,
    NhsEngland,
    IntegratedCareBoard,
    GpPractice,
    MentalHealthTrust,
    AcuteHospitalTrust,
    CountyCouncil,
    DistrictCouncil,
    SpecialistDomesticAbuseService,
    Housing,
    Probation,
    AmbulanceService,
    NationalBody,
    Other,
}

/// <summary>
/// An organisation that sits on panels, writes agency reports or leads actions. National bodies
/// (the Home Office, NHS England nationally, Department of Health) are agencies of kind
/// <see cref="AgencyKind.NationalBody"/> so that national recommendations can be addressed to them.
/// </summary>
public class Agency : Entity, IPartnershipScoped, IVersioned
{
    protected Agency()
    {
        Name = string.Empty;
    }

    public Agency(int partnershipId, string name, AgencyKind kind)
    {
        PartnershipId = partnershipId;
        Name = Guard.Required(name, TextLimits.Name, nameof(Name), "Agency name");
        Kind = kind;
        IsActive = true;
    }

    public int PartnershipId { get; private set; }
    public string Name { get; private set; }
    public AgencyKind Kind { get; private set; }
    public bool IsActive { get; private set; }
    public int Version { get; set; }

    public bool IsNationalBody => Kind == AgencyKind.NationalBody;

    public void Rename(string name) => Name = Guard.Required(name, TextLimits.Name, nameof(Name), "Agency name");

    public void ChangeKind(AgencyKind kind) => Kind = kind;

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;
}

public static class AgencyKindText
{
    public static string Describe(this AgencyKind kind) => kind switch
    {
        AgencyKind.Police => "Police",
        AgencyKind.NhsEngland => "NHS England",
        AgencyKind.IntegratedCareBoard => "Integrated care board",
        AgencyKind.GpPractice => "GP practice",
        AgencyKind.MentalHealthTrust => "Mental health trust",
        AgencyKind.AcuteHospitalTrust => "Acute hospital trust",
        AgencyKind.CountyCouncil => "County council",
        AgencyKind.DistrictCouncil => "District council",
        AgencyKind.SpecialistDomesticAbuseService => "Specialist domestic abuse service",
        AgencyKind.Housing => "Housing",
        AgencyKind.Probation => "Probation",
        AgencyKind.AmbulanceService => "Ambulance service",
        AgencyKind.NationalBody => "National body",
        _ => "Other",
    };
}
