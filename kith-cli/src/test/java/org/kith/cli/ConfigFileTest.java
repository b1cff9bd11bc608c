package org.kith.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
    @TempDir Path tmp;

    @Test
    void findsTheFileFromEnvironmentThenXdgThenHome() {
        assertThat(ConfigFile.defaultPath(Map.of("KITH_CONFIG", "/x/kith.json", "XDG_CONFIG_HOME", "/xdg")))
                .isEqualTo(Path.of("/x/kith.json"));
        assertThat(ConfigFile.defaultPath(Map.of("XDG_CONFIG_HOME", "/xdg"))).isEqualTo(Path.of("/xdg/kith/config.json"));
        Path home = Path.of(System.getProperty("user.home"), ".config", "kith", "config.json");
        assertThat(ConfigFile.defaultPath(Map.of())).isEqualTo(home);
        assertThat(ConfigFile.defaultPath(Map.of("XDG_CONFIG_HOME", "relative/dir"))).isEqualTo(home);
    }

    @Test
    void savesTheLoginReadableOnlyByItsOwner() throws IOException {
        Path file = tmp.resolve("new/dir/config.json");
        ConfigFile.load(file).saveLogin("http://kith.example", "alice", "tok-1", "2026-12-31T00:00:00Z");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");

        ConfigFile read = ConfigFile.load(file);
        assertThat(read.server()).isEqualTo("http://kith.example");
        assertThat(read.username()).isEqualTo("alice");
        assertThat(read.token()).isEqualTo("tok-1");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file); // no temporary file left
        }
    }

    @Test
    void tightensAFileThatWasTooOpenAndKeepsKeysItDoesNotKnow() throws IOException {
        Path file = tmp.resolve("config.json");
        Files.writeString(file, "{\"server\":\"http://old\",\"token\":\"t\",\"future\":{\"x\":1}}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        ConfigFile.load(file).forgetToken();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        ConfigFile read = ConfigFile.load(file);
        assertThat(read.token()).isNull();
        assertThat(read.server()).isEqualTo("http://old");
        assertThat(Files.readString(file)).contains("\"future\"");
    }

    @Test
    void aMissingFileIsAnEmptyConfigAndAMangledOneIsAClearError() throws IOException {
        assertThat(ConfigFile.load(tmp.resolve("none.json")).token()).isNull();
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{not json");
        assertThatThrownBy(() -> ConfigFile.load(bad)).isInstanceOf(CliError.class)
                .hasMessageStartingWith("cannot read " + bad)
                .satisfies(e -> assertThat(((CliError) e).exitCode).isEqualTo(1));
        Files.writeString(bad, "[1,2]");
        assertThatThrownBy(() -> ConfigFile.load(bad)).hasMessageContaining("not a kith config file");
    }
}
