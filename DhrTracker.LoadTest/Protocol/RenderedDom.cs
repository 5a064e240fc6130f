using System.Text;

namespace DhrTracker.LoadTest.Protocol;

/// <summary>A node of the page as the circuit has rendered it: logical children, as blazor.web.js keeps them.</summary>
public abstract class DomNode
{
    public ContainerNode? Parent { get; internal set; }
}

public abstract class ContainerNode : DomNode
{
    public List<DomNode> Children { get; } = [];

    internal void Insert(int index, DomNode node)
    {
        node.Parent = this;
        Children.Insert(Math.Min(index, Children.Count), node);
    }

    internal void RemoveAt(int index)
    {
        if (index < Children.Count)
        {
            Children[index].Parent = null;
            Children.RemoveAt(index);
        }
    }

    /// <summary>Every element below this node, in document order, across child components.</summary>
    public IEnumerable<ElementNode> Descendants()
    {
        foreach (var child in Children)
        {
            if (child is ElementNode element)
            {
                yield return element;
            }

            if (child is ContainerNode container)
            {
                foreach (var d in container.Descendants())
                {
                    yield return d;
                }
            }
        }
    }

    /// <summary>The text a person reads inside this node (markup blocks included, tags stripped).</summary>
    public string InnerText()
    {
        var sb = new StringBuilder();
        AppendText(sb);
        return sb.ToString();
    }

    private void AppendText(StringBuilder sb)
    {
        foreach (var child in Children)
        {
            switch (child)
            {
                case TextNode t:
                    sb.Append(t.Text);
                    break;
                case MarkupNode m:
                    sb.Append(System.Text.RegularExpressions.Regex.Replace(m.Markup, "<[^>]*>", string.Empty));
                    break;
                case ContainerNode c:
                    c.AppendText(sb);
                    break;
            }
        }
    }
}

/// <summary>The place a component renders into; its children are what the component rendered.</summary>
public sealed class ComponentNode(int componentId) : ContainerNode
{
    public int ComponentId { get; } = componentId;
}

public sealed class ElementNode(string name, int renderingComponentId) : ContainerNode
{
    public string Name { get; } = name;

    /// <summary>The component whose render tree holds this element: the browser names it when it sends a field's new value.</summary>
    public int RenderingComponentId { get; } = renderingComponentId;

    public Dictionary<string, string?> Attributes { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Event name ("click", "change", "submit") → the handler id the server gave it.</summary>
    public Dictionary<string, ulong> Handlers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string? this[string attribute] => Attributes.GetValueOrDefault(attribute);

    public override string ToString() => $"<{Name}{string.Concat(Attributes.Select(a => $" {a.Key}=\"{a.Value}\""))}>";
}

public sealed class TextNode(string text) : DomNode
{
    public string Text { get; set; } = text;
}

public sealed class MarkupNode(string markup) : DomNode
{
    public string Markup { get; } = markup;
}

/// <summary>
/// The page a circuit has rendered, kept up to date by applying each render batch the way blazor.web.js's
/// BrowserRenderer applies it to the DOM (without a DOM: elements, attributes, event handler ids and text).
/// </summary>
public sealed class RenderedDom
{
    private readonly Dictionary<int, ComponentNode> _components = [];

    /// <summary>Root components by the id the server gave them, in the order they were attached.</summary>
    public List<ComponentNode> Roots { get; } = [];

    public int BatchesApplied { get; private set; }

    public void AttachRootComponent(int componentId)
    {
        var node = Component(componentId);
        if (!Roots.Contains(node))
        {
            Roots.Add(node);
        }
    }

    public void Apply(RenderBatch batch)
    {
        foreach (var diff in batch.UpdatedComponents)
        {
            ApplyEdits(diff.ComponentId, Component(diff.ComponentId), diff.Edits, batch.ReferenceFrames);
        }

        foreach (var id in batch.DisposedComponentIds)
        {
            _components.Remove(id);
        }

        if (batch.DisposedEventHandlerIds.Count > 0)
        {
            var disposed = batch.DisposedEventHandlerIds.ToHashSet();
            foreach (var element in Elements())
            {
                foreach (var (name, id) in element.Handlers.ToList())
                {
                    if (disposed.Contains(id))
                    {
                        element.Handlers.Remove(name);
                    }
                }
            }
        }

        BatchesApplied++;
    }

    /// <summary>Every element of the page (every root component's tree), in document order.</summary>
    public IEnumerable<ElementNode> Elements() => Roots.SelectMany(r => r.Descendants());

    public ElementNode? Find(Func<ElementNode, bool> predicate) => Elements().FirstOrDefault(predicate);

    public ElementNode? ByAttribute(string attribute, string value) =>
        Find(e => string.Equals(e[attribute], value, StringComparison.Ordinal));

    private ComponentNode Component(int componentId)
    {
        if (!_components.TryGetValue(componentId, out var node))
        {
            node = new ComponentNode(componentId);
            _components[componentId] = node;
        }

        return node;
    }

