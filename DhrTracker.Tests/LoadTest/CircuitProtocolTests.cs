using System.Reflection;
using System.Text.Json.Nodes;
using DhrTracker.LoadTest.Protocol;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.RenderTree;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using FrameworkRenderBatch = Microsoft.AspNetCore.Components.RenderTree.RenderBatch;
using RenderBatch = DhrTracker.LoadTest.Protocol.RenderBatch;

// The test renders through the framework's own Renderer and RenderBatch, which the analyzer reserves for the framework.
#pragma warning disable BL0006

namespace DhrTracker.Tests.LoadTest;

/// <summary>
/// The circuit load client's reading of Blazor's protocol (DhrTracker.LoadTest/Protocol), checked against the framework
/// itself: components rendered by a real <see cref="Renderer"/>, their batches serialised by ASP.NET Core's own
/// <c>RenderBatchWriter</c> (the bytes a circuit sends in <c>JS.RenderBatch</c>), then parsed and applied by the client.
/// </summary>
public sealed class CircuitProtocolTests
{
    [Fact]
    public void ThePrerenderedPagesServerMarkersAndStateAreFound()
    {
        const string html = """
            <!DOCTYPE html><html><head><!--Blazor:{"type":"server","prerenderId":"a1","key":{"locationHash":"77D1:0","formattedComponentKey":""},"sequence":0,"descriptor":"CfDJ8head"}--><title>DhrTracker</title><!--Blazor:{"prerenderId":"a1"}--></head>
            <body><!--Blazor:{"type":"server","prerenderId":"b2","key":{"locationHash":"9A3F:0","formattedComponentKey":""},"sequence":1,"descriptor":"CfDJ8routes"}--><main>…</main><!--Blazor:{"prerenderId":"b2"}-->
            <!--Blazor:{"type":"webassembly","prerenderId":"c3","key":{"locationHash":"X:0","formattedComponentKey":""},"assembly":"A","typeName":"T","parameterDefinitions":"W10=","parameterValues":"W10="}--><!--Blazor:{"prerenderId":"c3"}-->
            <!--Blazor-Server-Component-State:CfDJ8state+/=-->
            <!--Blazor-Web-Initializers:W10=--><script src="_framework/blazor.web.js"></script></body></html>
            """;

        var page = PrerenderedPage.Parse(html);

        Assert.Equal(["CfDJ8head", "CfDJ8routes"], page.ServerComponents.Select(c => c["descriptor"]!.GetValue<string>()));
        Assert.Equal("CfDJ8state+/=", page.ApplicationState);
        var update = JsonNode.Parse(page.AddRootComponentsOperation())!;
        Assert.Equal(1, update["batchId"]!.GetValue<int>());
        var operations = update["operations"]!.AsArray();
        Assert.Equal(2, operations.Count);
        Assert.All(operations, o => Assert.Equal("add", o!["type"]!.GetValue<string>()));
        Assert.Equal([1, 2], operations.Select(o => o!["ssrComponentId"]!.GetValue<int>()));
        Assert.Equal("CfDJ8routes", operations[1]!["marker"]!["descriptor"]!.GetValue<string>());
        Assert.Equal("b2", operations[1]!["marker"]!["prerenderId"]!.GetValue<string>());
    }

    [Fact]
    public void APageWithoutInteractiveServerComponentsHasNoMarkers()
    {
        var page = PrerenderedPage.Parse("<html><body><form method=\"post\"><input type=\"hidden\" name=\"x\" value=\"1\" /></form></body></html>");

        Assert.Empty(page.ServerComponents);
        Assert.Equal(string.Empty, page.ApplicationState);
    }

    [Fact]
    public async Task TheFirstBatchBuildsThePageWithItsElementsTextAndEventHandlers()
    {
        await using var renderer = new CapturingRenderer();
        var (root, dom, batch) = await renderer.RenderFirstBatchAsync<SampleForm>();

        Assert.Contains(batch.ReferenceFrames, f => f.Type == FrameType.Component);
        Assert.Contains(batch.ReferenceFrames, f => f.Type == FrameType.Markup);
        var form = dom.ByAttribute("data-testid", "post-update")!;
        Assert.Equal("form", form.Name);
        Assert.True(form.Handlers["submit"] > 0);
        var field = form.Descendants().Single(e => e["id"] == "narrative");
        Assert.Equal("textarea", field.Name);
        Assert.Equal("first", field["value"]);
        Assert.True(field.Handlers["change"] > 0);
        Assert.Equal(root, field.RenderingComponentId);
        Assert.Equal("Nothing saved yet", dom.ByAttribute("data-testid", "saved-message")!.InnerText());
        // A child component's output sits inside the parent's tree; markup blocks are read as text.
        Assert.Equal("Child says hello", dom.ByAttribute("data-testid", "child")!.InnerText());
        Assert.Contains("Bold words", dom.Roots.Single().InnerText());
        Assert.Equal("", dom.ByAttribute("data-testid", "submit")!["disabled"] ?? "absent");
    }

