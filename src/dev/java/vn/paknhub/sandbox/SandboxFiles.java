package vn.paknhub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import vn.paknhub.core.crypto.Digests;

/**
 * What a partner does with the files a message brings: takes each from the message (base64) or
 * downloads it by its link with the receiving body's own token, as the real system would, and checks
 * its SHA-256 against the one announced. A message whose file is missing or does not match is refused.
 */
@Component
@ConditionalOnProperty(name = "hub.sandbox.enabled", havingValue = "true")
public class SandboxFiles {

    /** One file as the partner checked it; {@code via} INLINE or LINK; {@code problem} null when it matched. */
    public record Check(String fileName, String sha256, String via, int size, String problem) {

        public boolean matches() {
            return problem == null;
        }
    }

    /** A file as a message announces it: the bytes inline (base64) or a link, or both. */
    record Announced(String fileName, String sha256, String base64, String href) {
    }

    private final Map<String, String> tokens;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    SandboxFiles(Environment env) {
        this.tokens = Binder.get(env).bind("hub.sandbox.agency-tokens", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
    }

    /** The files of a JSON message: {@code array} holds objects with the partner's own field names. */
    static List<Announced> fromJson(JsonNode array, String name, String sha256, String base64, String href) {
        List<Announced> files = new ArrayList<>();
        array.forEach(f -> files.add(new Announced(f.path(name).asText(), f.path(sha256).asText(),
                f.path(base64).isTextual() ? f.path(base64).asText() : null,
                f.path(href).isTextual() ? f.path(href).asText() : null)));
        return files;
    }

    /** The files of the XML ministry's message: TepDinhKem elements. */
    static List<Announced> fromXml(Document d) {
        List<Announced> files = new ArrayList<>();
        NodeList nodes = d.getElementsByTagNameNS("*", "TepDinhKem");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element f = (Element) nodes.item(i);
            String content = child(f, "NoiDungTep");
            String link = child(f, "DuongDan");
            files.add(new Announced(child(f, "TenTep"), child(f, "MaBam"), content.isEmpty() ? null : content,
                    link.isEmpty() ? null : link));
        }
        return files;
    }

    private static String child(Element e, String localName) {
        NodeList nodes = e.getElementsByTagNameNS("*", localName);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }

    /** Each file taken inline when it came so, else downloaded as {@code agency}, and checked. */
    List<Check> check(String agency, List<Announced> files) {
        List<Check> checks = new ArrayList<>();
        for (Announced f : files) {
            checks.add(f.base64() != null ? compare(f, "INLINE", decode(f.base64())) : download(agency, f));
        }
        return checks;
    }

    private Check download(String agency, Announced f) {
        if (f.href() == null) {
            return new Check(f.fileName(), f.sha256(), "NONE", 0, "tệp không có nội dung hay đường dẫn / no content nor link");
        }
        String token = tokens.get(agency.toUpperCase(Locale.ROOT));
        if (token == null) {
            return new Check(f.fileName(), f.sha256(), "LINK", 0, "no token of body " + agency + " to download with");
        }
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(f.href())).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                return new Check(f.fileName(), f.sha256(), "LINK", 0, "download answered HTTP " + r.statusCode());
            }
            return compare(f, "LINK", r.body());
        } catch (Exception e) {
            return new Check(f.fileName(), f.sha256(), "LINK", 0, "download failed: " + e);
        }
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Check compare(Announced f, String via, byte[] bytes) {
        if (bytes == null) {
            return new Check(f.fileName(), f.sha256(), via, 0, "base64 không đọc được / unreadable base64");
        }
        String actual = HexFormat.of().formatHex(Digests.sha256(bytes));
        return new Check(f.fileName(), f.sha256(), via, bytes.length, actual.equals(f.sha256()) ? null
                : "sha256 không khớp / sha256 mismatch: received " + actual);
    }

    /** The problems among the checks, as the partner states them when it refuses the message. */
    static List<String> problems(List<Check> checks) {
        return checks.stream().filter(c -> !c.matches()).map(c -> "tệp / file «" + c.fileName() + "»: " + c.problem())
                .toList();
    }
}
