package io.intelligencecrm.core.db;

import java.lang.reflect.Type;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.generic.GenericTypes;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.RowMapperFactory;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Maps rows to records by column name (snake_case columns to camelCase components). Jdbi's
 * constructor mapper matches columns by reflection on every statement, which cost milliseconds
 * per list page; here each record type resolves its columns once per distinct column list, and
 * plain records are built by {@link RecordColumns} rather than Jdbi's per-row invokeWithArguments.
 */
final class RecordRowMappers implements RowMapperFactory {
    private final Map<Class<?>, RowMapper<?>> mappers = new ConcurrentHashMap<>();

    @Override
    public Optional<RowMapper<?>> build(Type type, ConfigRegistry config) {
        Class<?> raw = GenericTypes.getErasedType(type);
        if (!raw.isRecord()) return Optional.empty();
        return Optional.of(mappers.computeIfAbsent(raw, CachingMapper::new));
    }

    private static final class CachingMapper<T> implements RowMapper<T> {
        private final Class<T> type;
        private final RowMapper<T> delegate;
        private final Map<String, RowMapper<T>> specialised = new ConcurrentHashMap<>();

        CachingMapper(Class<T> type) {
            this.type = type;
            this.delegate = ConstructorMapper.of(type);
        }

        @Override
        public T map(ResultSet rs, StatementContext ctx) throws SQLException {
            return specialize(rs, ctx).map(rs, ctx);
        }

        @Override
        public RowMapper<T> specialize(ResultSet rs, StatementContext ctx) throws SQLException {
            String columns = columns(rs.getMetaData());
            RowMapper<T> mapper = specialised.get(columns);
            if (mapper == null) {
                // Anything RecordColumns does not handle plainly goes to Jdbi, which also reports the errors.
                mapper = RecordColumns.bind(type, rs.getMetaData(), ctx).orElse(null);
                if (mapper == null) mapper = delegate.specialize(rs, ctx);
                specialised.put(columns, mapper);
            }
            return mapper;
        }

        private static String columns(ResultSetMetaData meta) throws SQLException {
            StringBuilder key = new StringBuilder();
            for (int i = 1; i <= meta.getColumnCount(); i++) key.append(meta.getColumnLabel(i)).append(',');
            return key.toString();
        }
    }
}
