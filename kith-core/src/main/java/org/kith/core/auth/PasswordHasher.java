package org.kith.core.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id hashing of account passwords (19 MiB, 2 passes, 1 lane: the OWASP baseline).
 * The encoded hash carries its parameters, so they can be raised later without breaking old hashes.
 * Thread-safe.
 */
public final class PasswordHasher {
    private final Argon2Function argon2;

    public PasswordHasher() {
        this(19 * 1024, 2);
    }

    /** Lower costs are for tests and benchmarks that register many accounts. */
    public PasswordHasher(int memoryKiB, int iterations) {
        this.argon2 = Argon2Function.getInstance(memoryKiB, iterations, 1, 32, Argon2.ID);
    }

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(argon2).getResult();
    }

    public boolean verify(String password, String encodedHash) {
        if (encodedHash == null || !encodedHash.startsWith("$argon2id$")) {
            return false;
        }
        return Password.check(password, encodedHash).with(Argon2Function.getInstanceFromHash(encodedHash));
    }
}
