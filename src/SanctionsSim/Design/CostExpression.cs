using System.Globalization;
using SanctionsSim.Simulation;

namespace SanctionsSim.Design;

/// <summary>
/// A cost: a linear combination of a replication's outputs, for example <c>senderCost + 0.5*humanitarianBurden</c>.
/// Names: <c>senderCost</c> (all senders), <c>senderCost.NAME</c> (one sender), <c>humanitarianBurden</c>,
/// <c>revenueLost</c>, <c>officersReached</c>, <c>finalShare</c>, <c>collapsed</c> (1 or 0).
/// </summary>
public sealed class CostExpression
{
    private readonly (double Coefficient, string Name)[] _terms;

    private CostExpression(string text, (double, string)[] terms)
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
    /// <returns>The expression.</returns>
    /// <exception cref="ArgumentException">It is empty, names no output, names an unknown output or sender, or has a malformed or non-finite coefficient; the message says which and lists the names.</exception>
    public static CostExpression Parse(string text, IReadOnlyList<string> senders)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(senders);
        string s = text.Replace(" ", "", StringComparison.Ordinal);
        if (s.Length == 0)
        {
            throw new ArgumentException("The cost expression is empty; it must name an output: " + string.Join(", ", Names) + ", senderCost.NAME.", nameof(text));
        }

        var terms = new List<(double, string)>();
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

            bool known = Names.Contains(name) || (name.StartsWith("senderCost.", StringComparison.Ordinal) && senders.Contains(name["senderCost.".Length..]));
            if (!known)
            {
                string hint = Internal.Suggest.Closest(name, [.. Names, .. senders.Select(x => "senderCost." + x)]) is { } g ? $"did you mean '{g}'? " : "";
                throw new ArgumentException($"Cost expression '{text}': '{name}' is not an output; {hint}outputs: {string.Join(", ", Names)}, {string.Join(", ", senders.Select(x => "senderCost." + x))}.", nameof(text));
            }

            terms.Add((sign * coefficient, name));
        }

        return new CostExpression(text, [.. terms]);
    }

    /// <summary>The expression's value for one replication.</summary>
    /// <param name="run">The replication's record.</param>
    /// <param name="senders">The scenario's senders, in the order of <see cref="RunRecord.SenderCosts"/>.</param>
    /// <returns>The cost.</returns>
    public double Evaluate(RunRecord run, IReadOnlyList<string> senders)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(senders);
        double total = 0;
        foreach (var (c, name) in _terms)
        {
            double v = name switch
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
