namespace SesamTalk.Consumer;

/// <summary>Prints one line per check and turns the outcome into the exit code.</summary>
internal sealed class Checks
{
    private int _failed;
    private int _passed;

    public void That(string what, bool holds)
    {
        Console.WriteLine((holds ? "  ok    " : "  FAIL  ") + what);
        if (holds)
        {
            _passed++;
        }
        else
        {
            _failed++;
        }
    }

    public int Report()
    {
        Console.WriteLine(_failed == 0 ? $"consumer: all {_passed} checks hold" : $"consumer: {_failed} of {_passed + _failed} checks FAILED");
        return _failed == 0 ? 0 : 1;
    }
}