    [Fact]
    public async Task LaterBatchesUpdateTextAttributesAndRemoveWhatIsGone()
    {
        await using var renderer = new CapturingRenderer();
        var (_, dom, _) = await renderer.RenderFirstBatchAsync<SampleForm>();
        var submitId = dom.ByAttribute("data-testid", "post-update")!.Handlers["submit"];

        await renderer.DispatchAsync(submitId);
        var second = RenderBatch.Parse(renderer.Batches[1]);
        dom.Apply(second);

        Assert.Equal("Update posted.", dom.ByAttribute("data-testid", "saved-message")!.InnerText());
        Assert.Equal("absent", dom.ByAttribute("data-testid", "submit")!["disabled"] ?? "absent");
        // The hint paragraph and its button are gone, and the button's handler with them.
        Assert.Null(dom.ByAttribute("data-testid", "hint"));
        Assert.NotEmpty(second.DisposedEventHandlerIds);
        Assert.DoesNotContain(dom.Elements(), e => e.Handlers.Values.Any(second.DisposedEventHandlerIds.Contains));
        // The keyed list was reordered by moving its items (a permutation list), not by rendering them again.
        Assert.Contains(second.UpdatedComponents.SelectMany(d => d.Edits), e => e.Type == EditType.PermutationListEntry);
        var items = dom.Elements().Where(e => e.Name == "li").Select(e => e.InnerText()).ToList();
        Assert.Equal(["c", "b", "a"], items);
    }

    /// <summary>A small form shaped like the action page's: a field, a submit handler, a status line, a child component.</summary>
    private sealed class SampleForm : ComponentBase
    {
        private bool _saved;

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "form");
            builder.AddAttribute(1, "data-testid", "post-update");
            builder.AddAttribute(2, "onsubmit", EventCallback.Factory.Create(this, () => _saved = true));
            builder.OpenElement(3, "textarea");
            builder.AddAttribute(4, "id", "narrative");
            builder.AddAttribute(5, "value", "first");
            builder.AddAttribute(6, "onchange", EventCallback.Factory.Create<ChangeEventArgs>(this, _ => { }));
            builder.CloseElement();
            if (!_saved)
            {
                builder.OpenElement(7, "p");
                builder.AddAttribute(8, "data-testid", "hint");
                builder.AddContent(9, "Write what happened.");
                builder.OpenElement(10, "button");
                builder.AddAttribute(11, "onclick", EventCallback.Factory.Create(this, () => { }));
                builder.AddContent(12, "Help");
                builder.CloseElement();
                builder.CloseElement();
            }

            builder.OpenElement(13, "button");
            builder.AddAttribute(14, "data-testid", "submit");
            builder.AddAttribute(15, "disabled", !_saved);
            builder.AddContent(16, "Post update");
            builder.CloseElement();
            builder.CloseElement();
            builder.OpenElement(17, "div");
            builder.AddAttribute(18, "data-testid", "saved-message");
            builder.AddContent(19, _saved ? "Update posted." : "Nothing saved yet");
            builder.CloseElement();
            builder.OpenComponent<Child>(20);
            builder.CloseComponent();
            builder.AddMarkupContent(21, "<p><strong>Bold words</strong> in a markup block</p>");
            builder.OpenElement(22, "ul");
            foreach (var item in _saved ? new[] { "c", "b", "a" } : ["a", "b", "c"])
            {
                builder.OpenElement(23, "li");
                builder.SetKey(item);
                builder.AddContent(24, item);
                builder.CloseElement();
            }

            builder.CloseElement();
        }
    }

    private sealed class Child : ComponentBase
    {
        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "span");
            builder.AddAttribute(1, "data-testid", "child");
            builder.AddContent(2, "Child says hello");
            builder.CloseElement();
        }
    }

    /// <summary>A renderer that keeps every batch as the bytes a circuit would send, written by ASP.NET Core's own writer.</summary>
    private sealed class CapturingRenderer() : Renderer(new ServiceCollection().BuildServiceProvider(), NullLoggerFactory.Instance)
    {
        private static readonly Type Writer = typeof(Microsoft.AspNetCore.Components.Server.CircuitOptions).Assembly
            .GetType("Microsoft.AspNetCore.Components.Server.Circuits.RenderBatchWriter", throwOnError: true)!;

        public List<byte[]> Batches { get; } = [];

        public override Dispatcher Dispatcher { get; } = Dispatcher.CreateDefault();

        /// <summary>Renders the component as a circuit's root and applies its first batch to a fresh page, as the client does.</summary>
        public async Task<(int RootId, RenderedDom Dom, RenderBatch Batch)> RenderFirstBatchAsync<TComponent>()
            where TComponent : IComponent, new()
        {
            var id = 0;
            await Dispatcher.InvokeAsync(async () =>
            {
                id = AssignRootComponentId(new TComponent());
                await RenderRootComponentAsync(id);
            });
            var dom = new RenderedDom();
            dom.AttachRootComponent(id);
            var batch = RenderBatch.Parse(Batches.Single());
            dom.Apply(batch);
            return (id, dom, batch);
        }

        public Task DispatchAsync(ulong eventHandlerId) =>
            Dispatcher.InvokeAsync(() => DispatchEventAsync(eventHandlerId, null, new EventArgs()));

        protected override void HandleException(Exception exception) => throw exception;

        protected override Task UpdateDisplayAsync(in FrameworkRenderBatch renderBatch)
        {
            using var stream = new MemoryStream();
            using (var writer = (IDisposable)Activator.CreateInstance(Writer, stream, true)!)
            {
                Writer.GetMethod("Write", [typeof(FrameworkRenderBatch).MakeByRefType()])!.Invoke(writer, [renderBatch]);
            }

            Batches.Add(stream.ToArray());
            return Task.CompletedTask;
        }
    }
}
