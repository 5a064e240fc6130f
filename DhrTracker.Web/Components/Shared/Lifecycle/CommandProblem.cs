using DhrTracker.Domain.Common;
using DhrTracker.Web.Features.Shared;
using DhrTracker.Web.Security;

namespace DhrTracker.Web.Components.Shared.Lifecycle;

/// <summary>For a command run from a button rather than a form: what went wrong, in words a person can act on, or null.</summary>
public static class CommandProblem
{
    public static async Task<string?> RunAsync(Func<Task> command)
    {
        try
        {
            await command();
            return null;
        }
        catch (Exception ex) when (ex is DomainException or ConflictException or StorageUnavailableException or ForbiddenException or NotFoundException)
        {
            return ex.Message;
        }
    }
}
