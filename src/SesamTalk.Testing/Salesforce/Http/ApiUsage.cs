using System.Collections.Concurrent;
using System.Globalization;

namespace SesamTalk.Testing.Salesforce.Http;

/// <summary>The org's rolling API budget (what <c>Sforce-Limit-Info</c> reports) and the per-endpoint call counts.</summary>
internal sealed class ApiUsage(int dailyLimit)
{
    private readonly ConcurrentDictionary<SalesforceEndpoint, int> _calls = new();
    private int _used;

    public int DailyLimit { get; } = dailyLimit;

    public int Used => Volatile.Read(ref _used);

    public IReadOnlyDictionary<SalesforceEndpoint, int> Calls => new Dictionary<SalesforceEndpoint, int>(_calls);

    public string LimitInfo => string.Create(CultureInfo.InvariantCulture, $"api-usage={Used}/{DailyLimit}");

    public void CountCall(SalesforceEndpoint endpoint) => _calls.AddOrUpdate(endpoint, 1, (_, n) => n + 1);

    public int CallCount(SalesforceEndpoint endpoint) => _calls.GetValueOrDefault(endpoint);

    public void ResetCalls() => _calls.Clear();

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
