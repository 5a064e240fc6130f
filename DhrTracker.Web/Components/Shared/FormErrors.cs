using DhrTracker.Domain.Common;
using DhrTracker.Web.Features.Shared;
using DhrTracker.Web.Security;
using Microsoft.AspNetCore.Components.Forms;

namespace DhrTracker.Web.Components.Shared;

/// <summary>
/// Runs a command from a form and puts what went wrong where the person will see it: a rule's message next
/// to its field, anything else in the form's summary. The form's values are never cleared on failure.
/// </summary>
public sealed class FormErrors
{
    private readonly EditContext _editContext;
    private readonly ValidationMessageStore _store;

    public FormErrors(EditContext editContext)
    {
        _editContext = editContext;
        _store = new ValidationMessageStore(editContext);
        editContext.OnFieldChanged += (_, e) =>
        {
            _store.Clear(e.FieldIdentifier);
            Summary = null;
        };
    }

    /// <summary>A message that belongs to no one field (a conflict, no access, the database unavailable).</summary>
    public string? Summary { get; private set; }

    /// <summary>Forgets the messages, once the person has acted on them (loaded the latest after a conflict).</summary>
    public void Clear()
    {
        _store.Clear();
        Summary = null;
        _editContext.NotifyValidationStateChanged();
    }

    /// <summary>Runs the command; true when it succeeded.</summary>
    public async Task<bool> RunAsync(Func<Task> command)
    {
        _store.Clear();
        Summary = null;
        try
        {
            await command();
            return true;
        }
        catch (DomainException ex) when (ex.Field is { } field && HasField(field))
        {
            _store.Add(_editContext.Field(field), ex.Message);
        }
        catch (DomainException ex)
        {
            Summary = ex.Message;
        }
        catch (Exception ex) when (ex is ConflictException or StorageUnavailableException or ForbiddenException or NotFoundException)
        {
            Summary = ex.Message;
        }

        _editContext.NotifyValidationStateChanged();
        return false;
    }

    private bool HasField(string name) =>
        _editContext.Model.GetType().GetProperty(name) is not null;
}
