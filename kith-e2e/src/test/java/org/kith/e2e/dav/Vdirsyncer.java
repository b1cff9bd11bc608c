package org.kith.e2e.dav;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.kith.e2e.support.Program;

/**
 * The real vdirsyncer (Debian package) for one person: its own config, status and XDG
 * directories under {@code dir}, syncing every book of the account into {@code dir/contacts/}.
 */
public final class Vdirsyncer {
    private final Path dir;
    private final Path config;

    /** One run: exit code and everything it printed. */
    public record Run(int exitCode, String output) {
        public Run ok() {
            if (exitCode != 0) {
                throw new AssertionError("vdirsyncer exited " + exitCode + ":\n" + output);
            }
            return this;
        }
    }

    public Vdirsyncer(Path dir, String url, String username, String password) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.config = dir.resolve("config");
        Files.createDirectories(contacts());
        Files.writeString(config, """
                [general]
                status_path = "%s/status/"

                [pair kith]
                a = "kith_remote"
                b = "kith_local"
                collections = ["from a", "from b"]
                metadata = ["displayname"]

                [storage kith_remote]
                type = "carddav"
                url = "%s"
                username = "%s"
                password = "%s"

                [storage kith_local]
                type = "filesystem"
                path = "%s/"
                fileext = ".vcf"
                """.formatted(dir, url, username, password, contacts()), StandardCharsets.UTF_8);
    }

    public Path contacts() {
        return dir.resolve("contacts");
    }

    /** The local folder of the book whose href ends in {@code name/}. */
    Path book(String name) {
        return contacts().resolve(name);
    }

    /** {@code vdirsyncer discover}, answering yes to creating the local folders. */
    public Run discover() {
        return run("y\n".repeat(20), "discover", "kith");
    }

    public Run sync() {
        return run(null, "sync");
    }

    Run metasync() {
        return run(null, "metasync");
    }

    private Run run(String stdin, String... args) {
        List<String> cmd = new ArrayList<>(List.of("vdirsyncer", "-c", config.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("HOME", dir.toString());
        env.put("XDG_CONFIG_HOME", dir.resolve("xdg-config").toString());
        env.put("XDG_DATA_HOME", dir.resolve("xdg-data").toString());
        env.put("XDG_CACHE_HOME", dir.resolve("xdg-cache").toString());
        env.put("LC_ALL", "C.UTF-8");
        env.put("LANG", "C.UTF-8");
        Program.Result r = Program.run(pb, stdin, Duration.ofSeconds(120));
        return new Run(r.exitCode(), r.output());
    }

    /** The .vcf files of a local folder. */
    public static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.toString().endsWith(".vcf")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file in {@code folder} whose card has {@code uid}. */
    static Optional<Path> fileWithUid(Path folder, String uid) {
        return files(folder).stream().filter(f -> VCardText.parse(read(f)).first("UID").map(uid::equals).orElse(false))
                .findFirst();
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
