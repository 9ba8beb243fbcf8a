using System.Security.Cryptography;
using System.Text;
using SesamTalk.Connectors.Salesforce;

namespace SesamTalk.Connectors.Tests.Salesforce;

/// <summary>The hash a bulk row is matched to its result by: logged with a job, so it must not change.</summary>
public class SalesforceBulkUploadTests
{
    [Theory]
    [InlineData("Plain", "P-1")]
    [InlineData("Größe µm, \"quoted\"\nline", "")]
    [InlineData("Emoji 😀 and a lone high surrogate \ud800", "a lone low surrogate \udc00 first")]
    [InlineData("A cell longer than the first buffer", null)]
    public void A_rows_content_is_the_sha256_of_its_names_and_cells_with_their_separators(string name, string? code)
    {
        string[] header = ["Name", "Code"];
        string[] cells = [name, code ?? new string('é', 3_000)];
        var text = $"Name\u001f{cells[0]}\u001eCode\u001f{cells[1]}\u001e";

        Assert.Equal(Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 16), SalesforceBulkUpload.Content(header, cells));
    }
}
