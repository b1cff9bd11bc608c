package org.kith.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code kith sync DIR}: every group I belong to, written into DIR as a vdir. */
@Command(name = "sync", description = {"Write all my groups into DIR as vdir folders (khard, vdirsyncer).",
        "DIR/<groupId>/displayname holds the group's name, DIR/<groupId>/<uid>.vcf one card each.",
        "Later runs fetch only what changed."})
final class SyncCommand implements Callable<Integer> {
    @ParentCommand KithCli root;
    @Parameters(paramLabel = "DIR") Path dir;

    @Override
    public Integer call() {
        ApiClient api = root.api();
        try (DirLock lock = DirLock.acquire(dir)) {
            SyncState state = SyncState.load(dir, SyncState.account(root.username(), api.server()));
            new GroupSyncer(api, dir, state, new Log(root.io.out(), false), false).syncAll(false);
        }
        return 0;
    }
}
