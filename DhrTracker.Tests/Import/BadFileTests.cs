using System.IO.Compression;
using System.Text;
using DhrTracker.Infrastructure.Import;

namespace DhrTracker.Tests.Import;

/// <summary>Files that cannot be imported get a message a person can act on, and nothing is read from them.</summary>
public class BadFileTests
{
    [Theory]
    [InlineData("plan.pdf", "\"plan.pdf\" is not a Word document (.docx) or an Excel workbook (.xlsx). Upload the action plan as one of those.")]
    [InlineData("plan", "\"plan\" is not a Word document (.docx) or an Excel workbook (.xlsx). Upload the action plan as one of those.")]
    [InlineData("plan.doc", "This is an older Word document (.doc). Open it in Word and save it as a Word document (.docx), then upload that.")]
    [InlineData("plan.xls", "This is an older Excel workbook (.xls). Open it in Excel and save it as an Excel workbook (.xlsx), then upload that.")]
    [InlineData("plan.docm", "Files with macros (.docm, .xlsm) are not accepted. Save a copy as .docx or .xlsx and upload that.")]
    public void A_file_that_is_not_docx_or_xlsx_is_refused_by_its_name(string fileName, string message)
    {
        var ex = Assert.Throws<ImportException>(() => PlanFile.KindOf(fileName));

        Assert.Equal(message, ex.Message);
    }

    [Theory]
    [InlineData("PLAN.DOCX", ImportSource.Word)]
    [InlineData("tracker.xlsx", ImportSource.Excel)]
    public void Docx_and_xlsx_are_accepted_whatever_their_case(string fileName, ImportSource kind)
    {
        Assert.Equal(kind, PlanFile.KindOf(fileName));
    }

    [Fact]
    public void A_text_file_renamed_docx_is_refused()
    {
        var bytes = Encoding.UTF8.GetBytes("Recommendation 1: Police should train officers.\nAction: train them.\n");

        var ex = Assert.Throws<ImportException>(() => new WordPlanReader().Read(bytes, "plan.docx"));

        Assert.Equal("This file is not a Word document, although its name ends .docx. It may have been renamed: open it in Word, save it as .docx and upload it again.", ex.Message);
    }

    [Fact]
    public void A_password_protected_document_is_refused()
    {
        var ex = Assert.Throws<ImportException>(() => new WordPlanReader().Read(Encrypted(), "plan.docx"));

        Assert.Equal("This Word document is password-protected, so it cannot be read. Open it, remove the password (File › Info › Protect), save it and upload it again.", ex.Message);
    }

    [Fact]
    public void A_password_protected_workbook_is_refused()
    {
        var ex = Assert.Throws<ImportException>(() => new ExcelPlanReader().Inspect(Encrypted(), "tracker.xlsx"));

        Assert.StartsWith("This Excel workbook is password-protected", ex.Message);
    }

