package org.kith.e2e.support;

import java.nio.file.Path;

/** How to start another JVM with this test's classpath (server and CLI are both on it). */
final class Java {
    private Java() {}

    static String bin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String classpath() {
        return System.getProperty("java.class.path");
    }
}
