namespace DhrTracker.Tests.Import;

/// <summary>
/// Plans in the shapes real, published plans have (issue 17), built by the tests rather than taken from any one
/// council's file: the Home Office template's guidance row, a recommendation and an action that run over into the
/// next table, "a) … b) … c)" lines in one cell, blank lead cells, a date in the lead cell, multi-line date cells,
/// and the last column holding the intended outcome or "Completed …"; an Excel tracker with a title above the
/// header, merged recommendation cells, real and text dates, RAG and notes columns, and a key row under the data.
/// </summary>
internal static class ShapedPlans
{
    public static readonly string[] HomeOfficeHeadings =
    [
        "Recommendation", "Scope of recommendation i.e. local or regional", "Action to take", "Lead Agency",
        "Key milestones achieved in enacting recommendation", "Target Date", "Date of completion and Outcome",
    ];

    /// <summary>The template's guidance row, worded as templates word it: questions about what goes in each column.</summary>
    public static readonly string[] GuidanceRow =
    [
        "What is the over-arching recommendation?",
        "Should this recommendation be enacted at a local or regional level? (N.B. national learning will be identified by the Home Office Quality Assurance Panel)",
        "How exactly is the relevant agency going to make this recommendation happen? What actions need to occur?",
        "Lead Officer / Head of Service to report progress to the partnership quarterly",
        "Have there been key steps that have allowed the recommendation to be enacted?",
        "When should this recommendation be completed by?",
        "When is the recommendation actually completed? What does the outcome look like?",
    ];

    public const string Rec7Start = "7. Agencies should improve how they respond to older victims: (a) ask about abuse by adult children; (b) record who else lives at the address;";
    public const string Rec7End = "(c) refer to adult social care when care needs are found; and (d) review cases at the older people's MARAC.";
    public const string Rec3Action = "a) Refresh the MARAC information sharing protocol. b) Audit MARAC attendance by every agency. c) Report attendance to the partnership every quarter.";
    public const string Rec9ActionStart = "Produce a leaflet for faith leaders on recognising coercive control and";
    public const string Rec9ActionEnd = "distribute it through the faith forum's network of places of worship.";

