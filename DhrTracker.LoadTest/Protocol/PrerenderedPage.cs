using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DhrTracker.LoadTest.Protocol;

/// <summary>
/// What a prerendered page hands the browser to start its circuit: the interactive server components' markers
/// (<c>&lt;!--Blazor:{"type":"server",…,"descriptor":"…"}--&gt;</c>, each followed later by an end marker holding only its
/// prerender id) and the persisted component state (<c>&lt;!--Blazor-Server-Component-State:…--&gt;</c>).
/// </summary>
public sealed partial class PrerenderedPage
{
    /// <summary>The start markers of the server components, in document order, as parsed JSON objects.</summary>
    public required IReadOnlyList<JsonObject> ServerComponents { get; init; }

    /// <summary>The protected state the server persisted while prerendering; empty when there is none.</summary>
    public required string ApplicationState { get; init; }

    public static PrerenderedPage Parse(string html)
    {
        var components = new List<JsonObject>();
        foreach (Match marker in ComponentMarker().Matches(html))
        {
            var json = JsonNode.Parse(marker.Groups["json"].Value)?.AsObject()
                ?? throw new FormatException($"A Blazor marker is not a JSON object: {marker.Value}");
            // End markers carry only the prerender id; interactive WebAssembly and auto components are not the server's.
            if (json["type"]?.GetValue<string>() == "server")
            {
                if (json["descriptor"] is null || json["sequence"] is null)
                {
                    throw new FormatException($"A server component marker has no descriptor or sequence: {marker.Value}");
                }

                components.Add(json);
            }
        }

        var state = StateMarker().Match(html);
        return new PrerenderedPage
        {
            ServerComponents = components,
            ApplicationState = state.Success ? state.Groups["state"].Value : string.Empty,
        };
    }

    /// <summary>
    /// The argument of <c>UpdateRootComponents</c> that adds every server component of the page, as blazor.web.js
    /// sends it on its first update: <c>{"batchId":1,"operations":[{"type":"add","ssrComponentId":1,"marker":{…}},…]}</c>,
    /// each marker the start marker's own JSON plus the unique id the script gives it.
    /// </summary>
    public string AddRootComponentsOperation(int batchId = 1)
    {
        var operations = new JsonArray();
        var id = 0;
        foreach (var component in ServerComponents.OrderBy(c => c["sequence"]!.GetValue<int>()))
        {
            var marker = component.DeepClone().AsObject();
            marker["uniqueId"] = id;
            operations.Add(new JsonObject
            {
                ["type"] = "add",
                ["ssrComponentId"] = ++id,
                ["marker"] = marker,
            });
        }

        return new JsonObject { ["batchId"] = batchId, ["operations"] = operations }.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    [GeneratedRegex(@"<!--Blazor:(?<json>\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex ComponentMarker();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:(?<state>[A-Za-z0-9+/=]+)-->")]
    private static partial Regex StateMarker();
}
