using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace OpenMetrics.Storage;

/// <summary>
/// The data storage account, from configuration the way the Functions runtime reads a connection: either a
/// connection string under <c>OpenMetricsStorage</c> (locally: Azurite), or, in Azure, the identity-based section
/// <c>OpenMetricsStorage__accountName</c> (or <c>__queueServiceUri</c>, <c>__tableServiceUri</c>, <c>__blobServiceUri</c>)
/// with <c>__credential=managedidentity</c> and <c>__clientId</c> for a user-assigned identity. No keys in Azure.
/// </summary>
public sealed class StorageAccount
{
    private readonly string? _connectionString;
    private readonly IConfigurationSection? _identitySection;
    private readonly TokenCredential? _credential;
    private readonly StorageClientOptions _options;

    private StorageAccount(string? connectionString, IConfigurationSection? identitySection, StorageClientOptions? options = null)
    {
        _connectionString = connectionString;
        _identitySection = identitySection;
        _options = options ?? new StorageClientOptions();
        if (identitySection is not null)
        {
            var clientId = identitySection["clientId"];
            _credential = string.Equals(identitySection["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
                ? new ManagedIdentityCredential(clientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId))
                : new DefaultAzureCredential();
        }
    }

    /// <param name="options">Extra client settings, such as a pipeline policy that counts or fails requests (benchmarks, tests).</param>
    public static StorageAccount FromConnectionString(string connectionString, StorageClientOptions? options = null) => new(connectionString, null, options);

    public static StorageAccount FromConfiguration(IConfiguration configuration, string name = StorageNames.Connection)
    {
        var connectionString = configuration[name] ?? configuration.GetConnectionString(name);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new StorageAccount(connectionString, null);
        }

        var section = configuration.GetSection(name);
        if (section["accountName"] is not null || section["queueServiceUri"] is not null)
        {
            return new StorageAccount(null, section);
        }

        throw new InvalidOperationException(
            $"No storage is configured: set {name} to a connection string, or {name}__accountName for a managed identity.");
    }

    public QueueServiceClient Queues() => _connectionString is not null
        ? new QueueServiceClient(_connectionString, _options.Queues())
        : new QueueServiceClient(ServiceUri("queue"), _credential, _options.Queues());

    public BlobServiceClient Blobs() => _connectionString is not null
        ? new BlobServiceClient(_connectionString, _options.Blobs())
        : new BlobServiceClient(ServiceUri("blob"), _credential, _options.Blobs());

    public TableServiceClient Tables() => _connectionString is not null
        ? new TableServiceClient(_connectionString, _options.Tables())
        : new TableServiceClient(ServiceUri("table"), _credential, _options.Tables());

    private Uri ServiceUri(string service) =>
        _identitySection![$"{service}ServiceUri"] is { } explicitUri
            ? new Uri(explicitUri)
            : new Uri($"https://{_identitySection["accountName"]}.{service}.core.windows.net");
}
