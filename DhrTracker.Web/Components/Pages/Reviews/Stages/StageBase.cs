using DhrTracker.Web.Components.Shared;
using DhrTracker.Web.Components.Shared.Lifecycle;
using DhrTracker.Web.Features.Reviews.GetReviewStages;
using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace DhrTracker.Web.Components.Pages.Reviews.Stages;

/// <summary>
/// A stage's forms. Each starts from what is recorded, again after every save, and sends the review's
/// version so that a form left open while someone else saved is refused rather than overwriting their change.
/// </summary>
public abstract class StageBase : ComponentBase
{
    private ReviewStagesView? _shown;

    [Inject] protected IMediator Mediator { get; set; } = default!;

    [Parameter, EditorRequired] public ReviewStagesView View { get; set; } = default!;

    /// <summary>Called with what was saved, in words, once a command succeeds.</summary>
    [Parameter] public EventCallback<string> Saved { get; set; }

    protected bool Busy { get; private set; }

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(_shown, View))
        {
            _shown = View;
            Reset();
        }
    }

    /// <summary>Fills the forms from the recorded values.</summary>
    protected abstract void Reset();

    protected async Task RunAsync(EditContext editContext, FormErrors errors, Func<Task> command, string message)
    {
        Busy = true;
        try
        {
            if (await FormSubmit.RunAsync(editContext, errors, command))
            {
                await Saved.InvokeAsync(message);
            }
        }
        finally
        {
            Busy = false;
        }
    }
}
