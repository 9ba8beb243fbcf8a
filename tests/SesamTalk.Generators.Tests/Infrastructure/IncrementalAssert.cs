using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace SesamTalk.Generators.Tests.Infrastructure;

/// <summary>Checks that the pipeline's models are cacheable: equal across runs, and free of Roslyn objects.</summary>
internal static class IncrementalAssert
{
    /// <summary>
    /// Runs twice on clones of one compilation. The first run's model steps must hold no symbols or syntax; after
    /// the second, every step that ran again must be Cached or Unchanged (a step the driver skips is cached too).
    /// </summary>
    public static void Cacheable(Compilation compilation)
    {
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single().TrackedSteps;
        foreach (var name in TrackingNames.Models)
        {
            Assert.True(first.ContainsKey(name), $"step {name} was not tracked");
            foreach (var output in first[name].SelectMany(step => step.Outputs))
            {
                NoRoslynObjects(output.Value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }

        var second = driver.RunGenerators(compilation.Clone()).GetRunResult().Results.Single();
        foreach (var (name, steps) in second.TrackedSteps.Where(pair => TrackingNames.Models.Contains(pair.Key)))
        {
            Assert.All(steps.SelectMany(step => step.Outputs), output =>
                Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name}: {output.Reason}"));
        }

        Assert.All(second.TrackedOutputSteps.SelectMany(pair => pair.Value).SelectMany(step => step.Outputs), output =>
            Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    /// <summary>The reasons of one step's outputs after the last run.</summary>
    public static IncrementalStepRunReason[] Reasons(GeneratorDriver driver, string step) =>
        driver.GetRunResult().Results.Single().TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();

    private static void NoRoslynObjects(object? value, string step, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(
            value is Compilation or ISymbol or SyntaxNode or SemanticModel or Location or SyntaxTree,
            $"{step} holds a {value.GetType().Name}, which breaks incremental caching");

        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                NoRoslynObjects(item, step, seen);
            }
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            NoRoslynObjects(field.GetValue(value), step, seen);
        }
    }
}
