package org.kith.store;

/** A database failure the services cannot do anything about (connection lost, disk full, bug). */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
