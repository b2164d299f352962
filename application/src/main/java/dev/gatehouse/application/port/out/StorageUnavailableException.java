package dev.gatehouse.application.port.out;

/** The store cannot be reached right now (connection refused, pool exhausted); retrying later may work. */
public class StorageUnavailableException extends RuntimeException {
    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
