package io.intelligencecrm.web.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version this build was made from (Maven writes it into a resource at build time). */
public final class BuildInfo {
    private BuildInfo() {
    }

    public static String version() {
        try (InputStream in = BuildInfo.class.getResourceAsStream("/crm-version.properties")) {
            if (in == null) return "unknown";
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