    public static byte[] WordPlan() => new DocxBuilder()
        .Paragraph("Domestic Homicide Review – Adult W – Action Plan")
        .Table(t => t
            .Header(HomeOfficeHeadings)
            .Row(GuidanceRow.Select(C.Text).ToArray())
            .Row(
                C.Text("1. Eastshire Constabulary should train all response officers to recognise coercive control."),
                C.Text("Local"),
                C.Text("Deliver coercive control training to all response officers."),
                C.Text("Eastshire Constabulary"),
                C.Text("Training package agreed – Sept 2013"),
                C.Text("April 2014"),
                C.Text("All response officers able to recognise coercive control and record it."))
            .Row(
                C.Text("2. GP practices should ask about domestic abuse when patients present with depression.").Start(),
                C.Text("Local").Start(),
                C.Text("Add a domestic abuse prompt to the GP clinical system."),
                C.Text("Eastshire CCG"),
                C.Empty,
                C.Text("March 2014"),
                C.Text("Completed March 2014 – prompt live in all practices."))
            .Row(
                C.Merged,
                C.Merged,
                C.Text("Audit the use of the prompt after six months."),
                C.Empty,
                C.Empty,
                C.Text("Dec 2014"),
                C.Text("Practices use the prompt in every relevant consultation."))
            .Row(
                C.Text("3. Agencies should share information about high-risk victims with the MARAC."),
                C.Text("Local"),
                C.Breaks("a) Refresh the MARAC information sharing protocol.", "b) Audit MARAC attendance by every agency.", "c) Report attendance to the partnership every quarter."),
                C.Text("Eastshire County Council"),
                C.Text("Protocol signed by all agencies – Dec 2013"),
                C.Text("June 2014"),
                C.Text("Every high-risk victim's case is shared at MARAC."))
            .Row(
                C.Text("4. The hospital should train emergency department staff in routine enquiry."),
                C.Text("Local"),
                C.Text("Train emergency department staff in routine enquiry."),
                C.Text("By April 2014"),
                C.Empty,
                C.Empty,
                C.Text("Staff ask every patient with injuries about domestic abuse."))
            .Row(
                C.Text("5. Housing providers should recognise domestic abuse among their tenants."),
                C.Text("Local"),
                C.Text("Train housing officers to recognise domestic abuse."),
                C.Text("Eastshire Homes"),
                C.Empty,
                C.Breaks("By April 2014", "By Jan 2014"),
                C.Text("Housing officers refer tenants to specialist support."))
            .Row(
                C.Text("6. Probation should review how it supervises perpetrators subject to licence conditions."),
                C.Text("Local"),
                C.Text("Review supervision plans for perpetrators of domestic abuse."),
                C.Text("Westshire Probation Service"),
                C.Text("Audit tool agreed – Feb 2014"),
                C.Text("Dec 2014"),
                C.Text("Ongoing – half of the plans reviewed."))
            .Row(
                C.Text(Rec7Start),
                C.Text("Local"),
                C.Text("Write older victims into the partnership's risk assessment guidance."),
                C.Text("Eastshire County Council"),
                C.Empty,
                C.Text("Sept 2014"),
                C.Text("Older victims are identified and referred.")))
        .Paragraph("Action plan (continued)")
        .Table(t => t
            .Row(C.Text(Rec7End), C.Empty, C.Empty, C.Empty, C.Empty, C.Empty, C.Empty)
            .Row(
                C.Text("8. The ambulance service should include domestic abuse in its safeguarding training across the region."),
                C.Text("Regional"),
                C.Text("Include domestic abuse in ambulance safeguarding training."),
                C.Text("East of England Ambulance Service"),
                C.Empty,
                C.Text("Sept 2014"),
                C.Text("Crews recognise and report domestic abuse."))
            .Row(
                C.Text("9. Faith communities should be supported to recognise domestic abuse."),
                C.Text("Local"),
                C.Text(Rec9ActionStart),
                C.Text("Eastshire Interfaith Network"),
                C.Text("Leaflet drafted – Jan 2015"),
                C.Text("March 2015"),
                C.Text("Faith leaders know where to refer.")))
        .Paragraph("Action plan (continued)")
        .Table(t => t
            .Header(HomeOfficeHeadings)
            .Row(C.Empty, C.Empty, C.Text(Rec9ActionEnd), C.Empty, C.Empty, C.Empty, C.Empty)
            .Row(
                C.Text("10. The partnership should run a public awareness campaign about coercive control."),
                C.Text("Local"),
                C.Text("Run a public awareness campaign."),
                C.Text("Eastshire County Council"),
                C.Text("Campaign launched – Nov 2014"),
                C.Text("Dec 2014"),
                C.Text("More people know what coercive control is."))
            .Row(
                C.Text("11. Westshire Police should ask about access to firearms when domestic abuse is disclosed."),
                C.Text("Local"),
                C.Text("Add a firearms question to the DASH risk checklist."),
                C.Text("Westshire Police"),
                C.Empty,
                C.Text("Jan 2015"),
                C.Text("Officers ask about firearms at every domestic abuse incident."))
            .Row(
                C.Text("12. The ICB should include domestic abuse in GP safeguarding training."),
                C.Text("Local"),
                C.Text("Include domestic abuse in GP safeguarding training."),
                C.Text("Westshire ICB"),
                C.Empty,
                C.Text("Feb 2015"),
                C.Text("Completed 15/01/2015. Training in place for every practice."))
            .Row(
                C.Text("13. Mental health services should consider the risk to family members."),
                C.Text("Local"),
                C.Text("Revise the clinical risk assessment to include family members."),
                C.Text("Eastshire and Fenland Mental Health NHS Foundation Trust"),
                C.Empty,
                C.Text("31/03/2015"),
                C.Text("Risk assessments name the family members at risk."))
            .Row(
                C.Text("14. The partnership should check that this plan is delivered."),
                C.Text("Local"),
                C.Text("Report progress on this plan to the partnership board."),
                C.Text("Eastshire County Council"),
                C.Empty,
                C.Text("June 2015"),
                C.Text("The board sees each action through to completion.")))
        .Build();

    public static readonly string[] TrackerHeadings =
        ["Ref", "Recommendation", "Action", "Lead Agency", "Target Date", "RAG", "Progress notes"];

    /// <summary>An Excel tracker: a title above the header, merged recommendation cells, text and real dates, a key row under the data.</summary>
    public static byte[] ExcelTracker() => new XlsxBuilder()
        .Sheet("Action plan")
        .Row(1, "DHR Adult W – action plan tracker (updated quarterly)")
        .Row(3, TrackerHeadings)
        .Row(4, "1", "Eastshire Constabulary should train response officers to recognise coercive control.", "Deliver coercive control training.", "Eastshire Constabulary", new DateOnly(2030, 4, 30), "Green", "Package agreed; first sessions booked.")
        .Row(5, null, null, "Audit recording of coercive control.", "Eastshire Constabulary", "June 2030", "Amber", "Audit tool still being written.")
        .Merge("A4:A5")
        .Merge("B4:B5")
        .Row(6, "2", "GP practices should ask about domestic abuse.", "Add a domestic abuse prompt to the GP clinical system.", "Westshire ICB", new DateOnly(2030, 3, 31), "Blue", "Prompt live in all practices.")
        .Row(7, "3", "Housing providers should recognise domestic abuse among tenants.", "Train housing officers.", "Westshire Homes", "Dec 2030", "Red", null)
        .Row(9, "RAG key: Blue = complete; Green = on track; Amber = at risk; Red = off track")
        .Merge("A9:G9")
        .Build();
}
