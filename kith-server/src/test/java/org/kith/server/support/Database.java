package org.kith.server.support;

/** The two databases Kith runs on; {@link Databases} runs a test class once on each. */
public enum Database {
    SQLITE, POSTGRES;

    /** A fresh, empty database of this kind for one server; closing it drops a PostgreSQL database. */
    public TestDatabase create() throws Exception {
        return TestDatabase.create(this);
    }
}
