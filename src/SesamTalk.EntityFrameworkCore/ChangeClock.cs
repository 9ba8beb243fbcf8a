namespace SesamTalk.EntityFrameworkCore;

/// <summary>
/// The one row of <c>sesamtalk_clock</c>: the last change position handed out. Every stamping transaction updates
/// this row first, so the row lock orders stamping transactions and positions follow commit order.
/// </summary>
internal sealed class ChangeClock
{
    /// <summary>The id of the one row (seeded by the model, so the host's migration inserts it).</summary>
    public const int RowId = 1;

    /// <summary>Always <see cref="RowId"/>.</summary>
    public int Id { get; set; }

    /// <summary>The last position handed out, in UTC ticks (a hybrid clock: never behind the wall clock's ticks).</summary>
    public long Stamp { get; set; }
}
