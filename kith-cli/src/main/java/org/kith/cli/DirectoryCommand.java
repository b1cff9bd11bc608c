package org.kith.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code kith directory show|create|list|revoke}: desk phones' directories — the LDAP settings
 * and XML phonebook URLs to type into a phone, and the per-phone tokens those URLs carry.
 */
@Command(name = "directory", description = "Desk phones: XML phonebook URLs, LDAP settings, directory tokens.",
        subcommands = {DirectoryCommand.Show.class, DirectoryCommand.Create.class, DirectoryCommand.Ls.class,
                DirectoryCommand.Revoke.class})
final class DirectoryCommand {
    @ParentCommand KithCli root;

    @Command(name = "show", description = "The LDAP settings and the phonebook URLs for HTTP Basic (app password).")
    static final class Show implements Callable<Integer> {
        @ParentCommand DirectoryCommand parent;
        @Option(names = "--json", description = "print the server's JSON") boolean json;

        @Override
        public Integer call() {
            JsonNode where = parent.root.api().get("/directory");
            Out out = parent.root.out();
            if (json) {
                out.json(where);
                return 0;
            }
            JsonNode ldap = where.path("ldap");
            if (ldap.isMissingNode()) {
                out.line("LDAP: off on this server (the operator turns it on with --ldap-port)");
            } else {
                out.line("LDAP server:   " + ldap.path("url").asText());
                out.line("Base DN:       " + ldap.path("baseDn").asText());
                out.line("Bind DN:       " + ldap.path("bindDn").asText());
                out.line("Password:      an app password or a directory token ('kith directory create NAME')");
                out.line("Name filter:   (|(cn=%)(sn=%)(mail=%))   Number filter: (|(telephoneNumber=%)(mobile=%)(homePhone=%))");
            }
            out.line("Phonebooks with HTTP Basic (username and an app password):");
            urls(out, where.path("phonebooks"));
            return 0;
        }
    }

    @Command(name = "create", description = "Create a phone's token; it and its URLs are shown only this once.")
    static final class Create implements Callable<Integer> {
        @ParentCommand DirectoryCommand parent;
        @Parameters(paramLabel = "NAME", description = "which phone it is for, e.g. \"reception Yealink\"") String name;
        @Option(names = "--group", paramLabel = "ID", description = "URLs for this group only") String group;

        @Override
        public Integer call() {
            String path = "/directory-tokens" + (group == null ? "" : "?group=" + UrlPaths.segment(group));
            JsonNode created = parent.root.api().post(path, Map.of("name", name));
            Out out = parent.root.out();
            out.line("directory token " + created.path("id").asText() + " for \"" + created.path("name").asText(name)
                    + "\":");
            out.line(created.path("token").asText());
            out.line("Phonebook URLs (each works as it is; enter the one for the phone's vendor):");
            urls(out, created.path("urls"));
            out.line("they are shown only now; revoke them with 'kith directory revoke " + created.path("id").asText()
                    + "'");
            return 0;
        }
    }

    @Command(name = "list", description = "My directory tokens (never their secrets).")
    static final class Ls implements Callable<Integer> {
        @ParentCommand DirectoryCommand parent;
        @Option(names = "--json", description = "print the server's JSON") boolean json;

        @Override
        public Integer call() {
            JsonNode list = parent.root.api().get("/directory-tokens");
            if (json) {
                parent.root.out().json(list);
                return 0;
            }
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode t : list) {
                rows.add(List.of(t.path("id").asText(), t.path("createdAt").asText(),
                        Json.text(t, "lastUsedAt") == null ? "never" : t.get("lastUsedAt").asText(),
                        Json.text(t, "expiresAt") == null ? "never" : t.get("expiresAt").asText(),
                        t.path("name").asText()));
            }
            parent.root.out().table(List.of("ID", "CREATED", "LAST USED", "EXPIRES", "NAME"), rows);
            return 0;
        }
    }

    @Command(name = "revoke", description = "Revoke a token; the phone using it gets nothing more.")
    static final class Revoke implements Callable<Integer> {
        @ParentCommand DirectoryCommand parent;
        @Parameters(paramLabel = "ID") String id;

        @Override
        public Integer call() {
            parent.root.api().delete("/directory-tokens/" + UrlPaths.segment(id));
            parent.root.out().line("revoked directory token " + id);
            return 0;
        }
    }

    private static void urls(Out out, JsonNode urls) {
        for (var e : (Iterable<Map.Entry<String, JsonNode>>) urls::fields) {
            out.line(String.format("  %-12s %s", e.getKey(), e.getValue().asText()));
        }
    }
}
