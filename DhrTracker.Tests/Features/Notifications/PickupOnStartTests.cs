using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Tests.Support;
using MimeKit;

namespace DhrTracker.Tests.Features.Notifications;

/// <summary>
/// The README's first command, as a test: the app in Development with no e-mail settings writes an .eml file to its
/// pickup folder for every demo person with something due, soon after it starts (the first cycle runs at start), and
/// none for a person with nothing due.
/// </summary>
public sealed class PickupOnStartTests
{
    [Fact]
    public async Task StartedWithNoEmailSettingsTheAppWritesADigestFileForEveryoneWithSomethingDueAndNoneForOthers()
    {
        // Only the folder is this test's own (so that nothing lands in the source tree); everything else is the default.
        using var app = new TestApp(new Dictionary<string, string?> { ["Email:Background"] = "true" }).Start();
        string[] expected = [DemoData.Emails.Coordinator, DemoData.Emails.Chair, DemoData.Emails.PoliceOfficer, DemoData.Emails.SecondCoordinator];

        // Wait for the state (every expected person has a file), up to the two minutes the README promises.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        List<MimeMessage> written = [];
        while (DateTime.UtcNow < deadline)
        {
            written = Read(app.PickupDirectory);
            if (expected.All(e => written.Any(m => To(m) == e)))
            {
                break;
            }

            await Task.Delay(250);
        }

        Each.Of(expected, e => Assert.Contains(written, m => To(m) == e));
        Assert.DoesNotContain(written, m => To(m) == DemoData.Emails.Scrutiny);
        Assert.DoesNotContain(written, m => To(m) == DemoData.Emails.Administrator);
        Each.Of(written.GroupBy(To).ToList(), g => Assert.Single(g));
    }

    private static string To(MimeMessage message) => message.To.Mailboxes.Single().Address;

    private static List<MimeMessage> Read(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.eml").Select(f => MimeMessage.Load(f)).ToList()
            : [];
}
