package org.kith.server.support;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** A test class that shares one real server (random port, SQLite in a temporary folder) among its tests. */
public abstract class ServerTest {
    @TempDir
    protected static Path dir;
    protected static TestServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = TestServer.start(dir);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }
}
