using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Disclosure.Web.Tests;

/// <summary>One line per fact of an EF Core model that the running app depends on, for comparing two models.</summary>
internal static class ModelFacts
{
    public static HashSet<string> Of(IModel model)
    {
        var facts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in model.GetEntityTypes())
        {
            var e = entity.Name;
            facts.Add($"entity {e}: {entity.ClrType} table {entity.GetSchema()}.{entity.GetTableName()} view {entity.GetViewName()} base {entity.BaseType?.Name} discriminator {entity.GetDiscriminatorPropertyName()}={entity.GetDiscriminatorValue()} owned {entity.IsOwned()} tracking {entity.GetChangeTrackingStrategy()}");
            foreach (var filter in entity.GetDeclaredQueryFilters())
            {
                facts.Add($"query filter {e} {filter.Key}: {filter.Expression}");
            }

            foreach (var property in entity.GetDeclaredProperties())
            {
                var converter = property.GetValueConverter();
                var mapping = (RelationalTypeMapping)property.GetTypeMapping();
                facts.Add($"property {e}.{property.Name}: {property.ClrType} nullable {property.IsNullable} column {property.GetColumnName()} {property.GetColumnType()}"
                    + $" max {property.GetMaxLength()} unicode {property.IsUnicode()} precision {property.GetPrecision()},{property.GetScale()} generated {property.ValueGenerated}"
                    + $" concurrency {property.IsConcurrencyToken} access {property.GetPropertyAccessMode()} field {property.FieldInfo?.Name} shadow {property.IsShadowProperty()}"
                    + $" converter {converter?.ModelClrType}->{converter?.ProviderClrType} {converter?.ConvertToProviderExpression} {converter?.ConvertFromProviderExpression}"
                    + $" provider type {property.GetProviderClrType()} mapping {mapping.StoreType} {mapping.ClrType} {mapping.Converter?.ModelClrType}->{mapping.Converter?.ProviderClrType}");
            }

            foreach (var complex in entity.GetDeclaredComplexProperties())
            {
                facts.Add($"complex property {e}.{complex.Name}: {complex.ClrType} collection {complex.IsCollection} nullable {complex.IsNullable}");
            }

            foreach (var navigation in entity.GetDeclaredNavigations())
            {
                facts.Add($"navigation {e}.{navigation.Name} -> {navigation.TargetEntityType.Name} collection {navigation.IsCollection} field {navigation.FieldInfo?.Name} access {navigation.GetPropertyAccessMode()} eager {navigation.IsEagerLoaded}");
            }

            foreach (var navigation in entity.GetDeclaredSkipNavigations())
            {
                facts.Add($"skip navigation {e}.{navigation.Name} -> {navigation.TargetEntityType.Name}");
            }

            foreach (var key in entity.GetDeclaredKeys())
            {
                facts.Add($"key {e}({Names(key.Properties)}) primary {key.IsPrimaryKey()} name {key.GetName()}");
            }

            foreach (var foreignKey in entity.GetDeclaredForeignKeys())
            {
                facts.Add($"foreign key {e}({Names(foreignKey.Properties)}) -> {foreignKey.PrincipalEntityType.Name}({Names(foreignKey.PrincipalKey.Properties)})"
                    + $" required {foreignKey.IsRequired} unique {foreignKey.IsUnique} delete {foreignKey.DeleteBehavior} ownership {foreignKey.IsOwnership} name {foreignKey.GetConstraintName()}");
            }

            foreach (var index in entity.GetDeclaredIndexes())
            {
                facts.Add($"index {e}({Names(index.Properties)}) unique {index.IsUnique} name {index.GetDatabaseName()} filter {index.GetFilter()}");
            }
        }

        foreach (var sequence in model.GetSequences())
        {
            facts.Add($"sequence {sequence.Schema}.{sequence.Name}: {sequence.Type} start {sequence.StartValue} increment {sequence.IncrementBy}");
        }

        foreach (var table in model.GetRelationalModel().Tables)
        {
            var t = $"{table.Schema}.{table.Name}";
            foreach (var column in table.Columns)
            {
                facts.Add($"column {t}.{column.Name}: {column.StoreType} nullable {column.IsNullable} row version {column.IsRowVersion}"
                    + $" default {column.DefaultValue} {column.DefaultValueSql} computed {column.ComputedColumnSql} stored {column.IsStored}");
            }

            foreach (var constraint in table.UniqueConstraints)
            {
                facts.Add($"unique constraint {t} {constraint.Name}({string.Join(", ", constraint.Columns.Select(c => c.Name))}) primary {constraint.GetIsPrimaryKey()}");
            }

            foreach (var constraint in table.ForeignKeyConstraints)
            {
                facts.Add($"foreign key constraint {t} {constraint.Name}({string.Join(", ", constraint.Columns.Select(c => c.Name))})"
                    + $" -> {constraint.PrincipalTable.Name}({string.Join(", ", constraint.PrincipalColumns.Select(c => c.Name))}) on delete {constraint.OnDeleteAction}");
            }

            foreach (var index in table.Indexes)
            {
                facts.Add($"table index {t} {index.Name}({string.Join(", ", index.Columns.Select(c => c.Name))}) unique {index.IsUnique} filter {index.Filter}");
            }
        }

        return facts;
    }

    private static string Names(IEnumerable<IReadOnlyProperty> properties) => string.Join(", ", properties.Select(p => p.Name));
}
