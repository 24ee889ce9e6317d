using ProjectMethod.Domain.Lessons;

namespace ProjectMethod.Domain.Tests;

public sealed class LessonSearchTests
{
    [Theory]
    [InlineData("ØKONOMI", "økonomi")]
    [InlineData("Idé", "ide")]
    [InlineData("Ærlig Åpenhet", "ærlig åpenhet")]
    [InlineData("Café Über", "cafe uber")]
    public void Text_is_folded_to_lower_case_without_accents_but_keeps_the_norwegian_letters(string text, string folded) =>
        LessonSearch.Normalise(text).Should().Be(folded);

    [Fact]
    public void Every_word_must_be_found_and_a_title_weighs_most()
    {
        var words = LessonSearch.Words("brukere  Panel");

        words.Should().Equal("brukere", "panel");
        LessonSearch.Score(words, "Panel med brukere", "", "").Should().Be(6);
        LessonSearch.Score(words, "Panel", "brukere", "").Should().Be(4);
        LessonSearch.Score(words, "Panel", "", "").Should().BeNull();
        LessonSearch.Score(LessonSearch.Words(null), "Hva som helst", "", "").Should().Be(0, "no words match everything");
    }
}
