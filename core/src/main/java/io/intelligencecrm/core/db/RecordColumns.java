package io.intelligencecrm.core.db;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A record built from a row through the same column mappers and the same name matching as Jdbi's
 * constructor mapper (a component matches the column of its name, case-insensitively, with or
 * without underscores), but through a constructor handle adapted once instead of Jdbi's
 * invokeWithArguments, which builds a spreader and looks up method types on every row (a fifth of
 * a list page's CPU time).
 */
final class RecordColumns<T> implements RowMapper<T> {
    private final MethodHandle constructor;
    private final int[] columns;
    private final ColumnMapper<?>[] mappers;

    private RecordColumns(MethodHandle constructor, int[] columns, ColumnMapper<?>[] mappers) {
        this.constructor = constructor;
        this.columns = columns;
        this.mappers = mappers;
    }

    /** Empty when any component has no single matching column or no column mapper: Jdbi's mapper decides then. */
    static <T> Optional<RowMapper<T>> bind(Class<T> type, ResultSetMetaData meta, StatementContext ctx) throws SQLException {
        RecordComponent[] components = type.getRecordComponents();
        int[] columns = new int[components.length];
        ColumnMapper<?>[] mappers = new ColumnMapper<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            if (components[i].getAnnotations().length > 0) return Optional.empty();
            columns[i] = column(components[i].getName(), meta);
            Optional<ColumnMapper<?>> mapper = ctx.findColumnMapperFor(components[i].getGenericType());
            if (columns[i] == 0 || mapper.isEmpty()) return Optional.empty();
            mappers[i] = mapper.get();
        }
        try {
            Constructor<T> canonical = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            canonical.setAccessible(true);
            MethodHandle handle = MethodHandles.lookup().unreflectConstructor(canonical)
                    .asSpreader(Object[].class, components.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
            return Optional.of(new RecordColumns<>(handle, columns, mappers));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The 1-based index of the only column matching the name, or 0 when none or several do. */
    private static int column(String component, ResultSetMetaData meta) throws SQLException {
        int found = 0;
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String label = meta.getColumnLabel(i);
            if (label.equalsIgnoreCase(component) || label.replace("_", "").equalsIgnoreCase(component)) {
                if (found != 0) return 0;
                found = i;
            }
        }
        return found;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T map(ResultSet rs, StatementContext ctx) throws SQLException {
        Object[] values = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) values[i] = mappers[i].map(rs, columns[i], ctx);
        try {
            return (T) (Object) constructor.invokeExact(values);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot build " + constructor.type().returnType(), e);
        }
    }
}
