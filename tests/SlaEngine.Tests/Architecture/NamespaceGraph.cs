using Mono.Cecil;
using Mono.Cecil.Cil;

namespace SlaEngine.Tests.Architecture;

/// <summary>
/// The namespace dependency graph of an assembly, read from its metadata and IL with Mono.Cecil: an edge A → B means
/// some type of namespace A (or a type nested in one, lambdas and iterators included) names a type of namespace B in a
/// base type, interface, field, property, event, signature, generic argument or constraint, local variable, or an
/// instruction of a method body.
/// </summary>
internal sealed class NamespaceGraph
{
    private NamespaceGraph(IReadOnlyDictionary<string, IReadOnlySet<string>> edges) => Edges = edges;

    /// <summary>Gets every namespace of the assembly under the prefix and the namespaces (same prefix) it uses.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Edges { get; }

    public static NamespaceGraph FromEdges(IEnumerable<(string From, string To)> edges)
    {
        var map = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (from, to) in edges)
        {
            Node(map, from);
            Node(map, to);
            if (from != to)
            {
                map[from].Add(to);
            }
        }

        return new NamespaceGraph(map.ToDictionary(p => p.Key, p => (IReadOnlySet<string>)p.Value, StringComparer.Ordinal));
    }

    /// <summary>Reads the graph between the namespaces of <paramref name="assemblyPath"/> that start with <paramref name="prefix"/>.</summary>
    public static NamespaceGraph Read(string assemblyPath, string prefix)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        var edges = new List<(string, string)>();
        foreach (var type in module.GetTypes())
        {
            var from = NamespaceOf(type);
            if (!InScope(from, prefix))
            {
                continue;
            }

            edges.Add((from, from));
            foreach (var used in ReferencedTypes(type))
            {
                if (used is TypeDefinition || used.Scope == module)
                {
                    var to = NamespaceOf(used);
                    if (InScope(to, prefix))
                    {
                        edges.Add((from, to));
                    }
                }
            }
        }

        return FromEdges(edges);
    }

    /// <summary>Gets the strongly connected components with more than one namespace: each one is a cycle.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        // Tarjan's algorithm.
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var result = new List<IReadOnlyList<string>>();
        var next = 0;

        void Visit(string v)
        {
            index[v] = low[v] = next++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in Edges.TryGetValue(v, out var ws) ? ws : new HashSet<string>())
            {
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], index[w]);
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
                    result.Add(component);
                }
            }
        }

        foreach (var v in Edges.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(v))
            {
                Visit(v);
            }
        }

        return result;
    }

    private static void Node(SortedDictionary<string, SortedSet<string>> map, string name)
    {
        if (!map.ContainsKey(name))
        {
            map[name] = new SortedSet<string>(StringComparer.Ordinal);
        }
    }

    private static bool InScope(string ns, string prefix) => ns == prefix || ns.StartsWith(prefix + ".", StringComparison.Ordinal);

    private static string NamespaceOf(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type.Namespace;
    }

    private static IEnumerable<TypeReference> ReferencedTypes(TypeDefinition type)
    {
        var found = new List<TypeReference>();
        void Add(TypeReference? t) => Flatten(t, found);

        Add(type.BaseType);
        foreach (var i in type.Interfaces)
        {
            Add(i.InterfaceType);
        }

        foreach (var g in type.GenericParameters)
        {
            foreach (var c in g.Constraints)
            {
                Add(c.ConstraintType);
            }
        }

        foreach (var a in type.CustomAttributes)
        {
            Add(a.AttributeType);
        }

        foreach (var f in type.Fields)
        {
            Add(f.FieldType);
        }

        foreach (var p in type.Properties)
        {
            Add(p.PropertyType);
        }

        foreach (var e in type.Events)
        {
            Add(e.EventType);
        }

        foreach (var m in type.Methods)
        {
            Add(m.ReturnType);
            foreach (var p in m.Parameters)
            {
                Add(p.ParameterType);
            }

            foreach (var g in m.GenericParameters)
            {
                foreach (var c in g.Constraints)
                {
                    Add(c.ConstraintType);
                }
            }

            if (!m.HasBody)
            {
                continue;
            }

            foreach (var v in m.Body.Variables)
            {
                Add(v.VariableType);
            }

            foreach (var h in m.Body.ExceptionHandlers)
            {
                Add(h.CatchType);
            }

            foreach (var instruction in m.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t:
                        Add(t);
                        break;
                    case MethodReference mr:
                        Add(mr.DeclaringType);
                        Add(mr.ReturnType);
                        foreach (var p in mr.Parameters)
                        {
                            Add(p.ParameterType);
                        }

                        if (mr is GenericInstanceMethod gim)
                        {
                            foreach (var a in gim.GenericArguments)
                            {
                                Add(a);
                            }
                        }

                        break;
                    case FieldReference fr:
                        Add(fr.DeclaringType);
                        Add(fr.FieldType);
                        break;
                    case CallSite cs:
                        Add(cs.ReturnType);
                        break;
                }
            }
        }

        return found;
    }

    private static void Flatten(TypeReference? type, List<TypeReference> into)
    {
        switch (type)
        {
            case null:
            case GenericParameter:
                return;
            case GenericInstanceType generic:
                Flatten(generic.ElementType, into);
                foreach (var a in generic.GenericArguments)
                {
                    Flatten(a, into);
                }

                return;
            case TypeSpecification spec:
                Flatten(spec.ElementType, into);
                return;
            default:
                into.Add(type);
                return;
        }
    }
}
