using System.Text;
using Microsoft.AspNetCore.Http;
using SesamTalk.Testing.Salesforce.Http;

namespace SesamTalk.Testing.Salesforce.Bulk;

/// <summary>
/// Bulk API 2.0's refusals, in its error shape <c>[{"errorCode","message"}]</c>. The codes of job errors are the
/// exception codes of the Bulk API 2.0 Errors page (InvalidJob, InvalidJobState, ExceededQuota, InvalidBatch) in upper
/// case; the exact wording of the messages is not documented and may differ from a real org's [K]. The 412
/// <c>JOB_NOT_COMPLETE</c> of results read too early is documented.
/// </summary>
internal static class BulkErrors
{
    public static ApiException InvalidJob(string message) => ApiException.BadRequest("INVALIDJOB", message);

    public static ApiException InvalidJobState(string message) => ApiException.BadRequest("INVALIDJOBSTATE", message);

    public static ApiException ExceededQuota(string message) => ApiException.BadRequest("EXCEEDEDQUOTA", message);

    public static ApiException JobNotFound() => new(ApiResponse.NotFound());

    /// <summary>Results asked for before the job finished: 412 <c>JOB_NOT_COMPLETE</c>.</summary>
    public static ApiException NotComplete(BulkJobState state) => new(ApiResponse.Error(
        StatusCodes.Status412PreconditionFailed,
        "JOB_NOT_COMPLETE",
        $"can only download results of successfully completed bulk job with status: JOB_COMPLETE. Current status: {UpperSnake(state)}"));

    /// <summary>A state as the JOB_NOT_COMPLETE message writes it: InProgress becomes IN_PROGRESS.</summary>
    private static string UpperSnake(BulkJobState state)
    {
        var name = state.ToString();
        var text = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                text.Append('_');
            }

            text.Append(char.ToUpperInvariant(name[i]));
        }

        return text.ToString();
    }
}
