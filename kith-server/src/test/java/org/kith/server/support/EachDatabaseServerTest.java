package org.kith.server.support;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * A test class run on each database ({@link Databases}), sharing one real server among its tests
 * in each run: SQLite in a temporary folder, then a fresh PostgreSQL database.
 */
@Databases
public abstract class EachDatabaseServerTest {
    /** The database of this run (also handed to the method that starts the server). */
    @Parameter
    protected Database database;
    @TempDir
    protected static Path dir;
    protected static TestServer server;

    @BeforeParameterizedClassInvocation
    static void startServer(Database database) throws Exception {
        server = TestServer.start(database, dir.resolve(database.name().toLowerCase(java.util.Locale.ROOT)));
    }

    @AfterParameterizedClassInvocation
    static void stopServer() throws Exception {
        server.close();
    }
}
