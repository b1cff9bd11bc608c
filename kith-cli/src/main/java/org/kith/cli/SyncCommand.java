package org.kith.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code kith sync DIR}: every group I belong to, as a vdir. */
@Command(name = "sync", description = "Write all my groups into DIR: a folder per group, a .vcf per card (khard/vdirsyncer layout).")
final class SyncCommand implements Callable<Integer> {
    @ParentCommand KithCli root;
    @Parameters(paramLabel = "DIR") Path dir;

    @Override
    public Integer call() {
        new GroupSyncer(root.api(), dir, root.out).syncAll();
        return 0;
    }
}
