using System.Globalization;

namespace SesamTalk.Testing.Salesforce.Http;

/// <summary>The org's rolling API budget (what <c>Sforce-Limit-Info</c> reports).</summary>
internal sealed class ApiUsage(int dailyLimit)
{
    private int _used;

    public int DailyLimit { get; } = dailyLimit;

    public int Used => Volatile.Read(ref _used);

    public string LimitInfo => string.Create(CultureInfo.InvariantCulture, $"api-usage={Used}/{DailyLimit}");

    public void SetUsed(int used) => Volatile.Write(ref _used, used);

    /// <summary>Takes one call from the budget; false once the daily limit is used up.</summary>
    public bool TryConsume()
    {
        while (true)
        {
            var used = Volatile.Read(ref _used);
            if (used >= DailyLimit)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _used, used + 1, used) == used)
            {
                return true;
            }
        }
    }
}
