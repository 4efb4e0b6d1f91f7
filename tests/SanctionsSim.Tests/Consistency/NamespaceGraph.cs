using Mono.Cecil;
using Mono.Cecil.Cil;

namespace SanctionsSim.Tests.Consistency;

/// <summary>
/// The dependencies between the namespaces of a compiled assembly, read from its metadata and IL with Mono.Cecil
/// (not from source text, so fully qualified names, <c>global::</c> and aliases cannot hide an edge): every type a
/// type names in its base type, interfaces, attributes, generic constraints, fields, properties, events, method
/// signatures, locals and method bodies (calls, field accesses, <c>typeof</c>, casts, allocations).
/// </summary>
internal sealed class NamespaceGraph
{
    private readonly Dictionary<(string From, string To), string> _edges = [];

    private NamespaceGraph(IEnumerable<string> namespaces) => Namespaces = namespaces.ToHashSet(StringComparer.Ordinal);

    /// <summary>The namespaces of the types read.</summary>
    public IReadOnlySet<string> Namespaces { get; }

    /// <summary>Every edge from one namespace to another, with one type-to-type use that makes it (for messages).</summary>
    public IReadOnlyDictionary<(string From, string To), string> Edges => _edges;

    /// <summary>Reads the types of <paramref name="assemblyPath"/> whose namespace is <paramref name="root"/> or under it.</summary>
    public static NamespaceGraph Read(string assemblyPath, string root)
    {
        using var assembly = AssemblyDefinition.ReadAssembly(assemblyPath);
        var types = assembly.MainModule.GetTypes().Where(t => Within(NamespaceOf(t), root)).ToList();
        var graph = new NamespaceGraph(types.Select(NamespaceOf).Distinct());
        foreach (var type in types)
        {
            string from = NamespaceOf(type);
            foreach (var used in Uses(type))
            {
                foreach (var named in Expand(used))
                {
                    string to = NamespaceOf(named);
                    if (to != from && graph.Namespaces.Contains(to))
                    {
                        graph._edges.TryAdd((from, to), $"{type.FullName} uses {named.FullName}");
                    }
                }
            }
        }

        return graph;
    }

