using SanctionsSim.Internal;

namespace SanctionsSim.Tests.Internal;

/// <summary>The "did you mean" suggestions: an edit distance that counts a swap of neighbours as one typo.</summary>
public class SuggestTests
{
    [TestCase("2091", "2019", 1)]
    [TestCase("2091", "2017", 2)]
    [TestCase("kitten", "sitting", 3)]
    [TestCase("", "abc", 3)]
    [TestCase("ab", "ba", 1)]
    [TestCase("abc", "ca", 3)]
    public void Distance_CountsInsertionsDeletionsSubstitutionsAndSwaps(string a, string b, int expected)
    {
        Suggest.Distance(a, b).ShouldBe(expected);
        Suggest.Distance(b, a).ShouldBe(expected);
    }

    [Test]
    public void Closest_PrefersTheSwap()
        => Suggest.Closest("venezuela-2091", ["venezuela-2017", "venezuela-2019"]).ShouldBe("venezuela-2019");
}
