package org.kith.server.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.kith.core.view.AccountExport;
import org.kith.server.http.Json;

/**
 * An account's export as a zip: {@code card.vcf}, {@code books/<slug>.vcf} (each book's cards as
 * stored, one after another), {@code memberships.json}, {@code blocks.json}, {@code account.json}.
 */
final class ExportZip {
    private ExportZip() {}

    static byte[] of(AccountExport export) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            put(zip, "account.json", Json.write(Views.account(export.account())));
            put(zip, "card.vcf", export.cardVcard());
            for (AccountExport.Book book : export.books()) {
                put(zip, "books/" + fileName(book.slug()) + ".vcf", String.join("", book.vcards()));
            }
            put(zip, "memberships.json", Json.write(export.memberships().stream().map(ExportZip::membership).toList()));
            put(zip, "blocks.json", Json.write(export.blocks().stream().map(Views::block).toList()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Map<String, Object> membership(AccountExport.Membership m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("groupId", Long.toString(m.groupId()));
        json.put("groupName", m.groupName());
        json.put("role", m.role().wire());
        json.put("joinedAt", m.joinedAt().toString());
        return json;
    }

    /** A slug may hold characters a file system refuses; those become '_'. */
    static String fileName(String slug) {
        return slug.replaceAll("[\\\\/:*?\"<>|]", "_");
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
