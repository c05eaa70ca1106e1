using System.ComponentModel.DataAnnotations;
namespace WeStudio.Api.Features.Achievements;

/// <summary>The six forms of 成果 in the notices (Liuzhou 000 and Maoming 001, "成果形式包括但不限于").</summary>
public enum AchievementForm
{
    /// <summary>成熟有效的党支部建设制度体系、机制办法.</summary>
    System,
    /// <summary>优秀党支部工作办法、典型案例.</summary>
    WorkMethodOrCase,
    /// <summary>教师思想政治品牌、育人载体.</summary>
    IdeologicalBrand,
    /// <summary>有较大影响力的工作室宣传平台、网络阵地.</summary>
    PublicityPlatform,
    /// <summary>相关高水平研究成果: a paper, a research project (课题) or a monograph.</summary>
    ResearchOutput,
    /// <summary>经验推广示范、辐射带动成效.</summary>
    DemonstrationEffect,
}

/// <summary>What a ResearchOutput is: 论文, 课题, 专著.</summary>
public enum ResearchSubtype { Paper, Project, Monograph }

/// <summary>The level of recognition: 校级, 县(区)级, 市级, 省级, 国家级.</summary>
public enum AchievementLevel { School, County, City, Province, National }

/// <summary>
/// One achievement (成果) of a studio. <c>year</c>: the calendar year it counts for. <c>researchSubtype</c> is set exactly
/// when <c>form</c> is ResearchOutput. <c>evidenceUrls</c>: links to the evidence (https, at most 9).
/// </summary>
public sealed record AchievementDto
{
    public Guid Id { get; init; }
    public Guid StudioId { get; init; }
    public AchievementForm Form { get; init; }
    public ResearchSubtype? ResearchSubtype { get; init; }
    public required string Title { get; init; }
    public int Year { get; init; }
    public required string Authors { get; init; }
    public AchievementLevel Level { get; init; }
    public string[] EvidenceUrls { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>
/// Create or replace an achievement: <c>form</c>, <c>title</c> (≤ 200), <c>year</c> (2000–2100), <c>authors</c> (≤ 200, as printed)
/// and <c>level</c> are required; <c>researchSubtype</c> is required for ResearchOutput and refused otherwise;
/// <c>evidenceUrls</c>: at most 9 https links of ≤ 500 characters.
/// </summary>
public sealed record AchievementRequest(
    [Required] AchievementForm? Form, ResearchSubtype? ResearchSubtype, [Required, MaxLength(200)] string? Title, [Required, Range(2000, 2100)] int? Year, [Required, MaxLength(200)] string? Authors, [Required] AchievementLevel? Level, string[]? EvidenceUrls);

/// <summary>A validated <see cref="AchievementRequest"/>: what the store writes.</summary>
public sealed record AchievementValues(
    AchievementForm Form, ResearchSubtype? ResearchSubtype, string Title, int Year, string Authors, AchievementLevel Level, string[] EvidenceUrls);
