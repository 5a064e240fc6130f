namespace DhrTracker.Tests.Import;

/// <summary>
/// Action plans in the shapes partnerships really have, built by the tests themselves. The Word plan has 14
/// recommendations and 26 actions over two tables (the second with differently worded headings, a reworded
/// header repeated inside it, and a recommendation whose text runs on from the first table), theme rows,
/// merged cells, continuation rows, several actions and agencies in one cell, milestones with their dates in
/// one cell, footnote markers of every kind, empty rows and every date form the importer reads.
/// </summary>
internal static class SamplePlans
{
    public static readonly string[] HomeOfficeHeadings =
    [
        "Recommendation",
        "Scope of recommendation (local/regional/national)",
        "Action to take",
        "Lead agency",
        "Key milestones achieved in enacting recommendation",
        "Target date",
        "Date of completion and outcome",
    ];

    public static byte[] HomeOfficeWordPlan() => new DocxBuilder()
        .Paragraph("Domestic Homicide Review – Adult A")
        .Paragraph("Action plan agreed by the review panel, September 2013. Footnotes explain the sources.")
        .Table(t => t
            .Header(HomeOfficeHeadings)
            .Across("Theme 1 – Training and awareness", 7)
            .Row(
                C.Runs(new CR("1. Eastshire Constabulary should train all response officers to recognise coercive control."), CR.Note("Home Office statutory guidance, 2016.")).Start(),
                C.Text("Local").Start(),
                C.Text("Deliver coercive control training to all response officers."),
                C.Text("Eastshire Constabulary"),
                C.Bullets("Training package agreed – Sept 2013", "Training delivered to 80% of officers by April 2014"),
                C.Text("April 2014"),
                C.Text("Completed April 2014 – 412 officers trained; audit showed better recording of coercive control."))
            .Row(
                C.Merged,
                C.Merged,
                C.Text("Include coercive control in the annual refresher training."),
                C.Text("Eastshire Constabulary"),
                C.Empty,
                C.Text("Annually"),
                C.Empty)
            .Row(
                C.Text("2. GP practices should ask about domestic abuse when patients present with depression or anxiety.").Start(),
                C.Text("Local").Start(),
                C.Text("Add a domestic abuse prompt to the GP clinical system."),
                C.Text("Eastshire CCG"),
                C.Text("Prompt live on the clinical system (Dec 13)"),
                C.Text("By Jan 2014"),
                C.Empty)
            .Row(
                C.Merged,
                C.Merged,
                C.Text("Run IRIS training in GP practices.[1]"),
                C.Text("Eastshire CCG, Haven Domestic Abuse Service"),
                C.Breaks("Practices trained: Oct '13", "First referrals audited: March 2014"),
                C.Text("March 2014"),
                C.Text("Ongoing – 12 of 20 practices trained"))
            .Row(
                C.Text("3. Agencies should share information about high-risk victims with the MARAC."),
                C.Text("Local"),
                C.Numbered("Refresh the MARAC information sharing protocol.", "Audit MARAC attendance by every agency.", "Report attendance to the CSP quarterly."),
                C.Text("Eastshire County Council\nEastshire Police\nEastshire County Council"),
                C.Text("Protocol signed by all agencies – Dec 2013"),
                C.Text("Dec 13\nJune 2014\nQuarterly"),
                C.Empty)
            .Row(
                C.Runs(new CR("4. The mental health trust should make sure that risk assessments consider"), CR.Sup("2")),
                C.Text("Local"),
                C.Text("Revise the clinical risk assessment to include domestic abuse."),
                C.Text("Mental Health Trust"),
                C.Text("Revised risk assessment approved – 31st January 2014"),
                C.Text("31/03/2014"),
                C.Empty)
            .Row(C.Text("the risk posed to family members and carers."), C.Empty, C.Empty, C.Empty, C.Empty, C.Empty, C.Empty)
            .EmptyRow(7)
            .Row(
                C.Text("5. Housing providers should recognise domestic abuse among their tenants."),
                C.Text("Local"),
                C.Text("- Train housing officers to recognise domestic abuse.\n- Add domestic abuse to the tenancy sign-up checklist."),
                C.Text("Haven Domestic Abuse Service; Eastshire Homes (lead)"),
                C.Empty,
                C.Text("From July 2013"),
                C.Empty)
            .Across("Theme 2 – Processes – county wide", 7)
            .Row(
                C.Text("6. Eastshire County Council should commission an advocacy service for older victims of domestic abuse."),
                C.Text("Local"),
                C.Text("Commission an older people's IDVA service."),
                C.Text("Eastshire County Council – Ms Joanne Pike"),
                C.Text("Specification agreed – 1 Nov 2013\nService launched – 01/04/2014"),
                C.Text("Commencing Oct 2013 and ongoing"),
                C.Empty)
            .Row(
                C.Text("7. The ambulance service should include domestic abuse in its safeguarding training across the region."),
                C.Text("Regional"),
                C.Text("Include domestic abuse in ambulance safeguarding training."),
                C.Text("East of England Ambulance Service"),
                C.Empty,
                C.Text("Sept 2013"),
                C.Text("Completed 15/09/2013. Training in place across the region."))
            .Row(
                C.Text("8. The Home Office should issue guidance on domestic abuse and firearms licensing."),
                C.Text("National"),
                C.Text("a) Write to the Home Office asking for national guidance.\nb) Share this review's learning with the national firearms licensing group."),
                C.Text("Home Office"),
                C.Empty,
                C.Text("2014/15"),
                C.Empty)
            .Row(
                C.Text("9. Probation should review how it supervises perpetrators of domestic abuse who"),
                C.Text("Local"),
                C.Bullets("Review supervision plans for perpetrators of domestic abuse.", "Introduce monthly case audits."),
                C.Text("NPS"),
                C.Text("Audit tool agreed – Feb 2014"),
                C.Text("End of March 2014"),
                C.Empty))
        .Paragraph("Action plan (continued)")
        .Table(t => t
            .Header(false, "No.", "Recommendation text", "Scope", "Actions", "Lead", "Milestones and dates", "Timescale", "Outcome / date completed")
            .Row(C.Empty, C.Text("are subject to licence conditions."), C.Empty, C.Empty, C.Empty, C.Empty, C.Empty, C.Empty)
            .Row(
                C.Text("10").Start(),
                C.Text("The CSP should run a public awareness campaign about coercive control.*").Start(),
                C.Text("Local").Start(),
                C.Text("Run a public awareness campaign."),
                C.Text("Eastshire County Council\nSupported by: Haven Domestic Abuse Service, Eastshire Police"),
                C.Text("Campaign materials designed – Nov 2013\nCampaign launched – By Jan 2014"),
                C.Text("Jan 2014"),
                C.Empty)
            .Row(
                C.Merged,
                C.Merged,
                C.Merged,
                C.Text("Evaluate the campaign's reach."),
                C.Text("Haven"),
                C.Empty,
                C.Text("Q1 2014/15"),
                C.Empty)
            .Header(true, "Rec no.", "Recommendation", "Scope of recommendation", "Action to take", "Lead agency", "Key milestones", "Target date", "Date of completion and outcome")
            .Row(
                C.Text("11"),
                C.Text("Eastshire General Hospital should train emergency department staff in routine enquiry."),
                C.Text("Local"),
                C.Text("Train emergency department staff in routine enquiry."),
                C.Text("Eastshire General Hospital NHS Trust"),
                C.Text("Training plan agreed (Oct 2013)"),
                C.Text("Apr-14"),
                C.Text("Completed 28 March 2014 - 95% of ED staff trained"))
            .Row(
                C.Empty,
                C.Empty,
                C.Empty,
                C.Text("Audit routine enquiry in the emergency department."),
                C.Text("Eastshire General Hospital NHS Trust & Eastshire and Waveney ICB"),
                C.Empty,
                C.Text("30/06/2014"),
                C.Empty)
            .Row(
                C.Text("12").Start(),
                C.Text("Agencies should ask about access to firearms when domestic abuse is disclosed.").Start(),
                C.Text("Local").Start(),
                C.Text("Add a firearms question to the DASH risk checklist."),
                C.Text("Eastshire Constabulary").Start(),
                C.Text("Checklist revised – 30.11.13"),
                C.Text("31 December 2013"),
                C.Empty)
            .Row(
                C.Merged,
                C.Merged,
                C.Merged,
                C.Text("Brief firearms licensing staff on domestic abuse indicators."),
                C.Merged,
                C.Empty,
                C.Text("Feb 2014"),
                C.Empty)
            .Row(
                C.Text("13"),
                C.Text("Faith communities should be supported to recognise domestic abuse."),
                C.Text("Local"),
                C.Text("Hold awareness sessions with faith leaders."),
                C.Text("Eastshire Faith Forum"),
                C.Empty,
                C.Text("After the trial"),
                C.Empty)
            .Row(
                C.Empty,
                C.Empty,
                C.Empty,
                C.Text("Produce a leaflet for faith leaders."),
                C.Text("Eastshire Faith Forum"),
                C.Empty,
                C.Text("2014"),
                C.Empty)
            .EmptyRow(8)
            .Row(
                C.Text("14"),
                C.Text("NHS England should include domestic abuse in guidance on GP contracts."),
                C.Text("National"),
                C.Bullets("Ask NHS England to include domestic abuse in GP contract guidance.", "Share the review with the Department of Health."),
                C.Text("NHS England (national)"),
                C.Empty,
                C.Text("TBC"),
                C.Empty))
        .Build();