    [Fact]
    public void An_old_doc_file_renamed_docx_is_refused()
    {
        var bytes = CompoundFile(Encoding.Unicode.GetBytes("WordDocument"));

        var ex = Assert.Throws<ImportException>(() => new WordPlanReader().Read(bytes, "plan.docx"));

        Assert.Equal("This is an older Word (.doc) file renamed. Open it and save it as a Word document (.docx), then upload that.", ex.Message);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_before_it_is_opened()
    {
        var bytes = new byte[PlanFile.MaxBytes + 1];
        SamplePlans.HomeOfficeWordPlan().CopyTo(bytes, 0);

        var ex = Assert.Throws<ImportException>(() => new WordPlanReader().Read(bytes, "plan.docx"));

        Assert.Equal("The file is 10.0 MB; the largest plan that can be imported is 10 MB. Remove images or other large content from it, or split it, and upload it again.", ex.Message);
        Assert.Equal(10 * 1024 * 1024, PlanFile.MaxBytes);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        var ex = Assert.Throws<ImportException>(() => new ExcelPlanReader().Inspect([], "tracker.xlsx"));

        Assert.Equal("The file is empty. Check that you chose the right file.", ex.Message);
    }

    [Fact]
    public void A_corrupt_zip_is_refused()
    {
        var good = SamplePlans.HomeOfficeWordPlan();
        var bytes = good[..(good.Length / 2)];

        var ex = Assert.Throws<ImportException>(() => new WordPlanReader().Read(bytes, "plan.docx"));

        Assert.Equal("This Word document is damaged and could not be read. Open it in Word (which may offer to repair it), save it, and upload it again.", ex.Message);
    }

    [Fact]
    public void A_document_whose_xml_is_damaged_is_refused()
    {
        var bytes = Rezip(SamplePlans.HomeOfficeWordPlan(), "word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:tbl>");

        var ex = Assert.Throws<ImportException>(() => new WordPlanReader().Read(bytes, "plan.docx"));

        Assert.StartsWith("This Word document is damaged and could not be read.", ex.Message);
    }

    [Fact]
    public void A_zip_that_is_not_an_office_file_is_refused()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("plan.txt").Open());
            writer.Write("not a plan");
        }

        var ex = Assert.Throws<ImportException>(() => new WordPlanReader().Read(stream.ToArray(), "plan.docx"));

        Assert.Equal("This file is not a Word document: it is some other kind of zip file. Upload the action plan as .docx or .xlsx.", ex.Message);
    }

    [Fact]
    public void A_workbook_named_docx_is_refused_with_the_fix()
    {
        var ex = Assert.Throws<ImportException>(() => new WordPlanReader().Read(SamplePlans.ExcelTracker(), "plan.docx"));

        Assert.Equal("This file is an Excel workbook with a name ending .docx. Rename it to end .xlsx and upload it again.", ex.Message);
    }

    [Fact]
    public void A_document_named_xlsx_is_refused_with_the_fix()
    {
        var ex = Assert.Throws<ImportException>(() => new ExcelPlanReader().Inspect(SamplePlans.HomeOfficeWordPlan(), "plan.xlsx"));

        Assert.Equal("This file is a Word document with a name ending .xlsx. Rename it to end .docx and upload it again.", ex.Message);
    }

    [Fact]
    public void A_document_with_no_action_plan_table_is_refused()
    {
        var bytes = new DocxBuilder()
            .Paragraph("Overview report for Adult A.")
            .Table(t => t.Header(false, "Panel member", "Agency", "Role").Row(C.Text("Ruth Adeyemi"), C.Text("Independent"), C.Text("Chair")))
            .Paragraph("Recommendation 1: the police should train officers.")
            .Build();

        var ex = Assert.Throws<ImportException>(() => new WordPlanReader().Read(bytes, "report.docx"));

        Assert.StartsWith("No action plan table was found in this document.", ex.Message);
        Assert.Contains("Recommendation, Action to take, Lead agency", ex.Message);
    }

    [Fact]
    public void A_plan_table_with_only_its_header_is_refused()
    {
        var bytes = new DocxBuilder().Table(t => t.Header(SamplePlans.HomeOfficeHeadings).EmptyRow(7)).Build();

        var ex = Assert.Throws<ImportException>(() => new WordPlanReader().Read(bytes, "empty plan.docx"));

        Assert.Equal("The action plan table in this document has no recommendations in it. Check that it is the plan you meant to upload.", ex.Message);
    }

    [Fact]
    public void A_package_that_unpacks_to_far_more_than_a_plan_is_refused()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml").Open().Dispose();
            using var big = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 201; i++)
            {
                big.Write(zeros);
            }
        }

        Assert.True(stream.Length < PlanFile.MaxBytes);
        var ex = Assert.Throws<ImportException>(() => new WordPlanReader().Read(stream.ToArray(), "bomb.docx"));

        Assert.Equal("This file unpacks to more than 200 MB, far more than an action plan needs, so it was not opened.", ex.Message);
    }

    /// <summary>What Word writes for a password-protected file: an OLE compound file with EncryptionInfo and EncryptedPackage streams.</summary>
    private static byte[] Encrypted() =>
        CompoundFile([.. Encoding.Unicode.GetBytes("EncryptionInfo"), 0, 0, .. Encoding.Unicode.GetBytes("EncryptedPackage")]);

    private static byte[] CompoundFile(byte[] directory)
    {
        var bytes = new byte[4096];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
        directory.CopyTo(bytes, 1024);
        return bytes;
    }

    private static byte[] Rezip(byte[] package, string entryName, string content)
    {
        using var stream = new MemoryStream();
        stream.Write(package);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(entryName)!.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(entryName).Open());
            writer.Write(content);
        }

        return stream.ToArray();
    }
}
