using System.Text;
using SesamTalk.Connectors.Salesforce;

namespace SesamTalk.Connectors.Tests.Salesforce;

/// <summary>The bulk CSV both ways, streamed: an upload written row by row with its length counted, results read as they arrive.</summary>
public class SalesforceCsvTests
{
    [Fact]
    public async Task Rows_written_as_an_upload_read_back_the_same_across_buffer_edges_with_quotes_commas_line_ends_and_non_ascii_text()
    {
        IReadOnlyList<IReadOnlyList<string>> rows =
        [
            ["Name", "Description", "Code"],
            .. Enumerable.Range(0, 3_000).Select(i => (IReadOnlyList<string>)[$"Part {i}", i % 3 == 0 ? $"Quote \"{i}\", comma\nline\r\nand CRLF" : $"Größe {i} µm", i % 7 == 0 ? "" : $"P-{i}"]),
        ];
        using var content = new SalesforceCsvContent(rows, rows.Sum(SalesforceCsvContent.Length));

        var bytes = await content.ReadAsByteArrayAsync();
        var read = await ReadAllAsync(new StringReader(Encoding.UTF8.GetString(bytes)));

        Assert.Equal(bytes.Length, content.Headers.ContentLength);
        Assert.Equal(rows.Count, read.Count);
        Assert.All(rows.Zip(read), pair => Assert.Equal(pair.First, pair.Second));
    }

    [Fact]
    public async Task A_body_cut_off_inside_a_quoted_cell_is_a_format_error_and_a_last_row_without_a_line_end_is_a_row()
    {
        Assert.Equal([["a", "b"], ["c", "d \"e\""]], await ReadAllAsync(new StringReader("a,b\r\nc,\"d \"\"e\"\"\"")));
        await Assert.ThrowsAsync<FormatException>(() => ReadAllAsync(new StringReader("a,b\nc,\"d, and then nothing")));
    }

    private static async Task<List<string[]>> ReadAllAsync(TextReader text)
    {
        var rows = new List<string[]>();
        await foreach (var row in SalesforceCsv.ReadAsync(text, CancellationToken.None))
        {
            rows.Add(row);
        }

        return rows;
    }
}
