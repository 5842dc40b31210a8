package vn.paknhub.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import vn.paknhub.core.messages.CanonicalMessages;

/**
 * The hub as the client of a partner's live system, before it is connected: the connector's own files
 * (its mappings and golden examples) make the messages, signed as the hub signs them, sent to the address
 * given; each answer goes through the connector's reply mapping, as it would in production. One verdict
 * per check, printed and as JUnit XML for the partner's CI:
 * <ul>
 * <li>{@code receipt}: a new dispatch is accepted;</li>
 * <li>{@code duplicate}: the same message again (same idempotency key) is answered as a duplicate, not
 * taken as a second case;</li>
 * <li>{@code signature}: a message with a wrong signature is not taken;</li>
 * <li>{@code refusal}: a dispatch without its title and content is refused, with a code the reply mapping
 * reads;</li>
 * <li>{@code error-reply}: a body that is not JSON gets a 4xx error reply the reply mapping reads as a
 * refusal (not an acceptance, not a server error);</li>
 * <li>{@code update}: a step on the hub's side about the accepted case is accepted.</li>
 * </ul>
 * JSON connectors ({@code rest-json-connector}) only for now; the partner's status webhook is not checked yet.
 */
public final class ConformanceKit {

    public record Check(String name, boolean passed, String detail, long millis) {
    }

    public record Report(String system, String url, List<Check> checks) {

        public boolean passed() {
            return checks.stream().allMatch(Check::passed);
        }

        /** The report as a JUnit XML test suite, one test case per check. */
        public String junitXml() {
            StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            x.append("<testsuite name=\"conformance.").append(escape(system)).append("\" tests=\"").append(checks.size())
                    .append("\" failures=\"").append(checks.stream().filter(c -> !c.passed()).count()).append("\">\n");
            for (Check c : checks) {
                x.append("  <testcase classname=\"conformance.").append(escape(system)).append("\" name=\"")
                        .append(escape(c.name())).append("\" time=\"").append(c.millis() / 1000.0).append("\"");
                if (c.passed()) {
                    x.append("/>\n");
                } else {
                    x.append(">\n    <failure message=\"").append(escape(c.detail())).append("\"/>\n  </testcase>\n");
                }
            }
            return x.append("</testsuite>\n").toString();
        }

        private static String escape(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }
    }

    private final ObjectMapper json;
    private final ConnectorFileCheck files;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public ConformanceKit(ObjectMapper json, CanonicalXml canonicalXml) {
        this.json = json;
        this.files = new ConnectorFileCheck(json, canonicalXml);
    }

    /** The partner's answer to one message, as the connector's reply mapping reads it. */
    private record Answer(int status, String outcome, String reference, String detail) {
    }

    public Report run(Path routeFile, Path mappingsDir, String url, byte[] key) throws Exception {
        String system = ConnectorFileCheck.systemOf(routeFile);
        Path dir = mappingsDir.resolve(system);
        List<Check> checks = new ArrayList<>();
        List<String> problems = files.check(routeFile, mappingsDir);
        if (!problems.isEmpty() || !Files.isRegularFile(dir.resolve("dispatch.jsonata"))) {
            checks.add(new Check("files", false, problems.isEmpty() ? "only JSON connectors (rest-json-connector) are"
                    + " checked yet" : String.join("; ", problems), 0));
            return new Report(system, url, checks);
        }
        String caseCode = "SKGP-" + LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).format(DateTimeFormatter.BASIC_ISO_DATE) + "-9"
                + String.format("%05d", ThreadLocalRandom.current().nextInt(100000));
        ObjectNode dispatch = (ObjectNode) json.readTree(dir.resolve("examples/dispatch.input.json").toFile());
        dispatch.put("messageId", UUID.randomUUID().toString()).put("caseCode", caseCode);
        // the example's download links point to a hub that is not there: only files carried inline are sent
        if (dispatch.path("item").path("attachments").isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode inline = json.createArrayNode();
            dispatch.path("item").path("attachments").forEach(a -> {
                if (a.hasNonNull("content")) {
                    inline.add(((ObjectNode) a.deepCopy()).without("link"));
                }
            });
            ((ObjectNode) dispatch.path("item")).set("attachments", inline);
        }
        String body = mapped(dir.resolve("dispatch.jsonata"), dispatch);
        String messageId = dispatch.path("messageId").asText();

