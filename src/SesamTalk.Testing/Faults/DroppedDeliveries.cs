namespace SesamTalk.Testing.Faults;

/// <summary>
/// How many of the next webhook deliveries an emulator loses for good (a test's "the system never sent it"); safe
/// across threads: each loss is taken once.
/// </summary>
internal sealed class DroppedDeliveries
{
    private int _left;

    /// <summary>Loses <paramref name="count"/> more deliveries.</summary>
    public void Add(int count) => Interlocked.Add(ref _left, count);

    /// <summary>Whether this delivery is one to lose (and counts it).</summary>
    public bool TryTake()
    {
        var left = Volatile.Read(ref _left);
        while (left > 0)
        {
            var seen = Interlocked.CompareExchange(ref _left, left - 1, left);
            if (seen == left)
            {
                return true;
            }

            left = seen;
        }

        return false;
    }
}
