#if NET8_0_OR_GREATER
namespace SesamTalk;

/// <summary>
/// A number's canonical text as the fingerprint encodes it, in UTF-8: invariant, every digit, no exponent, no trailing
/// zeros after the point, zero (of any sign and scale) as <c>0</c>: the text of the format
/// <c>0.############################</c> (28 places, decimal's largest scale), written from the decimal's integer
/// and scale without the formatting machinery, which cost as much as the rest of a record's encoding.
/// </summary>
internal static class CanonicalNumber
{
    /// <summary>The longest text: a sign, "0.", 27 zeros and a digit, or a sign, 29 digits and a point.</summary>
    public const int MaxLength = 32;

    // 2^96 - 1, decimal's largest integer, has 29 digits.
    private const int MaxDigits = 29;

    /// <summary>Writes the text of <paramref name="number"/> at the start of <paramref name="destination"/>.</summary>
    /// <returns>The number of bytes written.</returns>
    public static int Write(decimal number, Span<byte> destination)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(number, bits);
        var low = (uint)bits[0];
        var middle = (uint)bits[1];
        var high = (uint)bits[2];
        var scale = (bits[3] >> 16) & 0xFF;

        // The integer's digits, least significant first.
        Span<byte> digits = stackalloc byte[MaxDigits];
        var count = 0;
        if (high == 0)
        {
            for (var value = ((ulong)middle << 32) | low; value != 0;)
            {
                var tens = value / 10;
                digits[count++] = (byte)('0' + (value - (tens * 10)));
                value = tens;
            }
        }
        else
        {
            while ((high | middle | low) != 0)
            {
                digits[count++] = (byte)('0' + DivideByTen(ref high, ref middle, ref low));
            }
        }

        var first = 0;
        while (first < count && scale > 0 && digits[first] == (byte)'0')
        {
            first++;
            scale--;
        }

        if (first == count)
        {
            destination[0] = (byte)'0';
            return 1;
        }

        var at = 0;
        if (bits[3] < 0)
        {
            destination[at++] = (byte)'-';
        }

        var significant = count - first;
        if (scale >= significant)
        {
            destination[at++] = (byte)'0';
            destination[at++] = (byte)'.';
            for (var zero = significant; zero < scale; zero++)
            {
                destination[at++] = (byte)'0';
            }
        }

        for (var place = significant - 1; place >= 0; place--)
        {
            if (place == scale - 1 && scale < significant)
            {
                destination[at++] = (byte)'.';
            }

            destination[at++] = digits[first + place];
        }

        return at;
    }

    /// <summary>Divides the 96-bit integer (<paramref name="high"/>, <paramref name="middle"/>, <paramref name="low"/>) by ten.</summary>
    /// <returns>The remainder.</returns>
    private static int DivideByTen(ref uint high, ref uint middle, ref uint low)
    {
        ulong rest = high;
        high = (uint)(rest / 10);
        rest = ((rest % 10) << 32) | middle;
        middle = (uint)(rest / 10);
        rest = ((rest % 10) << 32) | low;
        low = (uint)(rest / 10);
        return (int)(rest % 10);
    }
}
#endif
