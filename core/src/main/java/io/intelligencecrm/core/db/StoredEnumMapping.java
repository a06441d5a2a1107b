package io.intelligencecrm.core.db;

import java.lang.reflect.Type;
import java.sql.Types;
import java.util.Optional;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.generic.GenericTypes;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.ColumnMapperFactory;

/** Binds and reads {@link StoredEnum}s as their lower-case text. */
final class StoredEnumMapping {
    private StoredEnumMapping() {
    }

    static final class Arguments extends AbstractArgumentFactory<StoredEnum> {
        Arguments() {
            super(Types.VARCHAR);
        }

        @Override
        protected Argument build(StoredEnum value, ConfigRegistry config) {
            return (position, statement, context) -> statement.setString(position, value.stored());
        }
    }

    static final class Columns implements ColumnMapperFactory {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Optional<ColumnMapper<?>> build(Type type, ConfigRegistry config) {
            Class<?> raw = GenericTypes.getErasedType(type);
            if (!raw.isEnum() || !StoredEnum.class.isAssignableFrom(raw)) return Optional.empty();
            Class enumType = raw;
            return Optional.of((resultSet, column, context) -> {
                String value = resultSet.getString(column);
                return value == null ? null : StoredEnum.parse(enumType, value);
            });
        }
    }
}