    public static readonly string[] TrackerHeadings =
    [
        "Rec No", "Recommendation", "Scope", "Action", "Lead Agency", "Supporting Agencies", "Lead Officer", "Key Milestones", "Target Date", "Date Completed", "Outcome / Evidence", "RAG",
    ];

    /// <summary>
    /// An Excel tracker, one row per action, under a title row: merged recommendation cells, the recommendation
    /// repeated on each row or left blank, real dates and dates as text, a number stored as a number, an empty row.
    /// </summary>
    public static byte[] ExcelTracker() => new XlsxBuilder()
        .Sheet("Notes")
        .Row(1, "This workbook tracks the DHR-2013-01 action plan.")
        .Sheet("Tracker")
        .Row(1, "DHR-2013-01 action plan tracker")
        .Row(3, TrackerHeadings)
        .Row(4, "1", "Eastshire Constabulary should train response officers to recognise coercive control.", "Local", "Deliver coercive control training.", "Police", "Haven", "DI Sarah Cole",
            "Package agreed - Sept 2013\nTraining delivered - April 2014", new DateOnly(2014, 4, 30), new DateOnly(2014, 4, 25), "412 officers trained", "Blue")
        .Row(5, null, null, null, "Audit recording of coercive control.", "Eastshire Constabulary", null, null, null, "June 2014", null, null, "Amber")
        .Merge("A4:A5")
        .Merge("B4:B5")
        .Merge("C4:C5")
        .Row(6, "2", "GP practices should ask about domestic abuse.", "Local", "Add a domestic abuse prompt to the GP clinical system.", "CCG", "Riverside Medical Practice, Market Street Surgery", null,
            "Prompt live (Dec 13)", "Dec 13", null, null, "Green")
        .Row(7, "2", "GP practices should ask about domestic abuse.", "Local", "Run IRIS training.", "ICB", "Haven Domestic Abuse Service", null, null, new DateOnly(2014, 3, 31))
        .Row(8, 3, "The Home Office should issue guidance on firearms licensing.", "National", "Write to the Home Office.", "Home Office", null, null, null, "Quarterly")
        .Row(10, "3(a)", "Housing providers should recognise domestic abuse among tenants.", "Local", "Train housing officers.", "Eastshire Homes", null, null, null, "Oct '13",
            new DateOnly(2013, 10, 20), "All housing officers trained")
        .Row(11, null, null, null, "Add domestic abuse to the tenancy checklist.", "Housing", null, null, null, "After the trial")
        .Build();
}
