package io.intelligencecrm.core.config;

/** The configuration cannot be used; the message says which variables and why. */
public final class ConfigurationException extends RuntimeException {
    public ConfigurationException(String message) {
        super(message);
    }
}
