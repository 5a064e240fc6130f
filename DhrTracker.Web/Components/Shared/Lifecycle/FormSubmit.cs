using DhrTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components.Forms;

namespace DhrTracker.Web.Components.Shared.Lifecycle;

/// <summary>
/// Submits a form through <see cref="FormErrors"/>, starting clean each time. A rule the server refused often
/// spans two fields (a date of death after the notification can be put right by changing either date), and
/// FormErrors drops a server message only when its own field changes; so every submit first clears the
/// server's earlier messages, then runs the form's own checks, and only then the command.
/// </summary>
public static class FormSubmit
{
    public static async Task<bool> RunAsync(EditContext editContext, FormErrors errors, Func<Task> command)
    {
        await errors.RunAsync(() => Task.CompletedTask);
        if (!editContext.Validate())
        {
            return false;
        }

        return await errors.RunAsync(command);
    }
}
