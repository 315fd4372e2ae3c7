namespace OpenMetrics.Storage;

/// <summary>Every queue, blob container and table of the system, by the name it has in the storage account.</summary>
public static class StorageNames
{
    /// <summary>The configuration name of the data storage connection (a connection string, or an identity-based section).</summary>
    public const string Connection = "OpenMetricsStorage";

    /// <summary>Accepted v1 calls, one <see cref="Ingest.IngestMessage"/> each (Base64, as the Functions queue trigger reads).</summary>
    public const string IngestQueue = "ingest";

    /// <summary>Where the Functions runtime (and the local host) moves an ingest message that kept failing.</summary>
    public const string IngestPoisonQueue = IngestQueue + "-poison";

    /// <summary>Claim checks: the JSON of an ingest message too large for the queue.</summary>
    public const string IngestClaimsContainer = "ingest-claims";

    /// <summary>Raw events by time: partition = UTC hour + session shard. See docs/storage.md.</summary>
    public const string EventsTable = "Events";

    /// <summary>Raw events by session (newest first), and the ledger of client event ids.</summary>
    public const string SessionEventsTable = "SessionEvents";

    /// <summary>Sessions, users, session-to-user links and merges.</summary>
    public const string IdentityTable = "Identity";

    /// <summary>Per-bucket counts: message contributions and their folded summaries.</summary>
    public const string AggregatesTable = "Aggregates";

    /// <summary>Copies of the day summaries by month and event, for reading long ranges fast.</summary>
    public const string RollupsDailyTable = "RollupsDaily";

    /// <summary>Copies of the hour summaries by month and event.</summary>
    public const string RollupsHourlyTable = "RollupsHourly";

    /// <summary>Exact per-bucket user sets, for unique and active users.</summary>
    public const string MembersTable = "Members";

    /// <summary>Saved definitions: segments, funnels, retentions, metrics and dashboards (partition = kind).</summary>
    public const string SavedTable = "Saved";

    /// <summary>Annotations, the markers on every time chart (partition = "annotation", row = time + random, the id).</summary>
    public const string AnnotationsTable = "Annotations";

    /// <summary>Metric sources: the definition and run state of each (partition = "source", row = the id).</summary>
    public const string SourcesTable = "Sources";

    /// <summary>Alerts: per alert (partition = the id) its definition and state (row "alert") and its crossings (rows "h_…"). See docs/storage.md.</summary>
    public const string AlertsTable = "Alerts";

    /// <summary>Computed funnel and retention answers: the timers' snapshots of saved definitions and cached ad-hoc answers.</summary>
    public const string SnapshotsTable = "Snapshots";

    /// <summary>Imported and pushed metric points: partition = metric + UTC month, row = time + dims hash. See docs/storage.md.</summary>
    public const string MetricPointsTable = "MetricPoints";

    /// <summary>Events refused inside batches that were otherwise accepted, for operators to see.</summary>
    public const string IngestRejectionsTable = "IngestRejections";

    /// <summary>Why each ingest message that went to the poison queue failed its last try.</summary>
    public const string IngestFailuresTable = "IngestFailures";

    /// <summary>Each poison message an operator discarded: what it was and when (docs/reliability.md, "Poison").</summary>
    public const string PoisonDiscardsTable = "PoisonDiscards";

    /// <summary>Import chunks to process, one message per chunk blob (<c>{"import","chunk","blob"}</c>, Base64): docs/imports.md.</summary>
    public const string ImportsQueue = "imports";

    /// <summary>Where an import chunk that kept failing goes, its import then <c>failed</c> with the reason.</summary>
    public const string ImportsPoisonQueue = ImportsQueue + "-poison";

    /// <summary>Import files as uploaded, split into NDJSON chunk blobs of a few thousand records: <c>{id}/{chunk}-{part token}.ndjson</c>.</summary>
    public const string ImportsContainer = "imports";

    /// <summary>Each import (partition <c>import</c>) and the result of each of its chunks (partition <c>chunks_{id}</c>).</summary>
    public const string ImportsTable = "Imports";
}