        Answer[] first = new Answer[1];
        checks.add(timed("receipt", () -> {
            first[0] = send(dir, url, key, messageId, body, Function.identity());
            return "ACCEPTED".equals(first[0].outcome()) ? null : "a new dispatch was answered " + first[0];
        }));
        checks.add(timed("duplicate", () -> {
            Answer again = send(dir, url, key, messageId, body, Function.identity());
            return "DUPLICATE".equals(again.outcome()) ? null : "the same message (same Idempotency-Key) again was answered "
                    + again + ": it must be answered as a duplicate, never taken as a second case";
        }));
        checks.add(timed("signature", () -> {
            ObjectNode other = dispatch.deepCopy().put("messageId", UUID.randomUUID().toString());
            Answer forged = send(dir, url, key, other.path("messageId").asText(), mapped(dir.resolve("dispatch.jsonata"), other),
                    signature -> "sha256=" + "0".repeat(64));
            return taken(forged) ? "a message with a wrong X-Pakn-Signature was taken: " + forged : null;
        }));
        checks.add(timed("refusal", () -> {
            ObjectNode broken = dispatch.deepCopy().put("messageId", UUID.randomUUID().toString());
            ((ObjectNode) broken.path("item")).put("title", "").put("content", "");
            Answer refused = send(dir, url, key, broken.path("messageId").asText(), mapped(dir.resolve("dispatch.jsonata"), broken),
                    Function.identity());
            return "REFUSED".equals(refused.outcome()) ? null : "a dispatch without title and content was answered "
                    + refused + ": it must be refused with a code";
        }));
        checks.add(timed("error-reply", () -> {
            Answer unreadable = send(dir, url, key, UUID.randomUUID().toString(), "{\"not\": ", Function.identity());
            return unreadable.status() / 100 == 4 && "REFUSED".equals(unreadable.outcome()) ? null
                    : "a body that is not JSON was answered " + unreadable + ": it must be a 4xx error reply that"
                            + " reply.jsonata reads as a refusal";
        }));
        if (Files.isRegularFile(dir.resolve("update.jsonata")) && Files.isRegularFile(dir.resolve("examples/update.input.json"))) {
            checks.add(timed("update", () -> {
                ObjectNode update = (ObjectNode) json.readTree(dir.resolve("examples/update.input.json").toFile());
                update.put("messageId", UUID.randomUUID().toString()).put("caseCode", caseCode);
                if (first[0] != null && first[0].reference() != null) {
                    update.put("externalReference", first[0].reference());
                }
                Answer answer = send(dir, url, key, update.path("messageId").asText(), mapped(dir.resolve("update.jsonata"), update),
                        Function.identity());
                return "ACCEPTED".equals(answer.outcome()) || "DUPLICATE".equals(answer.outcome()) ? null
                        : "an update about the accepted case was answered " + answer;
            }));
        }
        return new Report(system, url, checks);
    }

    private static boolean taken(Answer a) {
        return "ACCEPTED".equals(a.outcome()) || "DUPLICATE".equals(a.outcome());
    }

    private interface Step {
        String failure() throws Exception;
    }

    private static Check timed(String name, Step step) {
        long start = System.nanoTime();
        String failure;
        try {
            failure = step.failure();
        } catch (Exception e) {
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return new Check(name, failure == null, failure == null ? "" : failure, (System.nanoTime() - start) / 1_000_000);
    }

    private String mapped(Path mapping, ObjectNode canonical) throws Exception {
        return files.apply(mapping, json.writeValueAsString(canonical));
    }

    /** Signed as the rest-json-connector signs: X-Pakn-Signature = sha256=HMAC(key, "timestamp.body"). */
    private Answer send(Path dir, String url, byte[] key, String messageId, String body, Function<String, String> signing)
            throws Exception {
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=utf-8").header("Idempotency-Key", messageId)
                .header("X-Pakn-Timestamp", timestamp)
                .header("X-Pakn-Signature", signing.apply(ConnectorSigner.signature(key, timestamp, body)))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() >= 500) {
            return new Answer(r.statusCode(), "UNAVAILABLE", null, "HTTP " + r.statusCode());
        }
        try {
            ConnectorReply reply = ConnectorReply.parse(files.apply(dir.resolve("reply.jsonata"), r.body()), json);
            return new Answer(r.statusCode(), reply.outcome(), reply.externalReference(), "");
        } catch (DeliveryRefused refused) {
            boolean malformed = String.valueOf(refused.getMessage()).startsWith("MALFORMED_REPLY");
            return new Answer(r.statusCode(), malformed ? "MALFORMED" : "REFUSED", null, refused.getMessage());
        } catch (Exception e) {
            return new Answer(r.statusCode(), "MALFORMED", null, "the answer is not what reply.jsonata reads: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    /**
     * {@code java -jar pakn-hub.jar conformance routes/<system>.yaml --url <address> [--mappings dir]
     * [--junit file.xml]}, the HMAC key in the environment variable the connector file names.
     */
    public static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(args.subList(1, args.size()));
        String url = option(rest, "--url");
        String mappings = option(rest, "--mappings");
        String junit = option(rest, "--junit");
        if (rest.size() != 1 || url == null) {
            err.println("java -jar pakn-hub.jar conformance routes/<system>.yaml --url <partner address> [--mappings mappings]"
                    + " [--junit report.xml]   (the HMAC key in the variable the file names, e.g. BKHCN_API_SIGNING_KEY)");
            return 2;
        }
        try {
            Path route = Path.of(rest.get(0));
            String variable = ConnectorFileCheck.signingKeyVariableOf(route).orElse(null);
            String key = variable == null ? null : env.get(variable);
            if (key == null || key.isBlank()) {
                err.println("Thiếu khóa ký / no signing key: set " + (variable == null ? "signingKeyVariable in " + route : variable));
                return 2;
            }
            ObjectMapper json = new ObjectMapper();
            Report report = new ConformanceKit(json, new CanonicalXml(new CanonicalMessages(), json)).run(route,
                    Path.of(mappings == null ? "mappings" : mappings), url, key.getBytes(StandardCharsets.UTF_8));
            report.checks().forEach(c -> out.println((c.passed() ? "PASS " : "FAIL ") + c.name() + (c.passed() ? "" : ": " + c.detail())));
            out.println(report.passed() ? "Đạt / PASSED" : "Không đạt / FAILED");
            if (junit != null) {
                Files.writeString(Path.of(junit), report.junitXml(), StandardCharsets.UTF_8);
            }
            return report.passed() ? 0 : 1;
        } catch (Exception e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    private static String option(List<String> args, String name) {
        int i = args.indexOf(name);
        if (i < 0 || i + 1 >= args.size()) {
            return null;
        }
        String value = args.get(i + 1);
        args.remove(i + 1);
        args.remove(i);
        return value;
    }
}
