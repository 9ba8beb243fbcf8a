using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
#if NET8_0_OR_GREATER
using System.Text.Unicode;
#endif

namespace SesamTalk;

/// <summary>
/// Builds the stable fingerprint of a record's mapped values: the same values give the same fingerprint in every
/// process, culture and time zone, so the engine can tell an echo of its own write, or two records that already
/// agree, from a real change. Generated mappers add their fields in a fixed order, then call
/// <see cref="ToFingerprint"/>.
/// </summary>
/// <remarks>
/// Each field is encoded as <c>FIELD␟length␟canonical␞</c>: the field name in upper case, the length of the canonical
/// text in UTF-16 code units, the canonical text (<see cref="SyncValue.ToString"/>), all in UTF-8, with U+001F and
/// U+001E as separators. The fingerprint is the first 128 bits of the SHA-256 of that encoding. The encoding is
/// written straight into a per-thread reused buffer, so a record without child records costs no allocation.
/// </remarks>
public ref struct SyncFingerprintBuilder
{
    // Separators that cannot occur in field names and make the encoding unambiguous.
    private const byte FieldSeparator = 0x1E;
    private const byte PartSeparator = 0x1F;

#if !NET8_0_OR_GREATER
    // Numbers without trailing zeros; 28 places, decimal's largest scale, so nothing is ever rounded.
    private const string NumberFormat = "0.############################";
#endif

    private const int FirstBufferSize = 512;

    // Buffers larger than this (records with very long texts) are not kept between fingerprints.
    private const int LargestKeptBuffer = 64 * 1024;

    // Two buffers a thread: one for a record, one for the child records fingerprinted while it is being built.
    [ThreadStatic]
    private static byte[]? t_spare;

    [ThreadStatic]
    private static byte[]? t_secondSpare;

    private byte[]? _buffer;
    private int _length;

    /// <summary>
    /// Adds a field of <paramref name="record"/>, read as <paramref name="kind"/> first, so that a number or date a
    /// connector delivered as text agrees with the same value from the host. An absent field counts as null, and
    /// null and "" are both empty. A value that cannot be read as <paramref name="kind"/> counts as its own text.
    /// </summary>
    /// <param name="record">The record.</param>
    /// <param name="field">The field's API name.</param>
    /// <param name="kind">The kind of value the field carries.</param>
    public void Add(SyncRecord record, string field, SyncValueKind kind)
    {
        record.TryGetValue(field, out var value);
        WriteName(field);
        WriteValue(value, kind);
        Put(FieldSeparator);
    }

    /// <summary>
    /// Adds a field that holds child records, each fingerprinted by <paramref name="childMapper"/>. Children are
    /// compared as a set, so two systems that order lines differently still agree.
    /// </summary>
    /// <param name="record">The parent record.</param>
    /// <param name="field">The field carrying the children.</param>
    /// <param name="direction">Which of the children's fields count (see <see cref="IEntityMapper.FingerprintOf"/>).</param>
    /// <param name="childMapper">The mapper of the child type.</param>
    public void AddChildren(SyncRecord record, string field, FieldDirection direction, IEntityMapper childMapper)
    {
        if (!record.TryGetValue(field, out var value) || value.IsNull)
        {
            WriteName(field);
            WriteLength(0);
            Put(FieldSeparator);
            return;
        }

        // A child marked deleted is one an update removes (see ISyncConnector.UpdateAsync): not part of the record.
        var children = value.AsRecords()!;
        var count = 0;
        for (var i = 0; i < children.Count; i++)
        {
            if (!children[i].IsDeleted)
            {
                count++;
            }
        }

#if NET8_0_OR_GREATER
        Span<SyncFingerprint> prints = count <= 32 ? stackalloc SyncFingerprint[count] : new SyncFingerprint[count];
#else
        var prints = new SyncFingerprint[count];
#endif
        var next = 0;
        for (var i = 0; i < children.Count; i++)
        {
            if (!children[i].IsDeleted)
            {
                prints[next++] = childMapper.FingerprintOf(children[i], direction);
            }
        }

#if NET8_0_OR_GREATER
        prints.Sort();
#else
        Array.Sort(prints);
#endif

        // "[" + the sorted texts joined by "," + "]".
        WriteName(field);
        WriteLength(count == 0 ? 2 : (count * (SyncFingerprint.TextLength + 1)) + 1);
        Ensure((count * (SyncFingerprint.TextLength + 1)) + 3);
        var buffer = _buffer!;
        buffer[_length++] = (byte)'[';
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                buffer[_length++] = (byte)',';
            }

            prints[i].WriteHex(buffer, _length);
            _length += SyncFingerprint.TextLength;
        }

        buffer[_length++] = (byte)']';
        buffer[_length++] = FieldSeparator;
    }

    /// <summary>The fingerprint of the fields added; the builder is empty again afterwards.</summary>
    public SyncFingerprint ToFingerprint()
    {
#if NET8_0_OR_GREATER
        var print = FingerprintHash.Of(new ReadOnlySpan<byte>(_buffer, 0, _length));
#else
        var print = FingerprintHash.Of(_buffer ?? [], _length);
#endif
        if (_buffer is not null)
        {
            Return(_buffer);
            _buffer = null;
            _length = 0;
        }

        return print;
    }

    /// <summary>The field name in upper case, then the part separator.</summary>
    private void WriteName(string field)
    {
        Ensure(field.Length + 1);
#if NET8_0_OR_GREATER
        if (Ascii.ToUpper(field.AsSpan(), _buffer.AsSpan(_length), out var written) == System.Buffers.OperationStatus.Done)
        {
            _length += written;
            _buffer![_length++] = PartSeparator;
            return;
        }

        // Not ASCII: upper case as the culture-invariant rules say (rare in API names).
        WriteUtf8(field.ToUpperInvariant());
        Put(PartSeparator);
#else
        var buffer = _buffer!;
        var at = _length;
        foreach (var c in field)
        {
            if (c >= 0x80)
            {
                // Not ASCII: upper case as the culture-invariant rules say (rare in API names).
                WriteUtf8(field.ToUpperInvariant());
                Put(PartSeparator);
                return;
            }

            buffer[at++] = (byte)(c is >= 'a' and <= 'z' ? c - ('a' - 'A') : c);
        }

        buffer[at++] = PartSeparator;
        _length = at;
#endif
    }

    /// <summary>
    /// The length and canonical text of <paramref name="value"/> read as <paramref name="kind"/>: a value of another
    /// kind that reads as <paramref name="kind"/> (numeric text for a number, a point in time for a date, ...)
    /// counts as what it reads as; any other value counts as itself.
    /// </summary>
    private void WriteValue(SyncValue value, SyncValueKind kind)
    {
        if (value.Kind != kind)
        {
            switch (kind)
            {
                case SyncValueKind.Number when value.Kind == SyncValueKind.String
                    && decimal.TryParse(value.AsString()!, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number):
                    WriteNumber(number);
                    return;
                case SyncValueKind.Boolean when value.Kind == SyncValueKind.String && bool.TryParse(value.AsString()!, out var flag):
                    WriteBoolean(flag);
                    return;
                case SyncValueKind.DateTime when value.Kind == SyncValueKind.Date:
                    WriteMoment(value.AsDate()!.Value);
                    return;
                case SyncValueKind.DateTime when value.Kind == SyncValueKind.String && SyncValueText.TryParseDateTime(value.AsString()!, out var moment):
                    WriteMoment(moment.UtcDateTime);
                    return;
                case SyncValueKind.Date when value.Kind == SyncValueKind.DateTime:
                    WriteDate(value.AsDate()!.Value);
                    return;
                case SyncValueKind.Date when value.Kind == SyncValueKind.String && SyncValueText.TryParseDate(value.AsString()!, out var date):
                    WriteDate(date.Date);
                    return;
            }
        }

        switch (value.Kind)
        {
            case SyncValueKind.Null:
                WriteLength(0);
                break;
            case SyncValueKind.String:
                var text = value.AsString()!;
                WriteLength(text.Length);
                WriteUtf8(text);
                break;
            case SyncValueKind.Boolean:
                WriteBoolean(value.AsBoolean()!.Value);
                break;
            case SyncValueKind.Number:
                WriteNumber(value.AsDecimal()!.Value);
                break;
            case SyncValueKind.DateTime:
                WriteMoment(value.AsDateTimeOffset()!.Value.UtcDateTime);
                break;
            case SyncValueKind.Date:
                WriteDate(value.AsDate()!.Value);
                break;
            default:
                // Records in a field that is not a child collection: "[n records]".
                var count = value.AsRecords()!.Count;
                WriteLength(1 + Digits(count) + 9);
                Put((byte)'[');
                WriteDigits(count);
                WriteAscii(" records]");
                break;
        }
    }

    private void WriteBoolean(bool flag)
    {
        var text = flag ? "true" : "false";
        WriteLength(text.Length);
        WriteAscii(text);
    }

    /// <summary>Invariant, without trailing zeros, zero as "0".</summary>
    private void WriteNumber(decimal number)
    {
#if NET8_0_OR_GREATER
        Span<byte> text = stackalloc byte[CanonicalNumber.MaxLength];
        var written = CanonicalNumber.Write(number, text);
        WriteLength(written);
        Ensure(written);
        text.Slice(0, written).CopyTo(_buffer.AsSpan(_length));
        _length += written;
#else
        if (number == 0m)
        {
            WriteLength(1);
            Put((byte)'0');
            return;
        }

        var text = number.ToString(NumberFormat, CultureInfo.InvariantCulture);
        WriteLength(text.Length);
        WriteAscii(text);
#endif
    }

    /// <summary>A UTC point in time as <c>yyyy-MM-ddTHH:mm:ss.fffZ</c> (milliseconds cut, not rounded).</summary>
    private void WriteMoment(DateTime utc)
    {
        WriteLength(24);
        Ensure(24);
        WriteCalendarDate(utc);
        var buffer = _buffer!;
        buffer[_length++] = (byte)'T';
        WriteTwoDigits(utc.Hour);
        buffer[_length++] = (byte)':';
        WriteTwoDigits(utc.Minute);
        buffer[_length++] = (byte)':';
        WriteTwoDigits(utc.Second);
        buffer[_length++] = (byte)'.';
        var millisecond = utc.Millisecond;
        buffer[_length++] = (byte)('0' + (millisecond / 100));
        WriteTwoDigits(millisecond % 100);
        buffer[_length++] = (byte)'Z';
    }

    /// <summary>A calendar date as <c>yyyy-MM-dd</c>.</summary>
    private void WriteDate(DateTime date)
    {
        WriteLength(10);
        Ensure(10);
        WriteCalendarDate(date);
    }

    private void WriteCalendarDate(DateTime date)
    {
        var year = date.Year;
        WriteTwoDigits(year / 100);
        WriteTwoDigits(year % 100);
        _buffer![_length++] = (byte)'-';
        WriteTwoDigits(date.Month);
        _buffer[_length++] = (byte)'-';
        WriteTwoDigits(date.Day);
    }

    private void WriteTwoDigits(int value)
    {
        _buffer![_length++] = (byte)('0' + (value / 10));
        _buffer[_length++] = (byte)('0' + (value % 10));
    }

    /// <summary>A length in UTF-16 code units, in decimal digits, then the part separator.</summary>
    private void WriteLength(int length)
    {
        WriteDigits(length);
        Put(PartSeparator);
    }

    private void WriteDigits(int value)
    {
        var digits = Digits(value);
        Ensure(digits);
        for (var at = _length + digits - 1; at >= _length; at--)
        {
            _buffer![at] = (byte)('0' + (value % 10));
            value /= 10;
        }

        _length += digits;
    }

    private static int Digits(int value)
    {
        var digits = 1;
        while (value >= 10)
        {
            value /= 10;
            digits++;
        }

        return digits;
    }

    private void WriteAscii(string text)
    {
        Ensure(text.Length);
        foreach (var c in text)
        {
            _buffer![_length++] = (byte)c;
        }
    }

    /// <summary>UTF-8, a lone surrogate as U+FFFD (as <see cref="Encoding.UTF8"/> writes it).</summary>
    private void WriteUtf8(string text)
    {
        Ensure(Encoding.UTF8.GetMaxByteCount(text.Length));
#if NET8_0_OR_GREATER
        Utf8.FromUtf16(text.AsSpan(), _buffer.AsSpan(_length), out _, out var written);
        _length += written;
#else
        _length += Encoding.UTF8.GetBytes(text, 0, text.Length, _buffer!, _length);
#endif
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Put(byte value)
    {
        Ensure(1);
        _buffer![_length++] = value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Ensure(int more)
    {
        if (_buffer is null || _length + more > _buffer.Length)
        {
            Grow(more);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int more)
    {
        if (_buffer is null)
        {
            _buffer = Rent(_length + more);
            return;
        }

        var larger = new byte[Math.Max(_buffer.Length * 2, _length + more)];
        Buffer.BlockCopy(_buffer, 0, larger, 0, _length);
        _buffer = larger;
    }

    private static byte[] Rent(int size)
    {
        var buffer = t_spare;
        if (buffer is not null && buffer.Length >= size)
        {
            t_spare = null;
            return buffer;
        }

        buffer = t_secondSpare;
        if (buffer is not null && buffer.Length >= size)
        {
            t_secondSpare = null;
            return buffer;
        }

        return new byte[Math.Max(size, FirstBufferSize)];
    }

    private static void Return(byte[] buffer)
    {
        if (buffer.Length > LargestKeptBuffer)
        {
            return;
        }

        if (t_spare is null)
        {
            t_spare = buffer;
        }
        else
        {
            t_secondSpare = buffer;
        }
    }
}
