using DhrTracker.Domain.Common;
using DhrTracker.Domain.Partnerships;

namespace DhrTracker.Tests.Domain;

public sealed class GuardTests
{
    [Theory]
    [InlineData("Adult\u202E A", "Adult A")]
    [InlineData("\u2067Adult B\u2069", "Adult B")]
    [InlineData("DHR\u200F-2026\u200E-01\u061C", "DHR-2026-01")]
    [InlineData("\u202A\u202B\u202C\u202D\u2066\u2068Theme", "Theme")]
    public void BidirectionalControlsAreRemovedFromOneLineFields(string typed, string kept)
    {
        Assert.Equal(kept, Guard.Required(typed, TextLimits.Pseudonym, "VictimPseudonym", "Victim pseudonym"));
        Assert.Equal(kept, Guard.Optional(typed, TextLimits.Name, "Name", "Name"));
        Assert.Equal(kept, new Partnership("Eastshire", "EAST", null, null).AddTheme(typed).Name);
    }

    [Fact]
    public void AOneLineFieldOfOnlyBidiControlsIsEmpty()
    {
        var error = Assert.Throws<DomainException>(() => Guard.Required("\u202E\u2066", TextLimits.ShortText, "Name", "Name"));
        Assert.Equal("Name is required.", error.Message);
    }

    [Fact]
    public void LongTextKeepsItsDirectionMarks()
    {
        const string text = "Narrative with \u200Fright-to-left\u200F marks.";
        Assert.Equal(text, Guard.Required(text, TextLimits.Narrative, "Narrative", "Update"));
    }
}
