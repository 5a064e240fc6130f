using System.Buffers.Binary;
using System.Text;

namespace DhrTracker.LoadTest.Protocol;

/// <summary>The frame types of a render tree, numbered as <c>RenderTreeFrameType</c> (and blazor.web.js) number them.</summary>
public enum FrameType
{
    None = 0,
    Element = 1,
    Text = 2,
    Attribute = 3,
    Component = 4,
    Region = 5,
    ElementReferenceCapture = 6,
    ComponentReferenceCapture = 7,
    Markup = 8,
    ComponentRenderMode = 9,
    NamedEvent = 10,
}

/// <summary>The edit types of a render tree diff, numbered as <c>RenderTreeEditType</c>.</summary>
public enum EditType
{
    PrependFrame = 1,
    RemoveFrame = 2,
    SetAttribute = 3,
    RemoveAttribute = 4,
    UpdateText = 5,
    StepIn = 6,
    StepOut = 7,
    UpdateMarkup = 8,
    PermutationListEntry = 9,
    PermutationListEnd = 10,
}

/// <summary>One reference frame. Which fields mean something depends on <see cref="Type"/>, as in the wire format.</summary>
/// <param name="SubtreeLength">Element, component and region frames: this frame and its descendants.</param>
/// <param name="Name">Element name or attribute name.</param>
/// <param name="Value">Attribute value (bool true is "", false is null), text or markup content, or a reference capture id.</param>
/// <param name="EventHandlerId">Attribute frames: the id the browser dispatches an event to, or 0.</param>
public sealed record Frame(FrameType Type, int SubtreeLength, int ComponentId, string? Name, string? Value, ulong EventHandlerId);

/// <param name="Index">Reference frame index (or, for a permutation entry, the sibling index it moves to).</param>
public sealed record Edit(EditType Type, int SiblingIndex, int Index, string? RemovedAttributeName);

public sealed record ComponentDiff(int ComponentId, IReadOnlyList<Edit> Edits);

/// <summary>
/// A render batch as the server sends it in <c>JS.RenderBatch</c>: the binary layout written by ASP.NET Core's
/// <c>RenderBatchWriter</c> and read by blazor.web.js. Four arrays, a string table, then five little-endian int32s
/// at the very end giving where the updated components, the reference frames, the disposed component ids, the
/// disposed event handler ids and the string table's index start. An edit is 16 bytes (type, sibling index, frame
/// index, removed attribute name), a frame 20 bytes (type and 16 bytes whose meaning depends on it); a string is a
/// 7-bit-length-prefixed UTF-8 run, referred to by its position in the table (-1 for null).
/// </summary>
public sealed class RenderBatch
{
    public required IReadOnlyList<ComponentDiff> UpdatedComponents { get; init; }
    public required IReadOnlyList<Frame> ReferenceFrames { get; init; }
    public required IReadOnlyList<int> DisposedComponentIds { get; init; }
    public required IReadOnlyList<ulong> DisposedEventHandlerIds { get; init; }

    public static RenderBatch Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length < 20)
        {
            throw new FormatException($"A render batch ends with five offsets (20 bytes); this one has {data.Length} bytes.");
        }

        var end = data.Length;
        var updatedComponentsAt = Int(data, end - 20);
        var referenceFramesAt = Int(data, end - 16);
        var disposedComponentsAt = Int(data, end - 12);
        var disposedHandlersAt = Int(data, end - 8);
        var stringIndexAt = Int(data, end - 4);
        var strings = new StringTable(data, stringIndexAt);

        var frames = new Frame[Int(data, referenceFramesAt)];
        for (var i = 0; i < frames.Length; i++)
        {
            frames[i] = ReadFrame(data, referenceFramesAt + 4 + (20 * i), strings);
        }

        var diffs = new ComponentDiff[Int(data, updatedComponentsAt)];
        for (var i = 0; i < diffs.Length; i++)
        {
            var diffAt = Int(data, updatedComponentsAt + 4 + (4 * i));
            var edits = new Edit[Int(data, diffAt + 4)];
            for (var e = 0; e < edits.Length; e++)
            {
                var at = diffAt + 8 + (16 * e);
                edits[e] = new Edit((EditType)Int(data, at), Int(data, at + 4), Int(data, at + 8), strings.Read(Int(data, at + 12)));
            }

            diffs[i] = new ComponentDiff(Int(data, diffAt), edits);
        }

        var disposedComponents = new int[Int(data, disposedComponentsAt)];
        for (var i = 0; i < disposedComponents.Length; i++)
        {
            disposedComponents[i] = Int(data, disposedComponentsAt + 4 + (4 * i));
        }

        var disposedHandlers = new ulong[Int(data, disposedHandlersAt)];
        for (var i = 0; i < disposedHandlers.Length; i++)
        {
            disposedHandlers[i] = BinaryPrimitives.ReadUInt64LittleEndian(data[(disposedHandlersAt + 4 + (8 * i))..]);
        }

        return new RenderBatch
        {
            UpdatedComponents = diffs,
            ReferenceFrames = frames,
            DisposedComponentIds = disposedComponents,
            DisposedEventHandlerIds = disposedHandlers,
        };
    }

    private static Frame ReadFrame(ReadOnlySpan<byte> data, int at, StringTable strings)
    {
        var type = (FrameType)Int(data, at);
        return type switch
        {
            FrameType.Element => new Frame(type, Int(data, at + 4), 0, strings.Read(Int(data, at + 8)), null, 0),
            FrameType.Text or FrameType.Markup or FrameType.ElementReferenceCapture => new Frame(type, 0, 0, null, strings.Read(Int(data, at + 4)), 0),
            FrameType.Attribute => new Frame(type, 0, 0, strings.Read(Int(data, at + 4)), strings.Read(Int(data, at + 8)),
                BinaryPrimitives.ReadUInt64LittleEndian(data[(at + 12)..])),
            FrameType.Component => new Frame(type, Int(data, at + 4), Int(data, at + 8), null, null, 0),
            FrameType.Region => new Frame(type, Int(data, at + 4), 0, null, null, 0),
            _ => new Frame(type, 0, 0, null, null, 0),
        };
    }

    private static int Int(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadInt32LittleEndian(data[at..]);

    private readonly ref struct StringTable(ReadOnlySpan<byte> data, int indexAt)
    {
        private readonly ReadOnlySpan<byte> _data = data;

        public string? Read(int index)
        {
            if (index == -1)
            {
                return null;
            }

            var at = Int(_data, indexAt + (4 * index));
            var length = 0;
            var shift = 0;
            byte b;
            do
            {
                b = _data[at++];
                length |= (b & 0x7F) << shift;
                shift += 7;
            }
            while ((b & 0x80) != 0);

            return Encoding.UTF8.GetString(_data.Slice(at, length));
        }
    }
}
