using System.ComponentModel.DataAnnotations;
namespace WeStudio.Api.Features.ProgressReports;

/// <summary>Submitted, or Returned by the committee with comments (the leader then resubmits).</summary>
public enum ProgressReportStatus { Submitted, Returned }

/// <summary>
/// The annual progress report (年度建设进展报告, Liuzhou: "每年 12 月底前，需提交年度建设进展报告") of one studio and year.
/// Times are UTC; <c>firstSubmittedAt</c> decides whether the deadline was kept.
/// </summary>
public sealed record ProgressReportDto
{
    public Guid Id { get; init; }
    public Guid StudioId { get; init; }
    public int Year { get; init; }
    public required string Text { get; init; }
    public string[] AttachmentUrls { get; init; } = [];
    public ProgressReportStatus Status { get; init; }
    public DateTimeOffset FirstSubmittedAt { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
    public DateTimeOffset? ReturnedAt { get; init; }
    public string? ReturnComments { get; init; }
}

/// <summary>The report: <c>text</c> 1–20,000 characters; <c>attachmentUrls</c> at most 9 https links of ≤ 500 characters.</summary>
public sealed record SubmitProgressReportRequest([Required, MaxLength(20_000)] string? Text, string[]? AttachmentUrls);

/// <summary>Why the committee returns the report: <c>comments</c> 1–2,000 characters.</summary>
public sealed record ReturnProgressReportRequest([Required, MaxLength(2_000)] string? Comments);
