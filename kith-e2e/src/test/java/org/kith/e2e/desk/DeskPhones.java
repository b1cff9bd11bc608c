package org.kith.e2e.desk;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import org.kith.server.support.Http;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** What the desk-phone tests share: fetching with curl, reading XML safely, creating tokens, running ldapsearch. */
final class DeskPhones {
    private DeskPhones() {}

    /** A fetch with curl: the status and the body. */
    record Fetched(int status, String body) {}

    static Fetched curl(String url, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("curl", "-s", "-g", "--max-time", "30", "-w", "\n%{http_code}"));
        cmd.addAll(List.of(extra));
        cmd.add(url);
        String out = run(cmd, 0);
        int cut = out.lastIndexOf('\n');
        return new Fetched(Integer.parseInt(out.substring(cut + 1).strip()), out.substring(0, cut));
    }

    /** Runs a command to its end (at most a minute) and returns what it printed; fails on another exit code. */
    static String run(List<String> cmd, int expectedExit) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("did not finish in a minute: " + cmd);
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != expectedExit) {
            throw new AssertionError(cmd + " exited " + p.exitValue() + ", expected " + expectedExit + ":\n" + text);
        }
        return text;
    }

    /** Parses XML the way a careful client does: no DOCTYPE, no entities. */
    static Element xml(String text) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setExpandEntityReferences(false);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        return d.getDocumentElement();
    }

    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE && nodes.item(i).getNodeName().equals(name)) {
                out.add((Element) nodes.item(i));
            }
        }
        return out;
    }

    /** The text of the only child of that name, or null when there is none. */
    static String text(Element parent, String name) {
        List<Element> c = children(parent, name);
        if (c.size() > 1) {
            throw new AssertionError("more than one <" + name + "> in <" + parent.getNodeName() + ">");
        }
        return c.isEmpty() ? null : c.get(0).getTextContent();
    }

    static List<String> texts(Element parent, String name) {
        return children(parent, name).stream().map(Element::getTextContent).toList();
    }

    /** Creates a directory token; returns the whole answer (token and urls). */
    static JsonNode token(Http owner, String name) {
        return owner.post("/api/v1/directory-tokens", Map.of("name", name)).expect(201).json();
    }

    /** A port nobody listens on now, for the LDAP listener. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** ldapsearch, simple bind, LDIF without wrapping; returns the output. */
    static String ldapsearch(int port, String bindDn, String password, String base, String filter, String... attrs)
            throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ldapsearch", "-x", "-LLL", "-o", "ldif-wrap=no", "-H",
                "ldap://127.0.0.1:" + port, "-D", bindDn, "-w", password, "-b", base, filter));
        cmd.addAll(List.of(attrs));
        return run(cmd, 0);
    }

    /** The values of an attribute in LDIF output, base64 values decoded. */
    static List<String> ldif(String output, String attribute) {
        List<String> values = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.startsWith(attribute + ": ")) {
                values.add(line.substring(attribute.length() + 2));
            } else if (line.startsWith(attribute + ":: ")) {
                values.add(new String(java.util.Base64.getDecoder().decode(line.substring(attribute.length() + 3)),
                        StandardCharsets.UTF_8));
            }
        }
        return values;
    }
}
