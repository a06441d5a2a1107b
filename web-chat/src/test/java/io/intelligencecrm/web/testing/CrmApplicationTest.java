package io.intelligencecrm.web.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that runs against the real application: {@link TestApplications} starts it on a fresh
 * database (demo tenant loaded) and hands it to any test or lifecycle method that takes a
 * {@code CrmApplication} parameter. Classes asking for the same environment share one application for
 * the whole test run. Such tests are slow, so they are tagged for the fast/slow split.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("slow")
@ExtendWith(TestApplications.class)
public @interface CrmApplicationTest {
    /** Environment variables beyond the test defaults, each "NAME=value", as an operator would set them. */
    String[] environment() default {};

    /** An application of its own, for a class whose data would get in the way of others (bulk imports). */
    boolean own() default false;
}
