package org.kith.e2e.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kith.e2e.desk.DeskPhones.children;
import static org.kith.e2e.desk.DeskPhones.curl;
import static org.kith.e2e.desk.DeskPhones.text;
import static org.kith.e2e.desk.DeskPhones.texts;
import static org.kith.e2e.desk.DeskPhones.xml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kith.server.support.Http;
import org.kith.server.support.TestServer;
import org.w3c.dom.Element;

/**
 * Each vendor's XML phonebook fetched with curl as a phone would, parsed, and checked field by
 * field against the vendor's documentation (docs/DESKPHONES.md): names in UTF-8, numbers
 * dialable from the owner's region, kinds in the vendor's fields, Cisco's pages walked to the end.
 */
class PhonebookFormatsTest {
    @TempDir
    static Path dir;
    static TestServer server;
    static Http alice;
    static String classmates;
    static String big;
    static JsonNode token;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dir);
        alice = server.register("alice");
        Http bob = server.register("bob");
        Http chen = server.register("chen");
        chen.put("/api/v1/me/card", Map.of("fn", "陈雪松", "n", Map.of("family", "陈", "given", "雪松"),
                "tel", List.of(Map.of("type", "cell", "value", "138 0013 8000"),
                        Map.of("type", "work", "value", "010 6552 9988")),
                "email", List.of(Map.of("type", "work", "value", "chen@example.cn")),
                "org", "北京大学", "title", "教授")).expect(200);
        bob.put("/api/v1/me/card", Map.of("fn", "Bob Smith", "n", Map.of("family", "Smith", "given", "Bob"),
                "tel", List.of(Map.of("type", "work", "value", "+44 20 7946 0018"),
                        Map.of("type", "home", "value", "+1 650-253-0000")),
                "email", List.of(Map.of("type", "home", "value", "bob@example.org")),
                "org", "Acme & Co", "title", "Engineer <lead>")).expect(200);
        classmates = server.group("大学同学", alice, "bob", "chen");
        big = alice.post("/api/v1/groups", Map.of("name", "Front desk")).expect(201).text("id");
        for (int i = 0; i < 70; i++) {
            alice.post("/api/v1/groups/" + big + "/entries", Map.of("card", Map.of("fn", String.format("Room %02d", i),
                    "tel", List.of(Map.of("type", "work", "value", "+86 10 6552 " + (9000 + i)))))).expect(201);
        }
        token = DeskPhones.token(alice, "reception");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static String url(String vendor, String query) {
        String u = token.get("urls").get(vendor).asText();
        return u + (u.contains("?") ? "&" : "?") + query;
    }

    static Element fetch(String vendor, String query) throws Exception {
        DeskPhones.Fetched f = curl(url(vendor, query));
        assertThat(f.status()).as(f.body()).isEqualTo(200);
        return xml(f.body());
    }

    @Test
    void theCreatedTokenListsEveryFormatAndIsShownOnce() {
        assertThat(token.get("token").asText()).hasSize(32);
        for (String v : List.of("yealink", "yealinkMenu", "grandstream", "cisco", "snom", "fanvil", "gigaset")) {
            assertThat(token.get("urls").get(v).asText()).startsWith(server.baseUrl() + "/directory/"
                    + token.get("token").asText() + "/");
        }
        assertThat(token.get("urls").get("grandstream").asText()).endsWith("/grandstream/phonebook.xml");
        JsonNode listed = alice.get("/api/v1/directory-tokens").expect(200).json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("name").asText()).isEqualTo("reception");
        assertThat(listed.get(0).has("token")).isFalse();
        assertThat(listed.toString()).doesNotContain(token.get("token").asText());
    }

    @Test
    void yealinkDirectoryNamesEachPersonWithUpToThreeLabelledNumbers() throws Exception {
        Element root = fetch("yealink", "group=" + classmates);
        assertThat(root.getNodeName()).isEqualTo("YealinkIPPhoneDirectory");
        assertThat(text(root, "Title")).isEqualTo("大学同学");
        List<Element> entries = children(root, "DirectoryEntry");
        assertThat(entries).extracting(e -> text(e, "Name")).containsExactly("Bob Smith", "陈雪松"); // alice has no number
        Element chen = entries.get(1);
        assertThat(texts(chen, "Telephone")).containsExactly("13800138000", "01065529988");
        assertThat(children(chen, "Telephone")).extracting(t -> t.getAttribute("label")).containsExactly("Mobile", "Office");
        assertThat(texts(entries.get(0), "Telephone")).containsExactly("00442079460018", "0016502530000");

        Element e164 = fetch("yealink", "group=" + classmates + "&region=e164");
        assertThat(texts(children(e164, "DirectoryEntry").get(1), "Telephone"))
                .containsExactly("+8613800138000", "+861065529988");
        Element fromUk = fetch("yealink", "group=" + classmates + "&region=GB");
        assertThat(texts(children(fromUk, "DirectoryEntry").get(0), "Telephone"))
                .containsExactly("02079460018", "0016502530000");
    }

    @Test
    void yealinkMenuHasAMenuPerGroupAndTheNumbersInTheirSlots() throws Exception {
        Element root = fetch("yealinkMenu", "");
        assertThat(root.getNodeName()).isEqualTo("YealinkIPPhoneBook");
        List<Element> menus = children(root, "Menu");
        assertThat(menus).extracting(m -> m.getAttribute("Name")).containsExactly("大学同学", "Front desk");
        List<Element> units = children(menus.get(0), "Unit");
        assertThat(units).extracting(u -> u.getAttribute("Name")).containsExactly("Alice", "Bob Smith", "陈雪松");
        Element chen = units.get(2);
        assertThat(chen.getAttribute("Phone1")).isEqualTo("01065529988");
        assertThat(chen.getAttribute("Phone2")).isEqualTo("13800138000");
        assertThat(chen.getAttribute("Phone3")).isEmpty();
        assertThat(units.get(1).getAttribute("Phone1")).isEqualTo("00442079460018");
        assertThat(units.get(1).getAttribute("Phone3")).isEqualTo("0016502530000");
        assertThat(children(menus.get(1), "Unit")).hasSize(71); // the owner and 70 managed entries
    }

    @Test
    void grandstreamAddressBookHasFirstAndLastNamesTypedPhonesAndGroups() throws Exception {
        Element root = fetch("grandstream", "group=" + classmates);
        assertThat(root.getNodeName()).isEqualTo("AddressBook");
        List<Element> groups = children(root, "pbgroup");
        assertThat(groups).hasSize(1);
        assertThat(text(groups.get(0), "id")).isEqualTo("1");
        assertThat(text(groups.get(0), "name")).isEqualTo("大学同学");
        List<Element> contacts = children(root, "Contact");
        assertThat(contacts).hasSize(3);
        Element chen = contacts.get(2);
        assertThat(text(chen, "FirstName")).isEqualTo("雪松");
        assertThat(text(chen, "LastName")).isEqualTo("陈");
        List<Element> phones = children(chen, "Phone");
        assertThat(phones).extracting(p -> p.getAttribute("type")).containsExactly("Mobile", "Work");
        assertThat(phones).extracting(p -> text(p, "phonenumber")).containsExactly("13800138000", "01065529988");
        assertThat(phones).extracting(p -> text(p, "accountindex")).containsExactly("0", "0");
        assertThat(text(chen, "Mail")).isEqualTo("chen@example.cn");
        assertThat(texts(chen, "Group")).containsExactly("1");
        Element bob = contacts.get(1);
        assertThat(children(bob, "Phone")).extracting(p -> p.getAttribute("type")).containsExactly("Work", "Home");
        assertThat(text(bob, "Company")).isEqualTo("Acme & Co");
        assertThat(text(bob, "JobTitle")).isEqualTo("Engineer <lead>");
        assertThat(text(contacts.get(0), "FirstName")).isEqualTo("Alice"); // no structured name: the name as typed

        // The phone is given the folder and asks for phonebook.xml in it; the SIP account is chosen by ?account=.
        Element second = fetch("grandstream", "group=" + classmates + "&account=2");
        assertThat(texts(children(children(second, "Contact").get(2), "Phone").get(0), "accountindex"))
                .containsExactly("2");
    }

    @Test
    void snomHasOneItemPerNumberWithItsTypeAndUniqueIndexes() throws Exception {
        Element root = fetch("snom", "group=" + classmates);
        assertThat(root.getNodeName()).isEqualTo("tbook");
        assertThat(root.getAttribute("complete")).isEqualTo("true");
        List<Element> items = children(root, "item");
        assertThat(items).extracting(i -> text(i, "name")).containsExactly("Bob Smith", "Bob Smith", "陈雪松", "陈雪松");
        assertThat(items).extracting(i -> text(i, "number"))
                .containsExactly("00442079460018", "0016502530000", "13800138000", "01065529988");
        assertThat(items).extracting(i -> text(i, "number_type")).containsExactly("business", "home", "mobile", "business");
        Set<String> indexes = new HashSet<>();
        items.forEach(i -> indexes.add(i.getAttribute("index")));
        assertThat(indexes).hasSize(4);
        assertThat(items).allSatisfy(i -> assertThat(i.getAttribute("context")).isEqualTo("active"));
        assertThat(text(items.get(2), "first_name")).isEqualTo("雪松");
        assertThat(text(items.get(2), "last_name")).isEqualTo("陈");
        assertThat(text(items.get(2), "organization")).isEqualTo("北京大学");
        assertThat(text(items.get(2), "group")).isEqualTo("大学同学");
    }

    @Test
    void fanvilHasTelephoneMobileAndOther() throws Exception {
        Element root = fetch("fanvil", "group=" + classmates);
        assertThat(root.getNodeName()).isEqualTo("PhoneBook");
        List<Element> entries = children(root, "DirectoryEntry");
        assertThat(entries).extracting(e -> text(e, "Name")).containsExactly("Bob Smith", "陈雪松");
        assertThat(text(entries.get(1), "Telephone")).isEqualTo("01065529988");
        assertThat(text(entries.get(1), "Mobile")).isEqualTo("13800138000");
        assertThat(text(entries.get(1), "Other")).isNull();
        assertThat(text(entries.get(0), "Telephone")).isEqualTo("00442079460018");
        assertThat(text(entries.get(0), "Other")).isEqualTo("0016502530000");
    }

    @Test
    void gigasetAnswersNameSearchesAndTheReverseLookupOfAnIncomingCall() throws Exception {
        Element byName = fetch("gigaset", "command=get_list&type=pb&ln=%E9%99%88*&fn=*&first=1&count=10");
        assertThat(byName.getNodeName()).isEqualTo("list");
        assertThat(byName.getAttribute("response")).isEqualTo("get_list");
        assertThat(byName.getAttribute("total")).isEqualTo("1");
        Element chen = children(byName, "entry").get(0);
        assertThat(text(chen, "ln")).isEqualTo("陈");
        assertThat(text(chen, "fn")).isEqualTo("雪松");
        assertThat(text(chen, "mb")).isEqualTo("13800138000");
        assertThat(text(chen, "nb")).isEqualTo("01065529988");
        assertThat(text(chen, "em")).isEqualTo("chen@example.cn");

        for (String number : List.of("%2B8613800138000", "13800138000", "138%200013%208000")) {
            Element reverse = fetch("gigaset", "command=get_list&type=pb&hm=" + number + "&first=1&count=1");
            assertThat(children(reverse, "entry")).extracting(e -> text(e, "ln")).containsExactly("陈");
        }
        Element none = fetch("gigaset", "command=get_list&type=pb&hm=13900000000");
        assertThat(none.getAttribute("notfound")).isEqualTo("hm");
        assertThat(none.getAttribute("total")).isEqualTo("0");
        assertThat(children(none, "entry")).isEmpty();

        Element paged = fetch("gigaset", "command=get_list&type=pb&ln=Room*&first=61&count=20");
        assertThat(paged.getAttribute("total")).isEqualTo("70");
        assertThat(paged.getAttribute("first")).isEqualTo("61");
        assertThat(paged.getAttribute("last")).isEqualTo("70");
        assertThat(children(paged, "entry")).hasSize(10);
    }

    @Test
    void ciscoPagesOf32AreWalkedToTheEndWithTheNextSoftKey() throws Exception {
        List<String> names = new ArrayList<>();
        String next = url("cisco", "group=" + big);
        int pages = 0;
        while (next != null) {
            assertThat(++pages).as("pages").isLessThanOrEqualTo(3);
            DeskPhones.Fetched f = curl(next);
            assertThat(f.status()).isEqualTo(200);
            Element root = xml(f.body());
            assertThat(root.getNodeName()).isEqualTo("CiscoIPPhoneDirectory");
            assertThat(text(root, "Prompt")).isEqualTo("Page " + pages + " of 3");
            List<Element> entries = children(root, "DirectoryEntry");
            assertThat(entries.size()).isLessThanOrEqualTo(32);
            entries.forEach(e -> names.add(text(e, "Name") + "=" + text(e, "Telephone")));
            next = null;
            for (Element key : children(root, "SoftKeyItem")) {
                if (text(key, "Name").equals("Next")) {
                    next = text(key, "URL");
                }
            }
        }
        assertThat(pages).isEqualTo(3);
        assertThat(names).hasSize(70).doesNotHaveDuplicates();
        assertThat(names.get(0)).isEqualTo("Room 00=01065529000");
        assertThat(names.get(69)).isEqualTo("Room 69=01065529069");

        Element searched = fetch("cisco", "group=" + big + "&q=room%206");
        assertThat(children(searched, "DirectoryEntry")).hasSize(10);
        Element prompt = xml(curl(token.get("urls").get("cisco").asText().replace("cisco.xml", "cisco-search.xml"))
                .body());
        assertThat(prompt.getNodeName()).isEqualTo("CiscoIPPhoneInput");
        assertThat(text(children(prompt, "InputItem").get(0), "QueryStringParam")).isEqualTo("q");
        assertThat(text(prompt, "URL")).endsWith("/cisco.xml");
    }

    @Test
    void basicAuthWithAnAppPasswordServesTheSameBook() throws Exception {
        String ap = alice.post("/api/v1/app-passwords", Map.of("name", "desk")).expect(201).text("password");
        String url = server.baseUrl() + "/directory/me/yealink.xml?group=" + classmates;
        assertThat(curl(url).status()).isEqualTo(401);
        DeskPhones.Fetched f = curl(url, "-u", "alice:" + ap);
        assertThat(f.status()).isEqualTo(200);
        assertThat(f.body()).isEqualTo(curl(url("yealink", "group=" + classmates)).body());
        JsonNode where = alice.get("/api/v1/directory").expect(200).json();
        assertThat(where.get("phonebooks").get("yealink").asText()).isEqualTo(server.baseUrl() + "/directory/me/yealink.xml");
        assertThat(where.has("ldap")).isFalse(); // LDAP is off on this server
    }

    @Test
    void aRevokedUnknownOrForeignTokenIsTheSame404AsNoSuchPath() throws Exception {
        JsonNode doomed = DeskPhones.token(alice, "old phone");
        String url = doomed.get("urls").get("yealink").asText();
        assertThat(curl(url).status()).isEqualTo(200);
        Http bob = server.as("bob");
        bob.delete("/api/v1/directory-tokens/" + doomed.get("id").asText()).expect(404); // not his to revoke
        assertThat(curl(url).status()).isEqualTo(200);
        alice.delete("/api/v1/directory-tokens/" + doomed.get("id").asText()).expect(204);
        DeskPhones.Fetched revoked = curl(url);
        DeskPhones.Fetched unknown = curl(url.replace(doomed.get("token").asText(), "x".repeat(32)));
        assertThat(revoked.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(revoked.body().replace(doomed.get("token").asText(), "T"))
                .isEqualTo(unknown.body().replace("x".repeat(32), "T"));
        assertThat(alice.get("/api/v1/directory-tokens").json().toString()).doesNotContain("old phone");
    }

    @Test
    void aGroupTheOwnerIsNotInIsNotFoundAndBadRegionsAreNamed() throws Exception {
        Http dora = server.register("dora");
        String hers = dora.post("/api/v1/groups", Map.of("name", "Dora's")).expect(201).text("id");
        assertThat(curl(url("yealink", "group=" + hers)).status()).isEqualTo(404);
        alice.post("/api/v1/directory-tokens?group=" + hers, Map.of("name", "x")).expect(404);
        DeskPhones.Fetched bad = curl(url("yealink", "region=Atlantis"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("\"code\":\"region-unknown\"", "Atlantis");
    }

    @Test
    void theCliCreatesListsAndRevokesTokensAndPrintsWorkingUrls() throws Exception {
        org.kith.e2e.support.Cli cli = new org.kith.e2e.support.Cli(server.baseUrl(), dir.resolve("cli-home"));
        cli.runWithInput(TestServer.PASSWORD + "\n", "login", "chen", "--password-stdin").ok();
        String created = cli.run("directory", "create", "desk in room 3", "--group", classmates).ok().out();
        String yealink = created.lines().filter(l -> l.strip().startsWith("yealink ")).findFirst().orElseThrow()
                .strip().substring("yealink".length()).strip();
        assertThat(yealink).endsWith("/yealink.xml?group=" + classmates);
        assertThat(curl(yealink).body()).contains("Bob Smith", "陈雪松");
        String id = created.lines().findFirst().orElseThrow().split(" ")[2];
        assertThat(cli.run("directory", "list").ok().out()).contains("desk in room 3", "never");
        assertThat(curl(yealink).status()).isEqualTo(200);
        assertThat(cli.run("directory", "show").ok().out()).contains("LDAP: off",
                server.baseUrl() + "/directory/me/yealink.xml");
        cli.run("directory", "revoke", id).ok();
        assertThat(curl(yealink).status()).isEqualTo(404);
        assertThat(cli.run("directory", "list").ok().out()).doesNotContain("desk in room 3");
    }
}
