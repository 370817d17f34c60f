using Disclosure.Domain.Text;
using Serilog.Core;
using Serilog.Events;

namespace Disclosure.Web.Infrastructure;

/// <summary>
/// Log forging: a text sink writes a string property as it is (<c>{Message:lj}</c>), so a request path holding
/// <c>%0D%0A</c> could start a line that looks like another entry. Every string value in an event (in sequences and
/// structures too) has its control characters escaped (<see cref="ControlCharacters.Escape"/>) before any sink sees it.
/// </summary>
public sealed class ControlCharacterEscaper : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        List<LogEventProperty>? changed = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            var escaped = Escape(value);
            if (!ReferenceEquals(escaped, value))
            {
                (changed ??= []).Add(new LogEventProperty(name, escaped));
            }
        }

        foreach (var property in changed ?? [])
        {
            logEvent.AddOrUpdateProperty(property);
        }
    }

    private static LogEventPropertyValue Escape(LogEventPropertyValue value)
    {
        switch (value)
        {
            case ScalarValue { Value: string text }:
                var escaped = ControlCharacters.Escape(text);
                return ReferenceEquals(escaped, text) ? value : new ScalarValue(escaped);
            case SequenceValue sequence:
                var elements = sequence.Elements.Select(Escape).ToList();
                return elements.SequenceEqual(sequence.Elements, ReferenceEqualityComparer.Instance) ? value : new SequenceValue(elements);
            case StructureValue structure:
                var properties = structure.Properties.Select(p => new { p.Name, Value = Escape(p.Value), Old = p.Value }).ToList();
                return properties.All(p => ReferenceEquals(p.Value, p.Old))
                    ? value
                    : new StructureValue(properties.Select(p => new LogEventProperty(p.Name, p.Value)), structure.TypeTag);
            default:
                return value;
        }
    }
}
