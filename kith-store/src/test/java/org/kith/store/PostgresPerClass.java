package org.kith.store;

import java.sql.SQLException;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One database on the machine's PostgreSQL for a whole test class, dropped after it; each test
 * asks for an empty schema of its own. Register as a static {@code @RegisterExtension} field.
 */
public final class PostgresPerClass implements BeforeAllCallback, AfterAllCallback {
    private TestPostgres db;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        db = TestPostgres.createDatabase();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (db != null) {
            db.close();
        }
    }

    /** The JDBC URL of a new, empty schema in the class's database. */
    public String newSchema() throws SQLException {
        return db.newSchema();
    }
}