    /// <summary>The strongly connected components with more than one namespace (Tarjan), each sorted.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles(IEnumerable<(string From, string To)> edges)
    {
        var next = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).OrderBy(x => x, StringComparer.Ordinal).ToList());
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var components = new List<IReadOnlyList<string>>();
        int counter = 0;

        void Visit(string v)
        {
            index[v] = low[v] = counter++;
            stack.Push(v);
            onStack.Add(v);
            foreach (string w in next.GetValueOrDefault(v) ?? [])
            {
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w) && index.TryGetValue(w, out int iw))
                {
                    low[v] = Math.Min(low[v], iw);
                }
            }

            if (low[v] == index[v])
            {
                var component = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    component.Add(w);
                }
                while (w != v);
                if (component.Count > 1)
                {
                    component.Sort(StringComparer.Ordinal);
                    components.Add(component);
                }
            }
        }

        foreach (string v in Namespaces.OrderBy(x => x, StringComparer.Ordinal))
        {
            if (!index.ContainsKey(v))
            {
                Visit(v);
            }
        }

        return components;
    }

    private static bool Within(string ns, string root) => ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal);

    /// <summary>A type's namespace: a nested type's is its outermost declaring type's.</summary>
    private static string NamespaceOf(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type.Namespace;
    }

    /// <summary>The named types inside a type expression (generic instances, arrays, by-refs, pointers, modifiers).</summary>
    private static IEnumerable<TypeReference> Expand(TypeReference? type)
    {
        switch (type)
        {
            case null:
            case GenericParameter:
                yield break;
            case GenericInstanceType generic:
                foreach (var t in Expand(generic.ElementType).Concat(generic.GenericArguments.SelectMany(Expand)))
                {
                    yield return t;
                }

                yield break;
            case IModifierType modified:
                foreach (var t in Expand(modified.ElementType).Concat(Expand(modified.ModifierType)))
                {
                    yield return t;
                }

                yield break;
            case FunctionPointerType pointer:
                foreach (var t in Expand(pointer.ReturnType).Concat(pointer.Parameters.SelectMany(p => Expand(p.ParameterType))))
                {
                    yield return t;
                }

                yield break;
            case TypeSpecification specification: // arrays, by-refs, pointers, pinned, sentinels
                foreach (var t in Expand(specification.ElementType))
                {
                    yield return t;
                }

                yield break;
            default:
                yield return type;
                yield break;
        }
    }

    private static IEnumerable<TypeReference> Uses(TypeDefinition type)
    {
        if (type.BaseType is not null)
        {
            yield return type.BaseType;
        }

        foreach (var i in type.Interfaces)
        {
            yield return i.InterfaceType;
        }

        foreach (var t in Attributes(type).Concat(Constraints(type)))
        {
            yield return t;
        }

        foreach (var f in type.Fields)
        {
            yield return f.FieldType;
            foreach (var t in Attributes(f))
            {
                yield return t;
            }
        }

        foreach (var p in type.Properties)
        {
            yield return p.PropertyType;
            foreach (var t in Attributes(p))
            {
                yield return t;
            }
        }

        foreach (var e in type.Events)
        {
            yield return e.EventType;
        }

        foreach (var m in type.Methods)
        {
            foreach (var t in Method(m))
            {
                yield return t;
            }
        }
    }

    private static IEnumerable<TypeReference> Method(MethodDefinition method)
    {
        yield return method.ReturnType;
        foreach (var p in method.Parameters)
        {
            yield return p.ParameterType;
            foreach (var t in Attributes(p))
            {
                yield return t;
            }
        }

        foreach (var t in Attributes(method).Concat(Constraints(method)).Concat(Attributes(method.MethodReturnType)))
        {
            yield return t;
        }

        if (!method.HasBody)
        {
            yield break;
        }

        foreach (var v in method.Body.Variables)
        {
            yield return v.VariableType;
        }

        foreach (var handler in method.Body.ExceptionHandlers)
        {
            if (handler.CatchType is not null)
            {
                yield return handler.CatchType;
            }
        }

        foreach (Instruction instruction in method.Body.Instructions)
        {
            foreach (var t in Operand(instruction.Operand))
            {
                yield return t;
            }
        }
    }

    private static IEnumerable<TypeReference> Operand(object? operand)
    {
        switch (operand)
        {
            case TypeReference type:
                yield return type;
                break;
            case MethodReference method:
                yield return method.DeclaringType;
                yield return method.ReturnType;
                foreach (var p in method.Parameters)
                {
                    yield return p.ParameterType;
                }

                if (method is GenericInstanceMethod generic)
                {
                    foreach (var a in generic.GenericArguments)
                    {
                        yield return a;
                    }
                }

                break;
            case FieldReference field:
                yield return field.DeclaringType;
                yield return field.FieldType;
                break;
            case CallSite site:
                yield return site.ReturnType;
                foreach (var p in site.Parameters)
                {
                    yield return p.ParameterType;
                }

                break;
        }
    }

    private static IEnumerable<TypeReference> Attributes(ICustomAttributeProvider provider)
    {
        foreach (var attribute in provider.CustomAttributes)
        {
            yield return attribute.AttributeType;
            foreach (var argument in attribute.ConstructorArguments.Concat(attribute.Properties.Select(p => p.Argument)).Concat(attribute.Fields.Select(f => f.Argument)))
            {
                yield return argument.Type;
                if (argument.Value is TypeReference typeOf)
                {
                    yield return typeOf;
                }
            }
        }
    }

    private static IEnumerable<TypeReference> Constraints(IGenericParameterProvider provider)
        => provider.GenericParameters.SelectMany(g => g.Constraints.Select(c => c.ConstraintType));
}
