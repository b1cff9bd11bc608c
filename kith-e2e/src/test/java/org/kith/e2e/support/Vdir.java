package org.kith.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Reads a vdir folder the way a contacts program would: the .vcf files in it. */
public final class Vdir {
    private Vdir() {}

    /** The text of every card file in {@code folder}, or an empty list if it does not exist. */
    public static List<String> cards(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".vcf")).sorted().map(Vdir::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean anyContains(Path folder, String text) {
        return cards(folder).stream().anyMatch(c -> c.contains(text));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ""; // replaced between list and read; the next poll sees the new file
        }
    }
}
