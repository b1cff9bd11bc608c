package org.kith.store;

/**
 * A database failure the services cannot act on: the connection was lost, the disk is full, a
 * constraint the services should have checked was violated. The transaction it happened in has
 * been rolled back. Unchecked; the message names the failing statement, never bound values.
 */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
