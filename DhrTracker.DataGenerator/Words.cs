namespace DhrTracker.DataGenerator;

/// <summary>
/// The invented vocabulary the generator writes with: place names, people's names, pseudonyms and the phrases
/// of recommendations, actions and updates. Every name is made up; victims have pseudonyms only.
/// </summary>
internal static class Words
{
    public static readonly string[] PlacePrefixes =
    [
        "Ash", "Bram", "Cold", "Dun", "Elm", "Fern", "Glen", "Hale", "Ivy", "Kings", "Lark", "Mead", "Nor", "Oak", "Pen", "Quen",
        "Rye", "Sand", "Thorn", "Ulver", "Vale", "Wick", "Yarn", "Birch",
    ];

    public static readonly string[] PlaceSuffixes =
    [
        "mere", "ford", "shire", "ton", "bury", "holt", "field", "wick", "stow", "combe", "ley", "ham", "worth", "dale", "minster", "brook",
    ];

    public static readonly string[] FirstNames =
    [
        "Alex", "Bev", "Chris", "Dana", "Eli", "Fran", "Gita", "Hal", "Imran", "Jo", "Kemi", "Lou", "Mo", "Nia", "Owen", "Priya", "Ravi",
        "Sam", "Tess", "Uma", "Vic", "Wyn", "Yusuf", "Zoe",
    ];

    public static readonly string[] Surnames =
    [
        "Abbott", "Brennan", "Carver", "Dale", "Ellery", "Finch", "Gale", "Hollis", "Ingram", "Jarvis", "Kemp", "Lowe", "Marsh", "Nairn",
        "Orme", "Pryce", "Quill", "Rowe", "Stroud", "Thorne", "Upton", "Vance", "Wren", "Yates",
    ];

    public static readonly string[] ChosenPseudonyms =
    [
        "Anna", "Beth", "Carol", "Dee", "Elaine", "Faith", "Grace", "Hope", "Iris", "Joy", "Kay", "Lily", "May", "Nell", "Olive", "Pearl",
        "Rose", "Sky", "Tia", "Violet", "Wendy",
    ];

    public static readonly string[] PerpetratorPseudonyms = ["Adult B", "Mr B", "Mr C", "Adult C", "Mr D", "Ms E", "Adult F"];

    public static readonly string[] Themes =
    [
        "Training", "Information sharing", "Risk assessment", "Firearms licensing", "Health pathways", "Public awareness",
        "Multi-agency strategy", "Housing", "Substance misuse", "Mental health", "Coercive control", "Older people",
        "Children and young people", "Workplace", "Economic abuse",
    ];

    public static readonly string[] RecommendationVerbs =
    [
        "review its guidance on", "train frontline staff in", "audit its practice on", "develop a protocol for", "raise awareness of",
        "strengthen its approach to", "assure the board about", "commission specialist support for", "update its policy on",
        "improve the recording of",
    ];

    public static readonly string[] Subjects =
    [
        "routine enquiry about domestic abuse", "the DASH risk checklist", "referrals to MARAC", "sharing information with GPs",
        "coercive and controlling behaviour", "economic abuse", "the risks of non-fatal strangulation", "firearms licensing checks",
        "the needs of older victims", "carers' assessments", "safeguarding adults referrals", "substance misuse pathways",
        "suicide risk after domestic abuse", "the Domestic Violence Disclosure Scheme", "stalking and harassment", "repeat victimisation",
        "professional curiosity", "the voice of the child", "honour-based abuse", "access to IDVA support", "workplace responses to abuse",
        "mental health crisis pathways", "housing options for victims", "perpetrator programmes",
    ];

    public static readonly string[] Purposes =
    [
        "so that victims are identified earlier", "so that risk is shared between agencies", "so that families are heard",
        "so that practitioners know how to respond", "so that no referral is lost", "so that repeat incidents are recognised",
        "so that support is offered at the first contact", "so that the board can see the effect",
    ];

    public static readonly string[] ActionVerbs =
    [
        "Deliver a briefing to all staff on", "Audit fifty cases for", "Update the policy and procedure on", "Add a mandatory module on",
        "Agree a multi-agency protocol on", "Run a public campaign on", "Report to the DASVB on", "Set up a practitioner forum on",
        "Publish a seven-minute briefing on", "Introduce a quality check of",
    ];

    public static readonly string[] Milestones =
    [
        "Draft agreed", "Briefing delivered", "Audit complete", "Policy published", "Training rolled out", "Report to the DASVB",
        "Pilot started", "Pilot evaluated", "Staff survey done", "Protocol signed", "Campaign launched", "Dip sample reviewed",
    ];

    public static readonly string[] UpdateOpenings =
    [
        "Work is progressing", "The working group met", "Staff briefings continue", "The audit is under way", "The draft was circulated",
        "Attendance figures were collected", "The lead officer met the co-ordinator", "A dip sample was taken",
    ];

    public static readonly string[] UpdateDetails =
    [
        "and 80% of frontline staff have now completed the module", "and comments are due back by the end of the month",
        "with two teams still to attend", "and the findings go to the next board", "with good engagement from partners",
        "but capacity in the team has slowed progress", "and the next step is sign-off by the senior leadership team",
        "and the learning has been shared with neighbouring partnerships",
    ];

    public static readonly string[] SlowReasons =
    [
        "Staff vacancies have delayed the training programme", "The system change depends on a supplier release",
        "Sign-off is waiting for the new safeguarding lead", "Partners have not yet agreed the data-sharing agreement",
    ];

    public static readonly string[] Evidence =
    [
        "Audit report presented to the DASVB; 92% compliance", "Training records show 1,140 staff trained", "Revised policy published on the intranet",
        "Protocol signed by all partners", "Campaign evaluation shows a 30% rise in calls to the helpline", "Dip sample of 40 cases shows the change embedded",
    ];

    public static readonly string[] PanelRoles = ["Panel member", "Safeguarding lead", "Named nurse", "Detective inspector", "Service manager", "Housing lead"];

    public static readonly string[] ChairOrganisations = ["Independent", "Standing Together", "AAFDA associate", "Independent consultancy"];

    public static readonly string[] FamilyMembers = ["Sister of", "Mother of", "Father of", "Son of", "Daughter of", "Friend of", "Colleague of", "Brother of"];
}
