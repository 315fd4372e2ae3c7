using System.Text.Json;

namespace OpenMetrics.Core.Query.Saved;

/// <summary>
/// Checks a definition before it is saved, so that a saved funnel or segment that cannot run is refused at PUT time
/// (a 400 naming the field), not found broken by the timer later. Registered once per kind; a kind without a check
/// only needs a JSON object with a <c>name</c>.
/// </summary>
public interface ISavedDefinitionCheck
{
    SavedKind Kind { get; }

    /// <summary>The field that names an item of this kind, required non-empty: <c>name</c>, or a metric's <c>title</c>.</summary>
    string NameField => "name";

    /// <summary>Throws <see cref="QueryException"/> when the definition is not valid.</summary>
    void Check(JsonElement definition);
}
