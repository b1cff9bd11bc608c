package org.kith.core.model;

/** One step of a PROPPATCH: set a dead property to {@code value}, or remove it when value is null. */
public record PropertyChange(String namespace, String name, String value) {

    public boolean removes() {
        return value == null;
    }
}
