using System.Data;
using Dapper;
using NodaTime;
using NodaTime.Text;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>
/// Dapper handlers, registered once, for ids and the NodaTime types: SQLite stores them as text, PostgreSQL as
/// uuid, timestamptz and date, SQL Server as char(36) (so ids keep their time order), datetime2 and date. Reading
/// accepts each. Decimals too: SQLite keeps a NUMERIC value as an integer or a real, whichever it is, so one list
/// holds both, and each value is converted on its own.
/// </summary>
public static class TypeHandlers
{
    private static int registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 1)
        {
            return;
        }

        SqlMapper.RemoveTypeMap(typeof(Guid));
        SqlMapper.RemoveTypeMap(typeof(Guid?));
        SqlMapper.AddTypeHandler(new GuidHandler());
        SqlMapper.AddTypeHandler(new InstantHandler());
        SqlMapper.AddTypeHandler(new LocalDateHandler());
        SqlMapper.RemoveTypeMap(typeof(decimal));
        SqlMapper.RemoveTypeMap(typeof(decimal?));
        SqlMapper.AddTypeHandler(new DecimalHandler());
        SqlMapper.AddTypeHandler(new JsonHandler<IReadOnlyList<Domain.Gates.CriterionResult>>());
    }

    /// <summary>A value kept as JSON text in one column (a decision's criteria as judged), in the API's JSON spelling.</summary>
    private sealed class JsonHandler<T> : SqlMapper.TypeHandler<T>
        where T : class
    {
        public override void SetValue(System.Data.IDbDataParameter parameter, T? value)
        {
            parameter.DbType = System.Data.DbType.String;
            parameter.Value = value is null ? DBNull.Value : System.Text.Json.JsonSerializer.Serialize(value, Json.Options);
        }

        public override T? Parse(object value) => value is string text ? System.Text.Json.JsonSerializer.Deserialize<T>(text, Json.Options) : null;
    }

    private sealed class DecimalHandler : SqlMapper.TypeHandler<decimal>
    {
        public override void SetValue(IDbDataParameter parameter, decimal value)
        {
            parameter.DbType = DbType.Decimal;
            parameter.Value = value;
        }

        public override decimal Parse(object value) => value switch
        {
            decimal exact => exact,
            long whole => whole,
            int whole => whole,
            double real => (decimal)real,
            string text => decimal.Parse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture),
            _ => Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private sealed class GuidHandler : SqlMapper.TypeHandler<Guid>
    {
        public override void SetValue(IDbDataParameter parameter, Guid value)
        {
            var style = SqlDialect.StyleOf(parameter);
            if (style == ValueStyle.Postgres)
            {
                parameter.DbType = DbType.Guid;
                parameter.Value = value;
                return;
            }

            parameter.DbType = style == ValueStyle.SqlServer ? DbType.AnsiStringFixedLength : DbType.String;
            parameter.Value = value.ToString("D");
        }

        public override Guid Parse(object value) => value switch
        {
            Guid guid => guid,
            string text => Guid.Parse(text),
            _ => throw new DataException($"Cannot read a {value.GetType().Name} as an id."),
        };
    }

    /// <summary>A value as its provider stores the type: natively in PostgreSQL and SQL Server, as ISO text in SQLite.</summary>
    private static void Set(IDbDataParameter parameter, (DbType Type, object Value) postgres, (DbType Type, object Value) sqlServer, Func<string> text) =>
        (parameter.DbType, parameter.Value) = SqlDialect.StyleOf(parameter) switch
        {
            ValueStyle.Postgres => postgres,
            ValueStyle.SqlServer => sqlServer,
            _ => (DbType.String, text()),
        };

    private sealed class InstantHandler : SqlMapper.TypeHandler<Instant>
    {
        public override void SetValue(IDbDataParameter parameter, Instant value) => Set(parameter,
            postgres: (DbType.DateTimeOffset, value.ToDateTimeUtc()), sqlServer: (DbType.DateTime2, value.ToDateTimeUtc()),
            text: () => InstantPattern.ExtendedIso.Format(value));

        public override Instant Parse(object value) => value switch
        {
            string text => InstantPattern.ExtendedIso.Parse(text).GetValueOrThrow(),
            DateTime dateTime => Instant.FromDateTimeUtc(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
            DateTimeOffset offset => Instant.FromDateTimeOffset(offset),
            _ => throw new DataException($"Cannot read a {value.GetType().Name} as an instant."),
        };
    }

    private sealed class LocalDateHandler : SqlMapper.TypeHandler<LocalDate>
    {
        public override void SetValue(IDbDataParameter parameter, LocalDate value) => Set(parameter,
            postgres: (DbType.Date, value.ToDateOnly()), sqlServer: (DbType.Date, value.ToDateTimeUnspecified()),
            text: () => LocalDatePattern.Iso.Format(value));

        public override LocalDate Parse(object value) => value switch
        {
            string text => LocalDatePattern.Iso.Parse(text).GetValueOrThrow(),
            DateTime dateTime => LocalDate.FromDateTime(dateTime),
            DateOnly date => LocalDate.FromDateOnly(date),
            _ => throw new DataException($"Cannot read a {value.GetType().Name} as a date."),
        };
    }
}
