using DhrTracker.Infrastructure.Documents;

namespace DhrTracker.Tests.Documents;

public class DocTextTests
{
    [Fact]
    public void Dates_are_long_british_whatever_the_culture()
    {
        var before = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("fr-FR");
            Assert.Equal("22 November 2026", DocText.Date(new DateOnly(2026, 11, 22)));
            Assert.Equal("1 March 2024", DocText.Date(new DateOnly(2024, 3, 1)));
            Assert.Equal("Not set", DocText.Date(null, "Not set"));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = before;
        }
    }

    [Fact]
    public void Clean_drops_what_xml_cannot_hold_and_keeps_markup_as_text()
    {
        Assert.Equal("a\tb\nc\nd", DocText.Clean("a\tb\r\nc\rd"));
        Assert.Equal("<script>&amp;</script>", DocText.Clean("\u0001<script>&amp;\u0000</script>\u001F\u007F\u0085"));
        Assert.Equal("x", DocText.Clean("x\uD800"));
        Assert.Equal("x", DocText.Clean("\uDC00x\uFFFE\uFFFF"));
        Assert.Equal("😀", DocText.Clean("😀"));
        Assert.Equal(string.Empty, DocText.Clean(null));
    }

    [Fact]
    public void One_line_and_file_names()
    {
        Assert.Equal("a b c", DocText.OneLine(" a\n b\t\tc "));
        Assert.Equal("DHR-2023-02 a-b-c.docx", DocText.FileName("DHR-2023-02 a/b:c"));
        Assert.Equal("document.docx", DocText.FileName("\u0001"));
    }
}
