package org.kith.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One address book as a vdir: a folder with one {@code <uid>.vcf} per card and a
 * {@code displayname} file, the layout khard and vdirsyncer read. Writes are atomic (temp file,
 * then rename) so a reader never sees half a card.
 */
final class VdirFolder {
    private final Path dir;

    VdirFolder(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** A file name for a UID that stays inside the folder whatever the UID holds. */
    static String fileName(String uid) {
        StringBuilder sb = new StringBuilder();
        for (byte b : uid.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '@' || (c == '.' && sb.length() > 0)) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return sb + ".vcf";
    }

    void setDisplayName(String name) {
        write("displayname", name);
    }

    void put(String uid, String vcard) {
        write(fileName(uid), vcard);
    }

    boolean remove(String uid) {
        try {
            return Files.deleteIfExists(dir.resolve(fileName(uid)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes every card file whose UID is not in {@code keep}; returns how many. */
    int retainOnly(Set<String> keepUids) {
        Set<String> keepFiles = new HashSet<>();
        keepUids.forEach(u -> keepFiles.add(fileName(u)));
        int removed = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".vcf") && !keepFiles.contains(name)) {
                    Files.delete(p);
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return removed;
    }

    private void write(String name, String content) {
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve("." + name + ".tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void deleteAll() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
