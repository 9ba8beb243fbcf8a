namespace SesamTalk.Connectors;

/// <summary>Why a remote system rejected one record: its own error code and message, and the fields it named.</summary>
/// <param name="Code">The system's error code, e.g. <c>STRING_TOO_LONG</c> or <c>validation-failed</c>.</param>
/// <param name="Message">The system's message (never contains credentials).</param>
/// <param name="Fields">The remote fields the error is about, when the system names them.</param>
public sealed record RemoteRecordError(string Code, string Message, IReadOnlyList<string> Fields)
{
    /// <summary><c>CODE: message (Field, Field)</c>.</summary>
    public override string ToString() =>
        Code + ": " + Message + (Fields.Count > 0 ? " (" + string.Join(", ", Fields) + ")" : "");
}
