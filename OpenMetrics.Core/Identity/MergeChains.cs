namespace OpenMetrics.Core.Identity;

/// <summary>Following MergedInto marks safely, even through data written before merges were decided by the ledger.</summary>
public static class MergeChains
{
    /// <summary>
    /// The root that every member of a loop of merges stands for: the ordinal-first user of the loop, so that each
    /// reader of the loop, whichever user it starts from, resolves to the same user and no message is stuck on it.
    /// </summary>
    /// <param name="path">The users walked, in order; <paramref name="repeated"/> is the first one met again.</param>
    public static string RootOfCycle(IReadOnlyList<string> path, string repeated) =>
        path.Skip(path.ToList().IndexOf(repeated)).Min(StringComparer.Ordinal)!;
}
