import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The routing benchmark: how often the hub sends the labelled items of
 * src/test/resources/routing/labelled-items.json where regulation 03-QC/BCĐTW says (Đ10, Đ11.2đ).
 * Two steps, with bench/run.sh (BENCH=routing) in between reading the hub's database:
 *
 * <pre>
 * # 1. every item through the public intake API, as its submitter would send it; writes "id TAB code" lines
 * java -cp jackson-databind.jar:jackson-core.jar:jackson-annotations.jar bench/RoutingBench.java submit \
 *      --url http://127.0.0.1:18080/api/v1/submissions --items labelled-items.json --out codes.tsv
 * # 2. (run.sh waits for every case's row in case_routing and exports them, one JSON object a line:
 * #     {"code": …, "decision": …, "classification": …})
 * java -cp … bench/RoutingBench.java report --items labelled-items.json --codes codes.tsv \
 *      --routing routing.jsonl [--procedure-min 0.6] [--details true]
 * </pre>
 *
 * The report prints plain-text tables: accuracy per expected value (rule, triage, lead, coordinating
 * bodies, field, procedure) for the kept and the held-out ("aside") items, accuracy per class, and the
 * confusion of routes (expected rule × actual rule). What counts as the hub's answer:
 * <ul>
 * <li>rule, triage: the decision's;
 * <li>lead, coordinating: the decision's lead and COORDINATING destinations, compared on the items
 *     expected NOT to be triage (triage items have none; the hub records the Central Party Office as
 *     a triage decision's lead);
 * <li>field: the field the hub keeps on the case (the submitter's choice, or the one it was forwarded under:
 * field b for an administrative procedure), else the classifier's reading;
 * <li>procedure: the classifier's procedure confidence at or above --procedure-min (the hub's
 *     hub.routing.procedure-min-confidence).
 * </ul>
 * An item the intake refused counts as rule REFUSED, one never routed as NONE; both are wrong on
 * every value.
 */
