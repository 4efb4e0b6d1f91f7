using System.Globalization;
using SanctionsSim.Simulation;

namespace SanctionsSim.Design;

/// <summary>
/// A cost: a linear combination of a replication's outputs, for example <c>senderCost + 0.5*humanitarianBurden</c>.
/// Names: <c>senderCost</c> (all senders), <c>senderCost.NAME</c> (one sender), <c>humanitarianBurden</c>,
/// <c>revenueLost</c>, <c>officersReached</c>, <c>finalShare</c>, <c>collapsed</c> (1 or 0), and a lever's path (its
/// value in the package: a price of fielding the lever, for example <c>0.001*coalition.us.contactCampaign.reachPerWeek</c>).
/// </summary>
internal sealed class CostExpression
{
    private readonly (double Coefficient, string Name, int Lever)[] _terms;

    private CostExpression(string text, (double, string, int)[] terms)
    {
        Text = text;
        _terms = terms;
    }

    /// <summary>The names an expression may use (besides <c>senderCost.NAME</c>).</summary>
    public static IReadOnlyList<string> Names { get; } = ["senderCost", "humanitarianBurden", "revenueLost", "officersReached", "finalShare", "collapsed"];

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>The names it uses, in order.</summary>
    public IReadOnlyList<string> Terms => _terms.Select(t => t.Name).ToArray();

    /// <summary>Parses an expression: terms <c>[COEFFICIENT*]NAME</c> joined by + or −.</summary>
    /// <param name="text">The expression.</param>
    /// <param name="senders">The scenario's senders (for <c>senderCost.NAME</c>).</param>
    /// <param name="levers">The package's levers (their paths may appear as terms), or null for none.</param>
    /// <returns>The expression.</returns>
    /// <exception cref="ArgumentException">It is empty, names no output, names an unknown output or sender, or has a malformed or non-finite coefficient; the message says which and lists the names.</exception>
    public static CostExpression Parse(string text, IReadOnlyList<string> senders, IReadOnlyList<string>? levers = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(senders);
        levers ??= [];
        string s = text.Replace(" ", "", StringComparison.Ordinal);
        if (s.Length == 0)
        {
            throw new ArgumentException("The cost expression is empty; it must name an output: " + string.Join(", ", Names) + ", senderCost.NAME.", nameof(text));
        }

        var terms = new List<(double, string, int)>();
        int i = 0;
        while (i < s.Length)
        {
            double sign = 1;
            if (s[i] is '+' or '-')
            {
                sign = s[i] == '-' ? -1 : 1;
                i++;
            }

            int end = i;
            while (end < s.Length)
            {
                bool isSign = s[end] is '+' or '-';
                bool exponent = isSign && end > i + 1 && s[end - 1] is 'e' or 'E' && char.IsDigit(s[end - 2]);
                if (isSign && !exponent)
                {
                    break;
                }

                end++;
            }

            string term = s[i..end];
            i = end;
            double coefficient = 1;
            string name = term;
            int star = term.IndexOf('*', StringComparison.Ordinal);
            if (star >= 0)
            {
                if (!double.TryParse(term[..star], NumberStyles.Float, CultureInfo.InvariantCulture, out coefficient) || !double.IsFinite(coefficient))
                {
                    throw new ArgumentException($"Cost expression '{text}': '{term[..star]}' is not a finite coefficient.", nameof(text));
                }

                name = term[(star + 1)..];
            }

            if (name.Length == 0)
            {
                throw new ArgumentException($"Cost expression '{text}': a term names no output; outputs: {string.Join(", ", Names)}, senderCost.NAME.", nameof(text));
            }

            int lever = IndexOf(levers, name);
            bool known = lever >= 0 || Names.Contains(name) || (name.StartsWith("senderCost.", StringComparison.Ordinal) && senders.Contains(name["senderCost.".Length..]));
            if (!known)
            {
                string[] all = [.. Names, .. senders.Select(x => "senderCost." + x), .. levers];
                string hint = Internal.Suggest.Closest(name, all) is { } g ? $"did you mean '{g}'? " : "";
                throw new ArgumentException($"Cost expression '{text}': '{name}' is not an output or a lever; {hint}names: {string.Join(", ", all)}.", nameof(text));
            }

            terms.Add((sign * coefficient, name, lever));
        }

        return new CostExpression(text, [.. terms]);
    }

    /// <summary>The expression's value for one replication.</summary>
    /// <param name="run">The replication's record.</param>
    /// <param name="senders">The scenario's senders, in the order of <see cref="RunRecord.SenderCosts"/>.</param>
    /// <param name="levers">The package's lever values, in the order given to <see cref="Parse"/>.</param>
    /// <returns>The cost.</returns>
    public double Evaluate(RunRecord run, IReadOnlyList<string> senders, ReadOnlySpan<double> levers = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(senders);
        double total = 0;
        foreach (var (c, name, lever) in _terms)
        {
            double v = lever >= 0 ? levers[lever] : name switch
            {
                "senderCost" => run.SenderCosts.Sum(),
                "humanitarianBurden" => run.HumanitarianBurden,
                "revenueLost" => run.RevenueLost,
                "officersReached" => run.OfficersReached,
                "finalShare" => run.FinalDefectedShare,
                "collapsed" => run.Collapsed ? 1 : 0,
                _ => run.SenderCosts[IndexOf(senders, name["senderCost.".Length..])],
            };
            total += c * v;
        }

        return total;
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private static int IndexOf(IReadOnlyList<string> list, string name)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i] == name)
            {
                return i;
            }
        }

        return -1;
    }
}
