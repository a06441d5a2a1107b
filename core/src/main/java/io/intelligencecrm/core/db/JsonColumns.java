package io.intelligencecrm.core.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.intelligencecrm.core.json.Json;
import java.io.IOException;
import java.lang.reflect.Type;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.generic.GenericTypes;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.ColumnMapperFactory;
import org.postgresql.util.PGobject;

/**
 * Maps and JSON trees travel to and from jsonb columns as JSON. Jdbi's own JSON modules are not
 * published for the Jdbi version in use, and this is all the product needs of them.
 */
final class JsonColumns {
    private JsonColumns() {
    }

    static final class MapArguments extends AbstractArgumentFactory<Map<?, ?>> {
        MapArguments() {
            super(Types.OTHER);
        }

        @Override
        protected Argument build(Map<?, ?> value, ConfigRegistry config) {
            return (position, statement, context) -> statement.setObject(position, jsonb(value));
        }
    }

    static final class TreeArguments extends AbstractArgumentFactory<JsonNode> {
        TreeArguments() {
            super(Types.OTHER);
        }

        @Override
        protected Argument build(JsonNode value, ConfigRegistry config) {
            return (position, statement, context) -> statement.setObject(position, jsonb(value));
        }
    }

    static final class Columns implements ColumnMapperFactory {
        @Override
        public Optional<ColumnMapper<?>> build(Type type, ConfigRegistry config) {
            Class<?> raw = GenericTypes.getErasedType(type);
            if (!Map.class.isAssignableFrom(raw) && !JsonNode.class.isAssignableFrom(raw)) return Optional.empty();
            // A reader bound to the type once: readValue would look up the type's deserializer on every row.
            ObjectReader reader = Json.mapper().readerFor(Json.mapper().getTypeFactory().constructType(type));
            return Optional.of((resultSet, column, context) -> {
                // The driver's raw UTF-8 (it always talks UTF-8 to the server): no String to decode and parse again.
                byte[] text = resultSet.getBytes(column);
                if (text == null) return null;
                try {
                    return reader.readValue(text);
                } catch (IOException e) {
                    throw new SQLException("column " + column + " is not valid JSON", e);
                }
            });
        }
    }

    private static PGobject jsonb(Object value) throws SQLException {
        PGobject object = new PGobject();
        object.setType("jsonb");
        try {
            object.setValue(Json.mapper().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new SQLException("value cannot be written as JSON", e);
        }
        return object;
    }
}