public class RoutingBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Who sends the items: people and organisations of Đ2.3, each with what Đ8.2 asks for. */
    private static final String[][] SUBMITTERS = {
        {"Nguyễn Văn Hùng", null, "Thôn 3, xã Lạc Dương, tỉnh Lâm Đồng", "0912345678", null},
        {"Trần Thị Mai Anh", null, "Số 18 ngõ 42 phố Trần Duy Hưng, phường Trung Hòa, Hà Nội", null, "maianh.tran@example.vn"},
        {"Lê Minh Quân", "Công ty Cổ phần Công nghệ Sao Việt", "Tầng 5, 120 Nguyễn Văn Linh, Đà Nẵng", "02363888123",
            "quan.le@saoviet.example.vn"},
        {"Phạm Thu Hà", null, "Ấp Tân Hòa, xã Tân Thuận, tỉnh Đồng Tháp", "0977123456", "thuha.pham@example.vn"},
        {"Hoàng Đức Thắng", "Viện Nghiên cứu Hải dương học", "01 Cầu Đá, phường Nha Trang, tỉnh Khánh Hòa", null,
            "thang.hd@vienhaiduong.example.vn"},
        {"Đỗ Thị Lan", null, "Tổ 7, phường Tân Lập, tỉnh Thái Nguyên", "0388456789", null},
        {"Vũ Quốc Bảo", "Hiệp hội Doanh nghiệp phần mềm và dịch vụ số", "Số 9 Phạm Văn Bạch, Hà Nội", "0243795 1234",
            "vanphong@hiephoiso.example.vn"},
        {"Lò Văn Thắng", null, "Bản Na Sang, xã Mường Chà, tỉnh Điện Biên", "0869234567", null},
        {"Ngô Thị Hồng Nhung", null, "Trường THPT Nguyễn Du, tỉnh Hà Tĩnh", "0834567890", "nhung.nth@example.edu.vn"},
        {"Kim Soo-jin", "Công ty TNHH Giải pháp Dữ liệu Hàn Việt", "Tòa nhà Bitexco, Quận 1 cũ, TP Hồ Chí Minh", "+82 10 2345 6789",
            "soojin.kim@hanviet.example.com"},
        {"Trịnh Văn Lực", "Hợp tác xã Chè Tân Cương", "Xóm Hồng Thái, xã Tân Cương, tỉnh Thái Nguyên", "0915678123", null},
        {"Bùi Thanh Tâm", null, "Khu phố 4, phường Ninh Kiều, thành phố Cần Thơ", null, "tam.bui@example.vn"},
    };

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        Map<String, String> opt = new TreeMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        switch (args[0]) {
            case "submit" -> submit(opt);
            case "report" -> report(opt);
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: RoutingBench submit --url URL --items FILE --out FILE");
        System.err.println("       RoutingBench report --items FILE --codes FILE --routing FILE [--procedure-min 0.6] [--details true]");
        System.exit(2);
    }

    private static String need(Map<String, String> opt, String key) {
        String v = opt.get(key);
        if (v == null) {
            usage();
        }
        return v;
    }

    // ------------------------------------------------------------------------------------ submit

    private static void submit(Map<String, String> opt) throws Exception {
        URI url = URI.create(need(opt, "url"));
        for (InetAddress a : InetAddress.getAllByName(url.getHost())) {
            if (!a.isLoopbackAddress()) {
                System.err.println("refusing a non-loopback target " + url.getHost());
                System.exit(2);
            }
        }
        List<JsonNode> items = items(need(opt, "items"));
        String label = opt.getOrDefault("label", "routing" + Long.toString(System.currentTimeMillis(), 36));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        int accepted = 0;
        List<String> refused = new ArrayList<>();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(need(opt, "out")), StandardCharsets.UTF_8))) {
            int n = 0;
            for (JsonNode item : items) {
                String[] who = SUBMITTERS[n % SUBMITTERS.length];
                ObjectNode body = JSON.createObjectNode();
                body.put("title", item.path("title").asText());
                body.put("content", item.path("content").asText());
                body.set("field", item.path("field"));
                body.set("addressee", item.path("addressee"));
                if (item.path("submitter").isObject()) {
                    // the item's own person: a repeat (Đ8.4) comes from the same one as the item it repeats
                    body.set("submitter", item.path("submitter").deepCopy());
                } else {
                    ObjectNode submitter = body.putObject("submitter");
                    submitter.put("fullName", who[0]);
                    if (who[1] != null) {
                        submitter.put("organisation", who[1]);
                    }
                    submitter.put("address", who[2]);
                    // a contact of the item's own: the invented people write many items, and two of one person's
                    // items on a close subject would be a repeat (Đ8.4) that no label expects
                    if (who[4] != null) {
                        submitter.put("email", who[4].replace("@", "+" + item.path("id").asText() + "@"));
                    } else {
                        submitter.put("phone", String.format("09%08d", 10_000_000 + n));
                    }
                }
                body.put("consentToPublish", n % 3 != 0);
                String id = item.path("id").asText();
                HttpRequest req = request(url, label + "-" + id, JSON.writeValueAsString(body),
                        item.path("attachments").asInt(0));
                HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
                if (resp.statusCode() == 202 || resp.statusCode() == 201 || resp.statusCode() == 200) {
                    out.println(id + "\t" + JSON.readTree(resp.body()).path("code").asText());
                    accepted++;
                } else {
                    String why = "HTTP " + resp.statusCode() + " " + resp.body().replaceAll("\\s+", " ");
                    out.println(id + "\t-\t" + why);
                    refused.add(id + ": " + (why.length() > 300 ? why.substring(0, 300) + "…" : why));
                }
                n++;
            }
        }
        System.out.printf("submitted %d items: %d accepted, %d refused%n", items.size(), accepted, refused.size());
        refused.forEach(r -> System.out.println("  refused " + r));
    }

    /** The items of one or more files (comma-separated), in order. */
    private static List<JsonNode> items(String files) throws IOException {
        List<JsonNode> all = new ArrayList<>();
        for (String file : files.split(",")) {
            JSON.readTree(Path.of(file.strip()).toFile()).forEach(all::add);
        }
        return all;
    }

    /** A small PDF for the items whose text points to an attached file. */
    private static final byte[] ATTACHMENT = ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    /** The submission as JSON, or as a multipart form with {@code files} attachments, as the web form sends it. */
    private static HttpRequest request(URI url, String key, String json, int files) {
        HttpRequest.Builder req = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).header("Idempotency-Key", key);
        if (files == 0) {
            return req.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        }
        String boundary = "bench" + Long.toString(System.nanoTime(), 36);
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"submission\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + json + "\r\n").getBytes(StandardCharsets.UTF_8));
        for (int f = 1; f <= files; f++) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"de-xuat-"
                    + f + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(ATTACHMENT);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return req.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    // ------------------------------------------------------------------------------------ report

    /** The labelled values, in the order of the tables: the route (Đ10), then the screening (Đ8, Đ1.2, Đ11.3). */
    private static final List<String> VALUES = List.of("rule", "triage", "lead", "coordinating", "field", "procedure",
            "screening");
    private static final List<String> ROUTE_VALUES = VALUES.subList(0, 6);

    record Outcome(String rule, boolean triage, String lead, List<String> coordinating, String field, boolean procedure,
            String screening) {

        Object get(String value) {
            return switch (value) {
                case "rule" -> rule;
                case "triage" -> triage;
                case "lead" -> lead;
                case "coordinating" -> coordinating;
                case "field" -> field;
                case "procedure" -> procedure;
                case "screening" -> screening;
                default -> throw new IllegalArgumentException(value);
            };
        }
    }

    record Item(String id, String split, String cls, Outcome expected, Outcome actual) {

        /**
         * The route is compared on the items labelled with one (the routing set), lead and coordinating bodies only
         * where the item is expected to be sent on; the screening verdict on every item (ACCEPT when not labelled).
         */
        boolean counts(String value) {
            if (value.equals("screening")) {
                return true;
            }
            return !expected.rule().isEmpty()
                    && (!(value.equals("lead") || value.equals("coordinating")) || !expected.triage());
        }

        boolean right(String value) {
            return actual != null && Objects.equals(expected.get(value), actual.get(value));
        }

        boolean allRight() {
            return VALUES.stream().filter(this::counts).allMatch(this::right);
        }
    }

    private static void report(Map<String, String> opt) throws IOException {
        double procedureMin = Double.parseDouble(opt.getOrDefault("procedure-min", "0.6"));
        Map<String, String> codes = new LinkedHashMap<>();
        Map<String, String> refusedBy = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(need(opt, "codes")), StandardCharsets.UTF_8)) {
            String[] p = line.split("\t", 3);
            if (p.length >= 2 && !p[1].equals("-")) {
                codes.put(p[0], p[1]);
            } else if (p.length >= 1 && !p[0].isBlank()) {
                refusedBy.put(p[0], p.length > 2 ? p[2] : "refused");
            }
        }
        Map<String, JsonNode> routing = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(need(opt, "routing")), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                JsonNode r = JSON.readTree(line);
                routing.put(r.path("code").asText(), r);
            }
        }
        List<Item> items = new ArrayList<>();
        for (JsonNode it : items(need(opt, "items"))) {
            String id = it.path("id").asText();
            JsonNode e = it.path("expected");
            Outcome expected = new Outcome(e.path("rule").asText(), e.path("triage").asBoolean(), text(e.path("lead")),
                    strings(e.path("coordinating")), text(e.path("field")), e.path("procedure").asBoolean(),
                    e.path("screening").asText("ACCEPT"));
            Outcome actual;
            String code = codes.get(id);
            if (code == null) {
                actual = new Outcome("REFUSED", false, "?", List.of("?"), "?", false, refusal(refusedBy.get(id)));
            } else if (!routing.containsKey(code)) {
                actual = new Outcome("NONE", false, "?", List.of("?"), "?", false, "NONE");
            } else {
                actual = actual(routing.get(code), procedureMin);
            }
            items.add(new Item(id, it.path("split").asText(), it.path("class").asText(), expected, actual));
        }

        long routed = items.stream().filter(i -> !i.actual().rule().equals("REFUSED") && !i.actual().rule().equals("NONE")).count();
        System.out.printf("%d labelled items (%d kept, %d aside); %d accepted by the intake, %d routed%n", items.size(),
                items.stream().filter(i -> i.split().equals("kept")).count(),
                items.stream().filter(i -> i.split().equals("aside")).count(), codes.size(), routed);
        refusedBy.forEach((id, why) -> System.out.println("  refused by the intake: " + id + " " + shorten(why, 200)));

        System.out.println();
        System.out.println("Accuracy per expected value (correct/compared)");
        List<String> splits = List.of("kept", "aside", "all");
        StringBuilder head = new StringBuilder(String.format("%-14s", "value"));
        splits.forEach(s -> head.append(String.format("%22s", s)));
        System.out.println(head);
        for (String value : concat(VALUES, List.of("all"))) {
            StringBuilder row = new StringBuilder(String.format("%-14s", value));
            for (String split : splits) {
                List<Item> in = items.stream().filter(i -> split.equals("all") || i.split().equals(split)).toList();
                row.append(String.format("%22s", value.equals("all") ? ratio(in, Item::allRight, i -> true)
                        : ratio(in, i -> i.right(value), i -> i.counts(value))));
            }
            System.out.println(row);
        }
        System.out.println("(lead and coordinating are compared on the items expected to be sent on, not triage; "
                + "\"all\" = every compared value right)");

        System.out.println();
        System.out.println("Accuracy per class (all items; % correct)");
        System.out.println(String.format("%-24s %4s %7s %7s %7s %7s %7s %7s %7s %8s", "class", "n", "rule", "triage", "lead",
                "coord", "field", "proc", "screen", "all"));
        Map<String, List<Item>> byClass = new LinkedHashMap<>();
        items.forEach(i -> byClass.computeIfAbsent(i.cls(), k -> new ArrayList<>()).add(i));
        byClass.forEach((cls, in) -> {
            StringBuilder row = new StringBuilder(String.format("%-24s %4d", cls, in.size()));
            for (String value : VALUES) {
                row.append(String.format(" %7s", percent(in, i -> i.right(value), i -> i.counts(value))));
            }
            row.append(String.format(" %8s", percent(in, Item::allRight, i -> true)));
            System.out.println(row);
        });
        System.out.println("(\"-\": nothing to compare, e.g. the lead of items expected to wait for triage)");

        System.out.println();
        System.out.println("Routes: expected rule (rows) × actual rule (columns), all items");
        List<String> rules = List.of("D10.1", "D10.2a", "D10.2b", "D10.3", "D10.4", "LOW_CONFIDENCE");
        Set<String> actualRules = new LinkedHashSet<>(rules);
        items.forEach(i -> actualRules.add(i.actual().rule()));
        StringBuilder confusionHead = new StringBuilder(String.format("%-16s", "expected\\actual"));
        actualRules.forEach(r -> confusionHead.append(String.format("%9s", abbreviate(r))));
        confusionHead.append(String.format("%8s", "total"));
        System.out.println(confusionHead);
        for (String expectedRule : rules) {
            List<Item> in = items.stream().filter(i -> i.expected().rule().equals(expectedRule)).toList();
            StringBuilder row = new StringBuilder(String.format("%-16s", abbreviate(expectedRule)));
            for (String actualRule : actualRules) {
                row.append(String.format("%9d", in.stream().filter(i -> i.actual().rule().equals(actualRule)).count()));
            }
            row.append(String.format("%8d", in.size()));
            System.out.println(row);
        }
        System.out.println("(LOW_CONF = LOW_CONFIDENCE; D11.2c = returned by a body; NONE = no routing record; "
                + "REFUSED = refused by the intake)");

        System.out.println();
        System.out.println("Screening: expected verdict (rows) × actual verdict (columns), kept | aside");
        List<String> verdicts = List.of("ACCEPT", "D8.1", "D8.2", "D8.3", "REPEAT", "FAST_CLOSE", "OUT_OF_SCOPE");
        Set<String> actualVerdicts = new LinkedHashSet<>(verdicts);
        items.forEach(i -> actualVerdicts.add(i.actual().screening()));
        StringBuilder verdictHead = new StringBuilder(String.format("%-14s", "expected\\actual"));
        actualVerdicts.forEach(v -> verdictHead.append(String.format("%11s", abbreviate(v))));
        System.out.println(verdictHead);
        for (String expectedVerdict : verdicts) {
            List<Item> in = items.stream().filter(i -> i.expected().screening().equals(expectedVerdict)).toList();
            StringBuilder row = new StringBuilder(String.format("%-14s", abbreviate(expectedVerdict)));
            for (String actualVerdict : actualVerdicts) {
                row.append(String.format("%11s", in.stream().filter(i -> i.split().equals("kept")
                        && i.actual().screening().equals(actualVerdict)).count() + " | " + in.stream().filter(i ->
                        i.split().equals("aside") && i.actual().screening().equals(actualVerdict)).count()));
            }
            System.out.println(row);
        }
        System.out.println("(D8.1 shorthand or not Vietnamese, refused by the intake; D8.2 asked to clarify, or refused by "
                + "the intake as too short to say anything (Đ8.2); D8.3 held for "
                + "verification; REPEAT flagged as the same person's item again; FAST_CLOSE suggested for the fast close; "
                + "OUT_OF_SCOPE complaint refused by the intake)");

        if (Boolean.parseBoolean(opt.getOrDefault("details", "false"))) {
            System.out.println();
            System.out.println("Items whose route differs (rule, lead or coordinating bodies)");
            System.out.println(String.format("%-5s %-6s %-22s %-44s %s", "id", "split", "class", "expected", "actual"));
            for (Item i : items) {
                boolean wrong = ROUTE_VALUES.stream().filter(v -> !v.equals("field") && !v.equals("procedure"))
                        .anyMatch(v -> i.counts(v) && !i.right(v));
                if (wrong) {
                    System.out.println(String.format("%-5s %-6s %-22s %-44s %s", i.id(), i.split(), i.cls(),
                            route(i.expected()), route(i.actual())));
                }
            }
            System.out.println();
            System.out.println("Items whose field differs");
            for (Item i : items) {
                if (i.counts("field") && !i.right("field")) {
                    System.out.println(String.format("%-5s %-6s %-22s %-6s %s", i.id(), i.split(), i.cls(),
                            i.expected().field(), i.actual().field()));
                }
            }
            System.out.println();
            System.out.println("Items whose screening verdict differs");
            for (Item i : items) {
                if (!i.right("screening")) {
                    System.out.println(String.format("%-5s %-6s %-22s %-14s %s", i.id(), i.split(), i.cls(),
                            i.expected().screening(), i.actual().screening()));
                }
            }
        }
    }

    /** The screening verdict of an item the intake refused, from the rule its answer names. */
    private static String refusal(String answer) {
        if (answer == null) {
            return "REFUSED";
        }
        if (answer.contains("D8.1-")) {
            return "D8.1";
        }
        if (answer.contains("D1.2-out-of-scope")) {
            return "OUT_OF_SCOPE";
        }
        // a title or content too short to say anything: the form answers at once, citing Đ8.2
        return answer.contains("\"rule\":\"length\"") && answer.contains("Điều 8.2") ? "D8.2" : "REFUSED";
    }

    /** The screening verdict of a routed item: the stop routing made, else the flags it raised, else ACCEPT. */
    private static String screening(JsonNode row) {
        String stop = text(row.path("decision").path("screening").path("rule"));
        if (stop != null) {
            return stop;
        }
        List<String> events = strings(row.path("events"));
        return events.contains("POSSIBLE_REPEAT") ? "REPEAT" : events.contains("FAST_CLOSE_SUGGESTED") ? "FAST_CLOSE" : "ACCEPT";
    }

    private static Outcome actual(JsonNode row, double procedureMin) {
        JsonNode d = row.path("decision");
        JsonNode c = row.path("classification");
        boolean triage = d.path("triage").asBoolean();
        List<String> coordinating = new ArrayList<>();
        for (JsonNode dest : d.path("destinations")) {
            if ("COORDINATING".equals(dest.path("role").asText())) {
                coordinating.add(dest.path("agency").asText());
            }
        }
        return new Outcome(d.path("rule").asText(), triage, triage ? null : text(d.path("leadAgency")),
                triage ? List.of() : coordinating,
                text(row.path("caseField")) != null ? text(row.path("caseField")) : text(c.path("field").path("fieldCode")),
                c.path("procedure").path("confidence").asDouble() >= procedureMin, screening(row));
    }

    private static String route(Outcome o) {
        return o.rule() + (o.triage() ? " triage" : " → " + o.lead() + (o.coordinating().isEmpty() ? ""
                : " +" + String.join(",", o.coordinating())));
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? null : n.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String ratio(List<Item> in, java.util.function.Predicate<Item> right,
            java.util.function.Predicate<Item> compared) {
        List<Item> c = in.stream().filter(compared).toList();
        if (c.isEmpty()) {
            return "-";
        }
        long ok = c.stream().filter(right).count();
        return String.format("%d/%d %5.1f %%", ok, c.size(), 100.0 * ok / c.size());
    }

    private static String percent(List<Item> in, java.util.function.Predicate<Item> right,
            java.util.function.Predicate<Item> compared) {
        List<Item> c = in.stream().filter(compared).toList();
        return c.isEmpty() ? "-" : String.format("%.0f", 100.0 * c.stream().filter(right).count() / c.size());
    }

    private static String abbreviate(String rule) {
        return rule.equals("LOW_CONFIDENCE") ? "LOW_CONF" : rule;
    }

    private static String shorten(String s, int max) {
        return s.length() > max ? s.substring(0, max) + "…" : s;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
