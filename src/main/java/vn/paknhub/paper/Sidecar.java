package vn.paknhub.paper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import vn.paknhub.core.xml.UntrustedXml;

/**
 * What the scanning station wrote beside a scan (JSON or XML, same names): the incoming-mail
 * register number (số đến), the official date of receipt, and what the clerk typed. The clerk's
 * data wins over what the hub reads from the page.
 */
record Sidecar(String registerNumber, LocalDate receivedOn, String sender, String address, String phone,
        String email, String addressee) {

    static final Sidecar NONE = new Sidecar(null, null, null, null, null, null, null);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @throws IllegalArgumentException with a reason a clerk can act on */
    static Sidecar parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try {
            return text.startsWith("<") ? xml(text) : json(text);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException("tệp kèm (sidecar) không đọc được / unreadable sidecar: " + e.getMessage());
        }
    }

    private static Sidecar json(String text) throws Exception {
        JsonNode n = JSON.readTree(text);
        return of(name -> n.hasNonNull(name) ? n.get(name).asText() : null);
    }

    private static Sidecar xml(String text) throws Exception {
        Document d = UntrustedXml.parse(text);
        return of(name -> {
            NodeList found = d.getElementsByTagNameNS("*", name);
            Node node = found.getLength() == 0 ? null : found.item(0);
            return node == null ? null : node.getTextContent();
        });
    }

    private static Sidecar of(java.util.function.Function<String, String> field) {
        String received = clean(field.apply("receivedOn"));
        LocalDate receivedOn;
        try {
            receivedOn = received == null ? null : LocalDate.parse(received);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("receivedOn phải là ngày dạng YYYY-MM-DD / receivedOn must be a date YYYY-MM-DD: "
                    + received);
        }
        return new Sidecar(clean(field.apply("registerNumber")), receivedOn, clean(field.apply("sender")),
                clean(field.apply("address")), clean(field.apply("phone")), clean(field.apply("email")),
                clean(field.apply("addressee")));
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : Normalizer.normalize(s.strip(), Normalizer.Form.NFC);
    }
}
