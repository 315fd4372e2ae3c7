namespace OpenMetrics.Cli.Imports;

/// <summary>What an import run reports as it goes: the console draws it, a test records it.</summary>
internal interface IImportProgress
{
    /// <summary>Bytes of the file sent so far, of its size on disk.</summary>
    void Uploaded(long bytes, long total);

    /// <summary>The server's latest answer while it works through the file, with the rates measured between polls.</summary>
    void Following(ImportStatus status, ImportRate rate);

    /// <summary>The import is over: done (perhaps with refused rows) or failed.</summary>
    void Finished(ImportStatus status);

    /// <summary>The import could not be made: the server refused the file, the key, or could not be reached.</summary>
    void Refused(string reason);
}
