package org.kith.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One address book as a vdir (the layout vdirsyncer and khard read): a folder holding one
 * {@code <uid>.vcf} per card and a {@code displayname} file. Every write goes to a temporary file
 * that is then renamed over the target, so a reader sees the old card or the new one, never half
 * of one. Temporary files start with a dot and do not end in .vcf, so readers skip them.
 * Not thread-safe: one syncer owns a folder.
 */
final class VdirFolder {
    static final String DISPLAYNAME = "displayname";
    private static final String TMP_PREFIX = ".kith-";
    private static final String TMP_SUFFIX = ".tmp";
    /** Encoded names longer than this are shortened with a hash: most file systems stop at 255 bytes. */
    private static final int MAX_NAME = 200;

    /** What a write did. */
    enum Change { ADDED, UPDATED, UNCHANGED }

    private final Path dir;

    VdirFolder(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** The card file's name for a UID: {@link #safeName} plus ".vcf". */
    static String fileName(String uid) {
        return safeName(uid) + ".vcf";
    }

    /**
     * A file name that stays inside the folder whatever the text holds: [A-Za-z0-9._@-] are kept,
     * every other UTF-8 byte (including '%' itself, so the mapping is one-to-one) becomes %XX, and
     * a leading '.' is encoded too so no name is hidden or is "." or "..". Very long results are cut
     * and end in '~' plus a hash of the whole text ('~' never appears otherwise).
     */
    static String safeName(String text) {
        StringBuilder sb = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '@' || (c == '.' && sb.length() > 0);
            if (keep) {
                sb.append((char) c);
            } else {
                sb.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
            }
        }
        if (sb.length() == 0 || sb.length() > MAX_NAME) {
            int cut = Math.min(sb.length(), MAX_NAME - 21);
            int escape = sb.lastIndexOf("%", cut - 1);
            if (escape >= 0 && escape > cut - 3) {
                cut = escape; // never cut through a %XX escape
            }
            return sb.substring(0, cut) + "~" + shortHash(text);
        }
        return sb.toString();
    }

    Change put(String uid, String vcard) {
        return write(fileName(uid), vcard);
    }

    /** Deletes the card file of {@code uid}; whether there was one. */
    boolean remove(String uid) {
        Path file = dir.resolve(fileName(uid));
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw CliError.io("delete", file, e);
        }
    }

    boolean contains(String uid) {
        return Files.isRegularFile(dir.resolve(fileName(uid)));
    }

    /** Writes the {@code displayname} file (vdirsyncer's metadata convention) when it differs. */
    void setDisplayName(String name) {
        write(DISPLAYNAME, name);
    }

    /**
     * Deletes every card file that belongs to none of {@code uids}, and temporary files an
     * interrupted run left behind; returns how many cards went.
     */
    int retainOnly(Set<String> uids) {
        Set<String> keep = new HashSet<>();
        uids.forEach(u -> keep.add(fileName(u)));
        int removed = 0;
        for (Path p : list()) {
            String name = p.getFileName().toString();
            boolean staleCard = name.endsWith(".vcf") && !keep.contains(name) && Files.isRegularFile(p);
            if (staleCard || isTemporary(name)) {
                delete(p);
                removed += staleCard ? 1 : 0;
            }
        }
        return removed;
    }

    /**
     * Removes the folder: its cards, its displayname and our temporary files, then the folder if
     * nothing else is in it. Files someone else put there are left alone; returns false then.
     */
    boolean deleteFolder() {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        for (Path p : list()) {
            String name = p.getFileName().toString();
            if ((name.endsWith(".vcf") && Files.isRegularFile(p)) || name.equals(DISPLAYNAME) || isTemporary(name)) {
                delete(p);
            }
        }
        try {
            Files.delete(dir);
            return true;
        } catch (DirectoryNotEmptyException e) {
            return false;
        } catch (IOException e) {
            throw CliError.io("delete", dir, e);
        }
    }

    private Change write(String name, String content) {
        Path target = dir.resolve(name);
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            boolean existed = Files.isRegularFile(target);
            if (existed && Arrays.equals(Files.readAllBytes(target), bytes)) {
                return Change.UNCHANGED; // leave it and its mtime alone: readers need not look again
            }
            tmp = Files.createTempFile(dir, TMP_PREFIX, TMP_SUFFIX);
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
            return existed ? Change.UPDATED : Change.ADDED;
        } catch (IOException e) {
            throw CliError.io("write", target, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the next full sync sweeps it
                }
            }
        }
    }

    private List<Path> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        } catch (IOException e) {
            throw CliError.io("list", dir, e);
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw CliError.io("delete", p, e);
        }
    }

    private static boolean isTemporary(String name) {
        return name.startsWith(TMP_PREFIX) && name.endsWith(TMP_SUFFIX);
    }

    private static String shortHash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