    private void ApplyEdits(int componentId, ContainerNode component, IReadOnlyList<Edit> edits, IReadOnlyList<Frame> frames)
    {
        ContainerNode parent = component;
        var depth = 0;
        var childIndexAtDepth = 0;
        List<(int From, int To)>? permutations = null;
        foreach (var edit in edits)
        {
            var at = childIndexAtDepth + edit.SiblingIndex;
            switch (edit.Type)
            {
                case EditType.PrependFrame:
                    InsertFrame(componentId, parent, at, frames, edit.Index);
                    break;
                case EditType.RemoveFrame:
                    parent.RemoveAt(at);
                    break;
                case EditType.SetAttribute:
                    if (parent.Children[at] is not ElementNode target)
                    {
                        throw new InvalidOperationException("Cannot set an attribute on a node that is not an element.");
                    }

                    ApplyAttribute(target, frames[edit.Index]);
                    break;
                case EditType.RemoveAttribute:
                    if (parent.Children[at] is ElementNode element)
                    {
                        element.Attributes.Remove(edit.RemovedAttributeName!);
                        if (edit.RemovedAttributeName!.StartsWith("on", StringComparison.Ordinal))
                        {
                            element.Handlers.Remove(edit.RemovedAttributeName[2..]);
                        }
                    }

                    break;
                case EditType.UpdateText:
                    ((TextNode)parent.Children[at]).Text = frames[edit.Index].Value ?? string.Empty;
                    break;
                case EditType.UpdateMarkup:
                    parent.RemoveAt(at);
                    parent.Insert(at, new MarkupNode(frames[edit.Index].Value ?? string.Empty));
                    break;
                case EditType.StepIn:
                    parent = (ContainerNode)parent.Children[at];
                    depth++;
                    childIndexAtDepth = 0;
                    break;
                case EditType.StepOut:
                    parent = parent.Parent!;
                    depth--;
                    childIndexAtDepth = 0;
                    break;
                case EditType.PermutationListEntry:
                    (permutations ??= []).Add((at, childIndexAtDepth + edit.Index));
                    break;
                case EditType.PermutationListEnd:
                    var moving = permutations!.Select(p => (p.To, Node: parent.Children[p.From])).ToList();
                    foreach (var (to, node) in moving)
                    {
                        parent.Children[to] = node;
                    }

                    permutations = null;
                    break;
                default:
                    throw new InvalidOperationException($"Unknown edit type {edit.Type}.");
            }
        }
    }

    /// <summary>Inserts one frame (and its subtree); returns how many logical children it added.</summary>
    private int InsertFrame(int componentId, ContainerNode parent, int childIndex, IReadOnlyList<Frame> frames, int frameIndex)
    {
        var frame = frames[frameIndex];
        switch (frame.Type)
        {
            case FrameType.Element:
                var element = new ElementNode(frame.Name!, componentId);
                parent.Insert(childIndex, element);
                var end = frameIndex + frame.SubtreeLength;
                for (var i = frameIndex + 1; i < end; i++)
                {
                    if (frames[i].Type == FrameType.Attribute)
                    {
                        ApplyAttribute(element, frames[i]);
                    }
                    else
                    {
                        InsertFrameRange(componentId, element, 0, frames, i, end);
                        break;
                    }
                }

                return 1;
            case FrameType.Text:
                parent.Insert(childIndex, new TextNode(frame.Value ?? string.Empty));
                return 1;
            case FrameType.Markup:
                parent.Insert(childIndex, new MarkupNode(frame.Value ?? string.Empty));
                return 1;
            case FrameType.Component:
                var child = new ComponentNode(frame.ComponentId);
                _components[frame.ComponentId] = child;
                parent.Insert(childIndex, child);
                return 1;
            case FrameType.Region:
                return InsertFrameRange(componentId, parent, childIndex, frames, frameIndex + 1, frameIndex + frame.SubtreeLength);
            case FrameType.Attribute:
                throw new InvalidOperationException("Attribute frames come only at the start of an element's frames.");
            default:
                // Reference captures, named events, render modes: nothing a browser shows.
                return 0;
        }
    }

    private int InsertFrameRange(int componentId, ContainerNode parent, int childIndex, IReadOnlyList<Frame> frames, int start, int endExclusive)
    {
        var first = childIndex;
        for (var i = start; i < endExclusive; i++)
        {
            var frame = frames[i];
            childIndex += InsertFrame(componentId, parent, childIndex, frames, i);
            if (frame.Type is FrameType.Element or FrameType.Component or FrameType.Region)
            {
                i += frame.SubtreeLength - 1;
            }
        }

        return childIndex - first;
    }

    private static void ApplyAttribute(ElementNode element, Frame attribute)
    {
        var name = attribute.Name!;
        if (attribute.EventHandlerId != 0)
        {
            element.Handlers[name.StartsWith("on", StringComparison.Ordinal) ? name[2..] : name] = attribute.EventHandlerId;
            return;
        }

        if (attribute.Value is null)
        {
            element.Attributes.Remove(name);
        }
        else
        {
            element.Attributes[name] = attribute.Value;
        }
    }
}
