using DhrTracker.Domain.Common;
using DhrTracker.Domain.Recommendations;

namespace DhrTracker.Tests.Domain;

public class RecommendationTests
{
    private static Recommendation Make(string number = "3(a)", string text = "Review the GP DA pathway") =>
        new(1, 10, number, text, RecommendationScope.Local, 1);

    [Fact]
    public void NumberIsKeptAsTheReportWritesIt()
    {
        var recommendation = Make(number: " 10.1.1 ");

        Assert.Equal("10.1.1", recommendation.Number);
    }

    [Fact]
    public void NumberAndTextAreRequired()
    {
        Assert.Equal(nameof(Recommendation.Number), Assert.Throws<DomainException>(() => Make(number: " ")).Field);
        Assert.Equal(nameof(Recommendation.Text), Assert.Throws<DomainException>(() => Make(text: "")).Field);
    }

    [Fact]
    public void OverlongNumberIsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => Make(number: TestData.Text(TextLimits.RecommendationNumber + 1)));

        Assert.Equal($"Number must be {TextLimits.RecommendationNumber} characters or fewer (it is {TextLimits.RecommendationNumber + 1}).", ex.Message);
    }

    [Fact]
    public void AddresseesAreReplacedWithoutRepeats()
    {
        var recommendation = Make();
        recommendation.AddressTo([4, 5, 5]);

        recommendation.AddressTo([5, 6]);

        Assert.Equal([5, 6], recommendation.Addressees.Select(a => a.AgencyId).Order());
    }

    [Fact]
    public void ThemesAreReplacedWithoutRepeats()
    {
        var recommendation = Make();
        recommendation.Tag([1, 2, 2]);

        recommendation.Tag([2, 3]);

        Assert.Equal([2, 3], recommendation.Themes.Select(t => t.ThemeId).Order());
    }
}
