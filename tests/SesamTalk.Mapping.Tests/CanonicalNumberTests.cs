using System.Globalization;
using System.Text;

namespace SesamTalk.Mapping.Tests;

/// <summary>
/// The fingerprint's number text, written from the decimal's bits, against the format it replaced
/// (<c>0.############################</c>, invariant): link stores hold prints of that text.
/// </summary>
public class CanonicalNumberTests
{
    private const string Format = "0.############################";

    public static TheoryData<decimal> Edges =>
    [
        0m, -0.000m, 1m, -1m, 10m, 100m, 24.90m, 1200.500m, 0.5m, -0.05m, 118m, 12345678901234567890m,
        18446744073709551615m, 18446744073709551616m, decimal.MaxValue, decimal.MinValue,
        0.0000000000000000000000000001m, -0.0000000000000000000000000001m, 7.9228162514264337593543950335m,
        1.0000000000000000000000000000m, 10000000000000000000000000000m,
    ];

    [Theory]
    [MemberData(nameof(Edges))]
    public void A_number_reads_as_the_format_writes_it(decimal number) => AssertAsFormatted(number);

    [Fact]
    public void Random_numbers_of_every_size_and_scale_read_as_the_format_writes_them()
    {
        var random = new Random(13);
        for (var i = 0; i < 20_000; i++)
        {
            var scale = (byte)random.Next(0, 29);
            var number = new decimal(random.Next(), random.Next() >> random.Next(0, 32), random.Next() >> random.Next(0, 32), random.Next(2) == 0, scale);
            AssertAsFormatted(number);
        }
    }

    private static void AssertAsFormatted(decimal number)
    {
        var text = new byte[CanonicalNumber.MaxLength];
        var written = CanonicalNumber.Write(number, text);

        Assert.Equal(number.ToString(Format, CultureInfo.InvariantCulture), Encoding.ASCII.GetString(text, 0, written));
    }
}
