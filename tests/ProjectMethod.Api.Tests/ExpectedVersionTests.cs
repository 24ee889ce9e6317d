using Microsoft.Extensions.Primitives;
using ProjectMethod.Api.Infrastructure;

namespace ProjectMethod.Api.Tests;

/// <summary>The precondition a caller sends: how If-Match (RFC 9110 §13.1.1) and a page's shown version become one.</summary>
public sealed class ExpectedVersionTests
{
    [Fact]
    public void No_if_match_is_no_precondition()
    {
        var expected = ExpectedVersion.FromIfMatch(StringValues.Empty);

        expected.IsGiven.Should().BeFalse();
        expected.IsMalformed.Should().BeFalse();
        expected.Matches(1).Should().BeTrue();
        expected.Matches(42).Should().BeTrue();
    }

    [Theory]
    [InlineData("\"3\"", 3, true)]
    [InlineData("\"3\"", 4, false)]
    [InlineData("\"2\", \"3\"", 3, true)]
    [InlineData("\"2\", \"3\"", 2, true)]
    [InlineData("*", 17, true)]
    [InlineData("W/\"3\"", 3, false)]
    [InlineData("\"03\"", 3, false)]
    [InlineData("\"abc\"", 3, false)]
    public void A_strong_tag_matches_the_version_it_carries_and_a_star_any(string ifMatch, long version, bool matches)
    {
        var expected = ExpectedVersion.FromIfMatch(ifMatch);

        expected.IsGiven.Should().BeTrue();
        expected.IsMalformed.Should().BeFalse();
        expected.Matches(version).Should().Be(matches);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("\"3")]
    [InlineData("\"3\", 4")]
    public void A_bare_version_is_a_precondition_written_wrongly_and_matches_nothing(string ifMatch)
    {
        var expected = ExpectedVersion.FromIfMatch(ifMatch);

        expected.IsMalformed.Should().BeTrue();
        expected.Matches(3).Should().BeFalse();
    }

    [Fact]
    public void The_version_a_page_showed_matches_only_itself()
    {
        var shown = ExpectedVersion.Exactly(5);

        shown.IsGiven.Should().BeTrue();
        shown.Matches(5).Should().BeTrue();
        shown.Matches(6).Should().BeFalse();
        ExpectedVersion.Any.Matches(6).Should().BeTrue();
    }
}
