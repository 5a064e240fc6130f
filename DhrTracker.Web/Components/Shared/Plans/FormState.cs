using Microsoft.AspNetCore.Components.Forms;

namespace DhrTracker.Web.Components.Shared.Plans;

/// <summary>
/// A form's model with its edit context and error placement. A failed save leaves the model as typed; only a
/// successful one resets it (or the page loads a new model to edit).
/// </summary>
public sealed class FormState<T>
    where T : class, new()
{
    public FormState() => Load(new T());

    public T Model { get; private set; } = default!;

    public EditContext Context { get; private set; } = default!;

    public FormErrors Errors { get; private set; } = default!;

    public bool Busy { get; set; }

    public void Reset() => Load(new T());

    public void Load(T model)
    {
        Model = model;
        Context = new EditContext(model);
        Errors = new FormErrors(Context);
    }

    /// <summary>Runs the command unless one is already running (a double click); true when it succeeded.</summary>
    public async Task<bool> RunAsync(Func<Task> command)
    {
        if (Busy)
        {
            return false;
        }

        Busy = true;
        try
        {
            return await Errors.RunAsync(command);
        }
        finally
        {
            Busy = false;
        }
    }
}
