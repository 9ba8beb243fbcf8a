namespace SesamTalk;

/// <summary>
/// The fingerprint of a record's mapped values (see <see cref="IEntityMapper.FingerprintOf"/>): the first 128 bits of
/// a SHA-256 of their canonical encoding. Its text (<see cref="ToString"/>) is 32 lower-case hex digits, the form
/// link stores keep; <see cref="Matches"/> compares with such a text without allocating.
/// </summary>
public readonly struct SyncFingerprint : IEquatable<SyncFingerprint>, IComparable<SyncFingerprint>
{
    /// <summary>The number of hex digits in the text form.</summary>
    public const int TextLength = 32;

    // The 16 bytes, big-endian: the first eight in _high. Comparing (_high, _low) as unsigned numbers orders
    // fingerprints as their hex texts order ordinally.
    private readonly ulong _high;
    private readonly ulong _low;

    private SyncFingerprint(ulong high, ulong low)
    {
        _high = high;
        _low = low;
    }

#if NET8_0_OR_GREATER
    /// <summary>The fingerprint made of the first 16 bytes of <paramref name="hash"/>.</summary>
    internal static SyncFingerprint FromBytes(ReadOnlySpan<byte> hash) =>
        new(System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(hash), System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(hash.Slice(8)));
#else
    /// <summary>The fingerprint made of the first 16 bytes of <paramref name="hash"/>.</summary>
    internal static SyncFingerprint FromBytes(byte[] hash) => new(ReadBigEndian(hash, 0), ReadBigEndian(hash, 8));
#endif

    /// <summary>
    /// Reads the text form (32 lower-case hex digits, as <see cref="ToString"/> writes it); anything else, upper-case
    /// digits included, is not a fingerprint.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="fingerprint">The fingerprint, or <see langword="default"/> when the text is not one.</param>
    /// <returns>Whether <paramref name="text"/> is the text of a fingerprint.</returns>
    public static bool TryParse(string? text, out SyncFingerprint fingerprint)
    {
        if (text is not null && text.Length == TextLength && TryReadHex(text, 0, out var high) && TryReadHex(text, 16, out var low))
        {
            fingerprint = new SyncFingerprint(high, low);
            return true;
        }

        fingerprint = default;
        return false;
    }

    /// <summary>
    /// Whether <paramref name="text"/> is this fingerprint's text (what <see cref="ToString"/> gives, compared
    /// ordinally), without allocating: <see langword="false"/> for <see langword="null"/> or any other text.
    /// </summary>
    /// <param name="text">A stored fingerprint text, or <see langword="null"/>.</param>
    public bool Matches(string? text) =>
        text is not null && text.Length == TextLength && MatchesHex(text, 0, _high) && MatchesHex(text, 16, _low);

    /// <summary>The text form: 32 lower-case hex digits.</summary>
    public override string ToString()
    {
#if NET8_0_OR_GREATER
        return string.Create(TextLength, this, static (chars, print) =>
        {
            WriteHex(chars, 0, print._high);
            WriteHex(chars, 16, print._low);
        });
#else
        var chars = new char[TextLength];
        WriteHex(chars, 0, _high);
        WriteHex(chars, 16, _low);
        return new string(chars);
#endif
    }

    /// <inheritdoc />
    public bool Equals(SyncFingerprint other) => _high == other._high && _low == other._low;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SyncFingerprint other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (_high ^ _low).GetHashCode();

    /// <summary>Orders fingerprints as their texts order ordinally.</summary>
    /// <param name="other">The other fingerprint.</param>
    public int CompareTo(SyncFingerprint other) =>
        _high != other._high ? _high.CompareTo(other._high) : _low.CompareTo(other._low);

    /// <summary>Compares two fingerprints.</summary>
    public static bool operator ==(SyncFingerprint left, SyncFingerprint right) => left.Equals(right);

    /// <summary>Compares two fingerprints.</summary>
    public static bool operator !=(SyncFingerprint left, SyncFingerprint right) => !left.Equals(right);

    /// <summary>Orders two fingerprints as their texts order.</summary>
    public static bool operator <(SyncFingerprint left, SyncFingerprint right) => left.CompareTo(right) < 0;

    /// <summary>Orders two fingerprints as their texts order.</summary>
    public static bool operator <=(SyncFingerprint left, SyncFingerprint right) => left.CompareTo(right) <= 0;

    /// <summary>Orders two fingerprints as their texts order.</summary>
    public static bool operator >(SyncFingerprint left, SyncFingerprint right) => left.CompareTo(right) > 0;

    /// <summary>Orders two fingerprints as their texts order.</summary>
    public static bool operator >=(SyncFingerprint left, SyncFingerprint right) => left.CompareTo(right) >= 0;

    /// <summary>Writes the 32 hex digits as ASCII bytes at <paramref name="offset"/> of <paramref name="bytes"/>.</summary>
    internal void WriteHex(byte[] bytes, int offset)
    {
        for (var i = 0; i < 16; i++)
        {
            bytes[offset + i] = HexDigit((int)(_high >> (60 - (4 * i))));
            bytes[offset + 16 + i] = HexDigit((int)(_low >> (60 - (4 * i))));
        }
    }

#if NET8_0_OR_GREATER
    private static void WriteHex(Span<char> chars, int offset, ulong value)
#else
    private static void WriteHex(char[] chars, int offset, ulong value)
#endif
    {
        for (var i = 0; i < 16; i++)
        {
            chars[offset + i] = (char)HexDigit((int)(value >> (60 - (4 * i))));
        }
    }

    private static byte HexDigit(int nibble)
    {
        nibble &= 0xF;
        return (byte)(nibble < 10 ? '0' + nibble : 'a' - 10 + nibble);
    }

    private static bool MatchesHex(string text, int offset, ulong value)
    {
        for (var i = 0; i < 16; i++)
        {
            if (text[offset + i] != HexDigit((int)(value >> (60 - (4 * i)))))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryReadHex(string text, int offset, out ulong value)
    {
        value = 0;
        for (var i = 0; i < 16; i++)
        {
            var c = text[offset + i];
            int nibble;
            if (c is >= '0' and <= '9')
            {
                nibble = c - '0';
            }
            else if (c is >= 'a' and <= 'f')
            {
                nibble = c - 'a' + 10;
            }
            else
            {
                return false;
            }

            value = (value << 4) | (uint)nibble;
        }

        return true;
    }

#if !NET8_0_OR_GREATER
    private static ulong ReadBigEndian(byte[] bytes, int offset)
    {
        ulong value = 0;
        for (var i = 0; i < 8; i++)
        {
            value = (value << 8) | bytes[offset + i];
        }

        return value;
    }
#endif
}
