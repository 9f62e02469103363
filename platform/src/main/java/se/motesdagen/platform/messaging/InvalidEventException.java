package se.motesdagen.platform.messaging;

/**
 * An event that breaks its contract. Retrying cannot help, so the binding is configured to send it
 * straight to the dead-letter topic (see {@code retryable-exceptions} in application.yml).
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }
}
