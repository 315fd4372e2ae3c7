namespace OpenMetrics.Client;

/// <summary>
/// Turns queued calls into requests. A session's events are batched until one of its props or user id calls comes
/// between them, so that the server sees each session's calls in the order they were made; sessions are independent
/// of one another, so each session's requests form a sequence that can be sent beside the others.
/// </summary>
internal static class CallPlan
{
    /// <summary>About a quarter of the server's 1 MiB body limit, so that a batch is never refused for its size.</summary>
    public const int MaxCallSize = 256 * 1024;

    public static List<List<PlannedCall>> BySession(IReadOnlyList<PendingCall> pending, int maxEventsPerCall)
    {
        var calls = new List<PlannedCall>();
        var openBatches = new Dictionary<string, PlannedCall>(StringComparer.Ordinal);
        foreach (var item in pending)
        {
            if (!item.IsEvent)
            {
                var single = new PlannedCall(item.SessionId, item.Route);
                single.Add(item);
                calls.Add(single);
                openBatches.Remove(item.SessionId);
                continue;
            }

            if (!openBatches.TryGetValue(item.SessionId, out var batch)
                || batch.Items.Count >= maxEventsPerCall
                || batch.Size + item.Json.Length > MaxCallSize)
            {
                batch = new PlannedCall(item.SessionId, PendingCall.Events);
                calls.Add(batch);
                openBatches[item.SessionId] = batch;
            }

            batch.Add(item);
        }

        return calls.GroupBy(call => call.SessionId, StringComparer.Ordinal).Select(session => session.ToList()).ToList();
    }
}
