using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OpenMetrics.Apps.Http;
using OpenMetrics.Core.Query;
using OpenMetrics.Core.Query.Funnels;
using OpenMetrics.Core.Query.Snapshots;

namespace OpenMetrics.Apps.Query.Funnels;

/// <summary>
/// <c>/api/query/funnel/dropoff</c> lists who dropped off after a step: <c>GET ?id=SAVED&amp;step=K</c> for a saved
/// funnel, or <c>POST</c> with the funnel query plus <c>step</c> (and <c>breakdownValue</c>), which shares the
/// funnel's cached answer.
/// </summary>
public sealed class FunnelDropoffHandler(FunnelAnalysis analysis, SnapshotAnswers answers) : IQueryHandler
{
    public async Task<HttpAnswer> HandleAsync(HttpRequest request, string? id, CancellationToken cancellationToken)
    {
        int step;
        string? breakdownValue;
        JsonElement query;
        if (HttpMethods.IsGet(request.Method))
        {
            var saved = QueryStringArguments.Text(request, "id") ?? throw new QueryException("'id' (a saved funnel) is needed; POST the funnel query to ask about an unsaved one.", "id");
            step = QueryStringArguments.WholeNumber(request, "step", -1, 0, FunnelQueryParser.MaxSteps - 1);
            breakdownValue = QueryStringArguments.Text(request, "breakdownValue");
            query = JsonSerializer.SerializeToElement(new JsonObject { ["id"] = saved });
        }
        else
        {
            var body = await QueryBody.ReadObjectAsync(request, cancellationToken);
            step = QueryFields.WholeNumber(body, "step", "step", -1, 0, FunnelQueryParser.MaxSteps - 1);
            breakdownValue = QueryFields.Text(body, "breakdownValue", "breakdownValue");
            var funnelOnly = JsonObject.Create(body)!;
            foreach (var argument in FunnelDropoff.Arguments)
            {
                funnelOnly.Remove(argument);
            }

            query = JsonSerializer.SerializeToElement(funnelOnly);
        }

        if (step < 0)
        {
            throw new QueryException("'step' is needed: the index (from 0) of the step whose drop-offs to list.", "step");
        }

        var answer = await answers.AnswerAsync(analysis, query, cancellationToken);
        return QueryAnswers.Answer(FunnelDropoff.Pick(answer, step, breakdownValue));
    }
}
