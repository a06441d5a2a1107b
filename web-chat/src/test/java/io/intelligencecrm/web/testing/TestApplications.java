package io.intelligencecrm.web.testing;

import io.intelligencecrm.web.CrmApplication;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the application for {@link CrmApplicationTest} classes, one per distinct environment, and keeps
 * it for every class that asks for the same one; all are stopped when the test run ends. A class must
 * therefore not rely on an empty database beyond the demo tenant: it makes its own records.
 */
public final class TestApplications implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == CrmApplication.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        Map<String, String> environment = environment(testClass);
        CrmApplicationTest settings = testClass.getAnnotation(CrmApplicationTest.class);
        Object key = settings != null && settings.own() ? testClass : environment;
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.create(TestApplications.class));
        return store.getOrComputeIfAbsent(key, any -> new Running(TestServer.start(environment)), Running.class)
                .application();
    }

    private static Map<String, String> environment(Class<?> testClass) {
        CrmApplicationTest settings = testClass.getAnnotation(CrmApplicationTest.class);
        Map<String, String> environment = new TreeMap<>();
        if (settings == null) return environment;
        Arrays.stream(settings.environment()).map(entry -> entry.split("=", 2))
                .forEach(pair -> environment.put(pair[0], pair[1]));
        return environment;
    }

    /** Closed by JUnit when the root context closes, at the end of the run (stopping twice does nothing). */
    @SuppressWarnings("deprecation")
    private record Running(CrmApplication application) implements ExtensionContext.Store.CloseableResource,
            AutoCloseable {
        @Override
        public void close() {
            application.stop();
        }
    }
}
