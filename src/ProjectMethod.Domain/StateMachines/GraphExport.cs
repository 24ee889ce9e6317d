using System.Text;

namespace ProjectMethod.Domain.StateMachines;

/// <summary>Renders a machine's configured transitions as Mermaid or DOT, with guard descriptions on the edges.</summary>
internal static class GraphExport
{
    public static string Mermaid<TState, TTrigger, TContext>(StateMachine<TState, TTrigger, TContext> machine)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        var text = new StringBuilder("stateDiagram-v2\n");
        foreach (var transition in machine.Transitions)
        {
            foreach (var destination in transition.PossibleDestinations)
            {
                text.Append(CultureInvariant($"    {transition.Source} --> {destination.State} : {Label(transition, destination)}\n"));
            }
        }

        return text.ToString();
    }

    public static string Dot<TState, TTrigger, TContext>(StateMachine<TState, TTrigger, TContext> machine)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        var text = new StringBuilder("digraph {\n");
        foreach (var transition in machine.Transitions)
        {
            foreach (var destination in transition.PossibleDestinations)
            {
                var label = Label(transition, destination).Replace("\"", "\\\"", StringComparison.Ordinal);
                text.Append(CultureInvariant($"    \"{transition.Source}\" -> \"{destination.State}\" [label=\"{label}\"];\n"));
            }
        }

        return text.Append("}\n").ToString();
    }

    private static string Label<TState, TTrigger, TContext>(Transition<TState, TTrigger, TContext> transition, DynamicDestination<TState> destination)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        var label = transition.Trigger.ToString();
        if (transition.Guards.Count > 0)
        {
            label += CultureInvariant($" [{transition.Guards.Count} criteria]");
        }

        if (destination.When is not null)
        {
            label += CultureInvariant($" when {destination.When}");
        }

        // Mermaid treats ':' and ';' in labels as syntax.
        return label.Replace(":", " ", StringComparison.Ordinal).Replace(";", ",", StringComparison.Ordinal);
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);
}
