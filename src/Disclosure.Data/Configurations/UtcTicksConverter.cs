using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Disclosure.Data.Configurations;

/// <summary>
/// On SQLite, stores a DateTimeOffset as its UTC ticks, so that ordering and comparing in SQL is by the instant —
/// EF's own binary converter orders by the local clock time, which is wrong across offsets. Read back as UTC.
/// </summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
