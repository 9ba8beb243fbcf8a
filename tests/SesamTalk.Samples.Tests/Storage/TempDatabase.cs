namespace SesamTalk.Samples.Tests.Storage;

/// <summary>A real SQLite file in a fresh temp folder, deleted with the folder afterwards.</summary>
internal sealed class TempDatabase : IDisposable
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sesamtalk-samples-" + Guid.NewGuid().ToString("N"));

    public TempDatabase()
    {
        Directory.CreateDirectory(_folder);
    }

    public string Path => System.IO.Path.Combine(_folder, "host.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
