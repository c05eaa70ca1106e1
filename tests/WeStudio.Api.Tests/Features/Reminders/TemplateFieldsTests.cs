using WeStudio.Api.Features.Reminders;

namespace WeStudio.Api.Tests.Features.Reminders;

/// <summary>Field values cut to WeChat's limits per type, on Chinese text, without breaking a character or a line.</summary>
public sealed class TemplateFieldsTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public void ALongChineseThingIsCutToTwentyCharactersEndingWithAnEllipsis()
    {
        var title = "学习贯彻党的二十大精神推进党建与教育教学深度融合专题研讨会";

        var value = TemplateFields.Fit("thing", title);

        Assert.Equal(20, value.Length);
        Assert.Equal(title[..19] + "…", value);
    }

    [Fact]
    public void AThingOfTwentyCharactersIsLeftWhole()
    {
        var title = new string('研', 20);
        Assert.Equal(title, TemplateFields.Fit("thing", title));
    }

    [Fact]
    public void ACutNeverSplitsASurrogatePair()
    {
        // 18 Chinese characters, then an emoji (two UTF-16 units) that would straddle the cut.
        var text = new string('党', 18) + "🇨🇳🎉" + "活动";

        var value = TemplateFields.Fit("thing", text);

        Assert.True(value.Length <= 20);
        Assert.Equal(new string('党', 18) + "…", value);
        Assert.DoesNotContain(value, char.IsSurrogate);
    }

    [Fact]
    public void AnEmojiThatFitsIsKeptWhole()
    {
        var value = TemplateFields.Fit("thing", new string('党', 17) + "🎉" + "建设工作");
        Assert.Equal(new string('党', 17) + "🎉…", value);
        Assert.True(char.IsSurrogatePair(value[17], value[18]));
    }

    [Fact]
    public void LineBreaksAndControlCharactersBecomeOneSpace()
    {
        Assert.Equal("第一行 第二行 第三行", TemplateFields.Fit("thing", "第一行\r\n第二行\u2028\t第三行\n"));
    }

    [Fact]
    public void APhraseKeepsAtMostFiveChineseCharactersAndNothingElse()
    {
        Assert.Equal("已变更", TemplateFields.Fit("phrase", "已变更 (changed)"));
        Assert.Equal("活动已经取", TemplateFields.Fit("phrase", "活动已经取消了"));
        Assert.Equal("无", TemplateFields.Fit("phrase", "OK"));
    }

    [Fact]
    public void ANameIsTenChineseCharactersOrTwentyLetters()
    {
        Assert.Equal("欧阳娜娜欧阳娜娜欧阳", TemplateFields.Fit("name", "欧阳娜娜欧阳娜娜欧阳娜娜"));
        Assert.Equal("Wei Zhiqiang Wei Zhi", TemplateFields.Fit("name", "Wei Zhiqiang Wei Zhiqiang"));
    }

    [Fact]
    public void AnEmptyValueBecomesAPlaceholderWeChatAccepts()
    {
        Assert.Equal("无", TemplateFields.Fit("thing", " \n "));
    }

    [Fact]
    public void TimeAndDateFieldsAreFormattedInShanghai()
    {
        var template = new TemplateConfig
        {
            TemplateId = "t",
            Fields = new() { ["time2"] = "{StartsAt}", ["date3"] = "{Deadline}", ["thing4"] = "{StartsAt}开始", ["character_string5"] = "{Title}" },
        };
        var values = new Dictionary<string, object?>
        {
            ["StartsAt"] = new DateTimeOffset(2026, 11, 30, 16, 30, 0, TimeSpan.Zero), // 00:30 on 1 December in Shanghai
            ["Deadline"] = new DateOnly(2026, 12, 31),
            ["Title"] = new string('x', 40),
        };

        var data = TemplateFields.Render(template, values, Shanghai);

        Assert.Equal("2026年12月1日 00:30", data["time2"].Value);
        Assert.Equal("2026年12月31日", data["date3"].Value);
        Assert.Equal("12月1日 00:30开始", data["thing4"].Value);
        Assert.Equal(32, data["character_string5"].Value.Length);
    }

    [Fact]
    public void TheTypeOfAKeyIsTheKeyWithoutItsIndex()
    {
        Assert.Equal("thing", TemplateFields.TypeOf("thing12"));
        Assert.Equal("character_string", TemplateFields.TypeOf("character_string3"));
    }
}
