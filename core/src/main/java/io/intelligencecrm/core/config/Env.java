package io.intelligencecrm.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reads of environment variables that collect every problem, so a misconfigured start
 * names all bad variables at once instead of failing on the first.
 */
public final class Env {
    private final Map<String, String> values;
    private final List<String> problems = new ArrayList<>();

    public Env(Map<String, String> values) {
        this.values = values;
    }

    public Optional<String> optional(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public String string(String name, String defaultValue) {
        return optional(name).orElse(defaultValue);
    }

    public int integer(String name, int defaultValue, int min, int max) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) return defaultValue;
        try {
            int value = Integer.parseInt(raw.get());
            if (value < min || value > max) {
                problems.add(name + " must be between " + min + " and " + max + ", was " + value);
                return defaultValue;
            }
            return value;
        } catch (NumberFormatException e) {
            problems.add(name + " must be a whole number, was '" + raw.get() + "'");
            return defaultValue;
        }
    }

    public double decimal(String name, double defaultValue) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) return defaultValue;
        try {
            return Double.parseDouble(raw.get());
        } catch (NumberFormatException e) {
            problems.add(name + " must be a number, was '" + raw.get() + "'");
            return defaultValue;
        }
    }

    public boolean flag(String name, boolean defaultValue) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) return defaultValue;
        return switch (raw.get().toLowerCase()) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> {
                problems.add(name + " must be true or false, was '" + raw.get() + "'");
                yield defaultValue;
            }
        };
    }

    /** An ISO-8601 duration such as PT5M or P3D, from {@code min} to {@code max}. */
    public Duration duration(String name, Duration defaultValue, Duration min, Duration max) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) return defaultValue;
        try {
            Duration value = Duration.parse(raw.get().toUpperCase());
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                problems.add(name + " must be between " + min + " and " + max + ", was " + raw.get());
                return defaultValue;
            }
            return value;
        } catch (DateTimeParseException e) {
            problems.add(name + " must be an ISO-8601 duration such as PT5M or P3D, was '" + raw.get() + "'");
            return defaultValue;
        }
    }

    public Path path(String name, String defaultValue) {
        return Path.of(string(name, defaultValue)).toAbsolutePath().normalize();
    }

    public <E extends Enum<E>> E choice(String name, Class<E> type, E defaultValue) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) return defaultValue;
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(raw.get().replace('-', '_'))) return constant;
        }
        problems.add(name + " must be one of " + List.of(type.getEnumConstants()).toString().toLowerCase()
                + ", was '" + raw.get() + "'");
        return defaultValue;
    }

    public void problem(String message) {
        problems.add(message);
    }

    /** Throws one error naming every invalid variable read so far. */
    public void requireValid() {
        if (!problems.isEmpty()) {
            throw new ConfigurationException("Invalid configuration:\n  - " + String.join("\n  - ", problems));
        }
    }
}
