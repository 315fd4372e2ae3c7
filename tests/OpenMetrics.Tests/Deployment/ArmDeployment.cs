using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OpenMetrics.Tests.Deployment;

/// <summary>A resource of a compiled template, with its symbolic name when the template has them (language 2.0).</summary>
public sealed record ArmResource(string? SymbolicName, JsonObject Body)
{
    public string Type => (string)Body["type"]!;

    public JsonObject? Properties => Body["properties"] as JsonObject;

    public string Text => Body.ToJsonString();
}

/// <summary>
/// One template of the compiled ARM JSON: main.json itself, or a module, which Bicep compiles into a nested
/// Microsoft.Resources/deployments resource with its template inline and the values its caller passed. Values stay
/// ARM expressions ("[parameters('x')]"); this class follows parameters to what the caller passed and variables to
/// their definitions, which is all the infra tests need to read names, settings and role ids.
/// </summary>
public sealed partial class ArmDeployment
{
    private readonly JsonObject? _passed;

    private ArmDeployment(string name, JsonObject template, JsonObject? passed, ArmDeployment? parent)
    {
        Name = name;
        Template = template;
        _passed = passed;
        Parent = parent;
    }

    public string Name { get; }

    public JsonObject Template { get; }

    public ArmDeployment? Parent { get; }

    public static ArmDeployment Root(JsonObject template) => new("main", template, null, null);

    public IEnumerable<ArmResource> Resources => Template["resources"] switch
    {
        JsonArray list => list.OfType<JsonObject>().Select(body => new ArmResource(null, body)),
        JsonObject symbolic => symbolic.Where(pair => pair.Value is JsonObject).Select(pair => new ArmResource(pair.Key, (JsonObject)pair.Value!)),
        _ => [],
    };

    public IEnumerable<ArmResource> ResourcesOfType(string type) =>
        Resources.Where(resource => string.Equals(resource.Type, type, StringComparison.OrdinalIgnoreCase) && resource.Body["existing"] is null);

    /// <summary>This template and every module below it, depth first.</summary>
    public IEnumerable<ArmDeployment> SelfAndDescendants()
    {
        yield return this;
        foreach (var resource in ResourcesOfType("Microsoft.Resources/deployments"))
        {
            var properties = resource.Properties!;
            var child = new ArmDeployment((string)resource.Body["name"]!, (JsonObject)properties["template"]!, properties["parameters"] as JsonObject, this);
            foreach (var deployment in child.SelfAndDescendants())
            {
                yield return deployment;
            }
        }
    }

    /// <summary>
    /// A value with a whole-value reference replaced by what it refers to: "[parameters('x')]" by the value the
    /// caller passed (or the default), "[variables('x')]" by the variable. Anything else is returned as it is.
    /// </summary>
    public JsonNode? Resolve(JsonNode? value)
    {
        if (value is JsonValue && value.GetValueKind() == System.Text.Json.JsonValueKind.String
            && WholeReference().Match((string)value!) is { Success: true } match)
        {
            var name = match.Groups["name"].Value;
            return match.Groups["kind"].Value == "parameters"
                ? Parameter(name) is { } parameter ? parameter.Where.Resolve(parameter.Value) : null
                : Resolve(Template["variables"]?[name]);
        }

        return value;
    }

    /// <summary>
    /// The text of an expression together with the text of every parameter and variable it uses, followed through
    /// the callers: what a GUID or a deployment name in it finally comes from.
    /// </summary>
    public string Expand(string expression)
    {
        var text = new StringBuilder(expression);
        foreach (Match reference in AnyReference().Matches(expression))
        {
            var name = reference.Groups["name"].Value;
            if (reference.Groups["kind"].Value == "parameters")
            {
                if (Parameter(name) is { } parameter)
                {
                    text.Append(' ').Append(parameter.Where.Expand(parameter.Value));
                }
            }
            else
            {
                text.Append(' ').Append(Expand(Template["variables"]?[name]));
            }
        }

        return text.ToString();
    }

    /// <summary>Every string in a value, each expanded as by <see cref="Expand(string)"/>.</summary>
    public string Expand(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String => Expand((string)value!),
        JsonValue value => value.ToJsonString(),
        JsonArray array => string.Join(' ', array.Select(item => Expand(item))),
        JsonObject obj => string.Join(' ', obj.Select(pair => Expand(pair.Value))),
        _ => "",
    };

    /// <summary>The value a parameter has here, and the template whose context that value is written in.</summary>
    private (JsonNode? Value, ArmDeployment Where)? Parameter(string name)
    {
        if (_passed?[name] is JsonObject passed && Parent is not null)
        {
            return (passed["value"] ?? passed, Parent);
        }

        return Template["parameters"]?[name]?["defaultValue"] is { } defaultValue ? (defaultValue, this) : null;
    }

    [GeneratedRegex(@"^\[(?<kind>parameters|variables)\('(?<name>[^']+)'\)\]$")]
    private static partial Regex WholeReference();

    [GeneratedRegex(@"(?<kind>parameters|variables)\('(?<name>[^']+)'\)")]
    private static partial Regex AnyReference();
}
