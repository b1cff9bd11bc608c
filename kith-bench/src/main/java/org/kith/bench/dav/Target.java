package org.kith.bench.dav;

/** A CardDAV server under test, running on loopback until closed. */
interface Target extends AutoCloseable {
    String USER = "bench";
    String PASSWORD = "bench-password";

    /** The column heading: name and version. */
    String name();

    /** A client signed in as {@link #USER}. */
    DavClient client();

    /** Creates an empty address book by extended MKCOL; returns its path, ending in a slash. */
    default String createBook(String slug) {
        String path = homePath() + slug + "/";
        client().mkcol(path, DavBodies.mkcol("Bench " + slug)).expect(201, "MKCOL " + path);
        return path;
    }

    /** The path of {@link #USER}'s address-book home, ending in a slash. */
    String homePath();

    /**
     * Writes a card straight into the server's storage, bypassing HTTP, where that is how the
     * server is fed in practice (file-system storage); false where it is not.
     */
    default boolean storeDirectly(String bookPath, String name, String vcard) {
        return false;
    }

    /** Stops the server and removes its data. */
    @Override
    void close();
}
