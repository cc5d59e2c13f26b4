using System.Text;
using DoorlopendeLeerroutes.Domain.Agreements;
using DoorlopendeLeerroutes.Domain.Common;

namespace DoorlopendeLeerroutes.Domain.Tests.Agreements;

public class StoredFileTests
{
    private static Result<StoredFile> Create(long size, int pages = 3, string? name = "sok.pdf") =>
        StoredFile.Create("agreements/2025/3f2a9c.pdf", name, size, TestData.Sha256, pages);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void R_AGR_3_empty_file_is_refused(long size)
    {
        AssertResult.FailsOnly(Create(size), "agreement.file.empty");
    }

    [Fact]
    public void R_AGR_3_file_larger_than_20_MB_is_refused()
    {
        AssertResult.FailsOnly(Create((20L * 1024 * 1024) + 1), "agreement.file.too_large");
    }

    [Fact]
    public void R_AGR_3_file_of_exactly_20_MB_is_accepted()
    {
        var result = Create(20L * 1024 * 1024);

        AssertResult.Succeeds(result);
        Assert.Equal(20L * 1024 * 1024, result.Value.SizeBytes);
    }

    [Fact]
    public void R_AGR_3_document_without_pages_is_not_a_pdf()
    {
        AssertResult.FailsOnly(Create(1000, pages: 0), "agreement.file.not_pdf");
    }

    [Theory]
    [InlineData("%PDF-1.7\n%âãÏÓ")]
    [InlineData("%PDF-2.0")]
    public void R_AGR_3_HasPdfSignature_true_for_pdf_content(string content)
    {
        Assert.True(StoredFile.HasPdfSignature(Encoding.Latin1.GetBytes(content)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("%PDF")]
    [InlineData("PK\u0003\u0004word/document.xml")]
    [InlineData(" %PDF-1.7")]
    [InlineData("%pdf-1.7")]
    public void R_AGR_3_HasPdfSignature_false_for_other_content(string content)
    {
        Assert.False(StoredFile.HasPdfSignature(Encoding.Latin1.GetBytes(content)));
    }

    [Fact]
    public void R_AGR_3_file_keeps_hash_page_count_and_storage_key()
    {
        var file = TestData.Ok(Create(5000, pages: 8));

        Assert.Equal(TestData.Sha256, file.Sha256);
        Assert.Equal(8, file.PageCount);
        Assert.Equal("agreements/2025/3f2a9c.pdf", file.StorageKey);
        Assert.Equal("sok.pdf", file.OriginalFileName);
    }

    [Fact]
    public void Missing_original_name_gets_a_safe_default()
    {
        Assert.Equal("overeenkomst.pdf", TestData.Ok(Create(5000, name: "  ")).OriginalFileName);
    }

    [Theory]
    [InlineData("ABC")]
    [InlineData("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855")]
    public void Missing_or_upper_case_hash_is_a_bug_and_throws(string sha)
    {
        Assert.Throws<DomainException>(() => StoredFile.Create("key", "sok.pdf", 10, sha, 1));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    [InlineData(null)]
    public void Reviewer_hint_learned_at_upload_is_kept_with_the_file(bool? mentions)
    {
        var file = TestData.Ok(StoredFile.Create("agreements/2025/3f2a9c.pdf", "sok.pdf", 5000, TestData.Sha256, 3, mentions));

        Assert.Equal(mentions, file.MentionsTransferOption);
    }

    [Fact]
    public void Reviewer_hint_is_unknown_unless_given()
    {
        Assert.Null(TestData.Ok(Create(5000)).MentionsTransferOption);
    }
}
