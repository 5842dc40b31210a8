package vn.paknhub.delivery;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import com.dashjoin.jsonata.JException;
import com.fasterxml.jackson.databind.JsonNode;
import javax.xml.transform.SourceLocator;
import javax.xml.transform.Templates;
import javax.xml.transform.TransformerException;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.TransformerFactoryImpl;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import vn.paknhub.core.messages.CanonicalMessages;
import vn.paknhub.core.messages.InvalidMessageException;
import vn.paknhub.core.xml.UntrustedXml;

/**
 * Checks one integrator-owned connector: its routes/&lt;system&gt;.yaml and its mappings/&lt;system&gt;/
 * files, and runs the mappings' golden examples. Every problem names the file and what is wrong, so
 * that an integrator can fix it without reading a stack trace.
 */
public final class ConnectorFileCheck {

    static final String DELIVERY = ConnectorTemplates.DELIVERY;
    static final String STATUS = ConnectorTemplates.STATUS;
    private static final ConnectorTemplates TEMPLATES = ConnectorTemplates.shipped();

    private static final Pattern SYSTEM_ID = Pattern.compile("^[a-z0-9][a-z0-9-]{1,62}$");

    private final ObjectMapper json;
    private final CanonicalXml canonicalXml;

    private final UnaryOperator<String> placeholders;

    /** A check of the files as written (offline: placeholders are checked as placeholders). */
    public ConnectorFileCheck(ObjectMapper json, CanonicalXml canonicalXml) {
        this(json, canonicalXml, UnaryOperator.identity());
    }

    /**
     * A check on a running hub: a value written as a placeholder ({@code {{hub.connectors.url.bkhcn-api}}})
     * is checked again once {@code placeholders} has resolved it, so that an address never given is named.
     */
    public ConnectorFileCheck(ObjectMapper json, CanonicalXml canonicalXml, UnaryOperator<String> placeholders) {
        this.json = json;
        this.canonicalXml = canonicalXml;
        this.placeholders = placeholders;
    }

    public static String systemOf(Path routeFile) {
        return routeFile.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    }

    /**
     * The problems of a connector; empty when it can be loaded. Each is one line, {@code file:line: what is
     * wrong and the fix} (the line where it is known), so that an editor or a CI log links to the place.
     */
    public List<String> check(Path routeFile, Path mappingsDir) {
        List<String> problems = new ArrayList<>();
        String system = systemOf(routeFile);
        if (!SYSTEM_ID.matcher(system).matches()) {
            return List.of(routeFile + ":1: the file name must be the system id: lower-case letters, digits and '-'"
                    + " (rename it, e.g. bxd-api.yaml)");
        }
        Source source;
        List<Map<?, ?>> entries;
        try {
            source = Source.read(routeFile);
            entries = templatedRoutes(source.text());
        } catch (IOException e) {
            return List.of(routeFile + ": cannot be read: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return List.of(routeFile + ":1: " + e.getMessage());
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            return List.of(routeFile + ":" + line + ": not valid YAML: " + String.valueOf(e.getProblem())
                    + " (check the indentation and the quotes around values holding ':', '{' or '#')");
        } catch (RuntimeException e) {
            return List.of(routeFile + ":1: not valid YAML: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        List<Integer> starts = source.linesMatching(ENTRY);
        List<ConnectorTemplates.Template> used = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Map<?, ?> templated = entries.get(i);
            int start = i < starts.size() ? starts.get(i) : 1;
            Object ref = templated.get("routeTemplateRef");
            ConnectorTemplates.Template template = TEMPLATES.get(String.valueOf(ref)).orElse(null);
            if (template == null) {
                return List.of(source.at("routeTemplateRef", start) + ": routeTemplateRef '" + ref + "' is not a connector template"
                        + ConnectorTemplates.nearest(String.valueOf(ref), TEMPLATES.names()).map(n -> "; did you mean '" + n + "'?")
                                .orElse("; use one of " + TEMPLATES.names()));
            }
            if (used.stream().anyMatch(t -> t.routePrefix().equals(template.routePrefix()))) {
                return List.of(source.at("routeTemplateRef", start) + ": more than one '" + template.routePrefix()
                        + "' entry: a system has one way in and one way out (remove one)");
            }
            used.add(template);
            problems.addAll(checkEntry(source, start, system, template, templated));
        }
        if (used.stream().noneMatch(t -> t.routePrefix().equals(DELIVERY))) {
            problems.add(routeFile + ":1: no delivery entry: add one using one of " + TEMPLATES.namesGoing(DELIVERY));
        }
        Path dir = mappingsDir.resolve(system);
        List<String> mappings = new ArrayList<>();
        for (ConnectorTemplates.Template t : used) {
            for (String mapping : t.mappings()) {
                mappings.add(mapping);
                problems.addAll(checkMapping(dir.resolve(mapping), t.name()));
            }
        }
        // the optional mapping of the partner's export for reconciliation: checked like the others when present
        if (Files.isRegularFile(dir.resolve(RECONCILE))) {
            mappings.add(RECONCILE);
            problems.addAll(checkMapping(dir.resolve(RECONCILE), "reconciliation"));
        }
        if (problems.isEmpty()) {
            problems.addAll(runExamples(dir, mappings));
        }
        return problems;
    }

    static final String RECONCILE = "reconcile.jsonata";
    private static final Pattern ENTRY = Pattern.compile("^\\s*-\\s*templatedRoute\\s*:");
    private static final Pattern PARAMETER = Pattern.compile("parameter '([^']+)'");

    /** The text of a file and where things are in it (YAML keeps no line numbers once loaded as maps). */
    record Source(Path file, String text, List<String> lines) {

        static Source read(Path file) throws IOException {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return new Source(file, text, text.lines().toList());
        }

        List<Integer> linesMatching(Pattern p) {
            List<Integer> found = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (p.matcher(lines.get(i)).find()) {
                    found.add(i + 1);
                }
            }
            return found;
        }

        /** "file:line" of the first line from {@code from} on that holds the key (or the entry's line). */
        String at(String key, int from) {
            return file + ":" + line(Pattern.compile("\\b" + Pattern.quote(key) + "\\s*:"), from);
        }

        /** "file:line" of the parameter named (its {@code name:} line), else of the entry's parameters. */
        String atParameter(String name, int from) {
            int line = line(Pattern.compile("\\bname\\s*:\\s*[\"']?" + Pattern.quote(name) + "[\"']?\\s*(,|}|$)"), -from);
            return line > 0 ? file + ":" + line : at("parameters", from);
        }

        /** The line number (1-based) of the first match at or after {@code from}; from when none (or -1 when from < 0). */
        int line(Pattern p, int from) {
            int start = Math.abs(from);
            for (int i = Math.max(0, start - 1); i < lines.size(); i++) {
                if (i > start - 1 && ENTRY.matcher(lines.get(i)).find()) {
                    break;
                }
                if (p.matcher(lines.get(i)).find()) {
                    return i + 1;
                }
            }
            return from < 0 ? -1 : start;
        }
    }

    private List<String> checkEntry(Source source, int start, String system, ConnectorTemplates.Template template,
            Map<?, ?> templated) {
        List<String> problems = new ArrayList<>();
        if (!(template.routePrefix() + system).equals(templated.get("routeId"))) {
            problems.add(source.at("routeId", start) + ": routeId must be '" + template.routePrefix() + system + "'");
        }
        List<String> shape = new ArrayList<>();
        Map<String, String> params = parameters(templated.get("parameters"), "", shape);
        shape.forEach(p -> problems.add(source.at("parameters", start) + p));
        template.problems(params).forEach(p -> problems.add(parameterAt(source, start, p) + ": " + p));
        if (params.containsKey("system") && !system.equals(params.get("system"))) {
            problems.add(source.atParameter("system", start) + ": parameter 'system' must be '" + system + "', the file's name");
        }
        if (problems.isEmpty()) {
            // placeholders resolved as the running hub would: an address or code the environment never gave
            Map<String, String> resolved = new LinkedHashMap<>();
            params.forEach((k, v) -> resolved.put(k, v.contains("{{") ? placeholders.apply(v) : v));
            if (!resolved.equals(params)) {
                for (String p : template.problems(resolved)) {
                    problems.add(parameterAt(source, start, p) + ": " + p + " (as resolved from " + params.entrySet().stream()
                            .filter(e -> e.getValue().contains("{{")).map(Map.Entry::getValue).toList()
                            + ": set the environment variable application.yml names for it)");
                }
            }
        }
        return problems;
    }

    private static String parameterAt(Source source, int start, String problem) {
        Matcher m = PARAMETER.matcher(problem);
        if (!m.find() || problem.contains("' is missing")) {
            return source.at("parameters", start);
        }
        return source.atParameter(m.group(1), start);
    }

    /**
     * The bodies the connector file says its system serves (parameter {@code agencies}); nothing when
     * the file cannot be read, which {@link #check} reports.
     */
    public static Optional<List<String>> agenciesOf(Path routeFile) {
        try {
            String codes = "";
            for (Map<?, ?> entry : templatedRoutes(Files.readString(routeFile, StandardCharsets.UTF_8))) {
                codes = parameters(entry.get("parameters"), routeFile.toString(), new ArrayList<>())
                        .getOrDefault("agencies", codes);
            }
            return Optional.of(Stream.of(codes.split(",")).map(String::strip).filter(c -> !c.isEmpty()).toList());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The environment variable the delivery entry names for its HMAC key, when it names one. */
    public static Optional<String> signingKeyVariableOf(Path routeFile) {
        try {
            for (Map<?, ?> entry : templatedRoutes(Files.readString(routeFile, StandardCharsets.UTF_8))) {
                String variable = parameters(entry.get("parameters"), routeFile.toString(), new ArrayList<>())
                        .get("signingKeyVariable");
                if (variable != null && String.valueOf(entry.get("routeId")).startsWith(DELIVERY)) {
                    return Optional.of(variable);
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<Map<?, ?>> templatedRoutes(String yaml) {
        Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        List<Map<?, ?>> entries = new ArrayList<>();
        if (doc instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> entry && entry.size() == 1 && entry.get("templatedRoute") instanceof Map<?, ?> t) {
                    entries.add(t);
                } else {
                    entries.clear();
                    break;
                }
            }
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("must hold '- templatedRoute:' entries only: one to deliver items and at"
                    + " most one to receive status updates");
        }
        return entries;
    }

    private static Map<String, String> parameters(Object raw, String file, List<String> problems) {
        Map<String, String> params = new LinkedHashMap<>();
        if (!(raw instanceof List<?> list)) {
            problems.add(file + ": 'parameters' must be a list of {name, value}");
            return params;
        }
        for (Object p : list) {
            if (p instanceof Map<?, ?> m && m.get("name") != null && m.get("value") != null) {
                params.put(m.get("name").toString(), m.get("value").toString());
            } else {
                problems.add(file + ": every parameter needs a name and a value: " + p);
            }
        }
        return params;
    }

    private List<String> checkMapping(Path mapping, String template) {
        if (!Files.isRegularFile(mapping)) {
            return List.of(mapping + ": missing: template " + template + " reads it (write it; the shipped"
                    + " mappings/<system>/ of the same template are examples)");
        }
        try {
            String text = Files.readString(mapping, StandardCharsets.UTF_8);
            if (mapping.toString().endsWith(".jsonata")) {
                try {
                    Jsonata.jsonata(text);
                } catch (JException e) {
                    return List.of(mapping + ":" + lineAt(text, e.getLocation()) + ": does not compile: "
                            + firstLine(e.getMessage()) + " (JSONata, https://docs.jsonata.org)");
                }
            } else {
                xslt(mapping);
            }
            return List.of();
        } catch (TransformerException e) {
            SourceLocator where = e.getLocator();
            return List.of(mapping + ":" + (where != null && where.getLineNumber() > 0 ? where.getLineNumber() : 1)
                    + ": does not compile: " + firstLine(e.getMessageAndLocation()) + " (XSLT 3.0)");
        } catch (Exception e) {
            return List.of(mapping + ":1: does not compile: " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String s) {
        return String.valueOf(s).lines().findFirst().orElse("");
    }

    private static int lineAt(String text, int position) {
        int line = 1;
        for (int i = 0; i < Math.min(Math.max(position, 0), text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * Golden examples: examples/&lt;mapping&gt;[-&lt;case&gt;].input.* must map to the matching .expected.*.
     * Every mapping needs at least one, so that an edit that changes its output is seen at once.
     */
    private List<String> runExamples(Path dir, List<String> mappings) {
        List<String> problems = new ArrayList<>();
        Path examples = dir.resolve("examples");
        // an example none of the connector's mappings reads is a mistake in its name, which would hide that its mapping is untested
        try (Stream<Path> files = Files.isDirectory(examples) ? Files.list(examples) : Stream.empty()) {
            List<String> names = mappings.stream().map(m -> m.substring(0, m.indexOf('.'))).toList();
            files.map(p -> p.getFileName().toString()).filter(f -> f.matches("[^.]+\\.input\\.(json|xml)"))
                    .filter(f -> !names.contains(f.replaceFirst("(-[^.]+)?\\.input\\..*$", ""))).sorted()
                    .forEach(f -> problems.add(examples.resolve(f) + ":1: no mapping of this connector is called '"
                            + f.replaceFirst("(-[^.]+)?\\.input\\..*$", "") + "': its examples are named after "
                            + mappings + " (rename it)"));
        } catch (IOException e) {
            return List.of(examples + ": " + e.getMessage());
        }
        for (String mapping : mappings) {
            String name = mapping.substring(0, mapping.indexOf('.'));
            List<Path> inputs;
            try (Stream<Path> files = Files.isDirectory(examples) ? Files.list(examples) : Stream.empty()) {
                inputs = files.filter(p -> p.getFileName().toString().matches(Pattern.quote(name) + "(-[^.]+)?\\.input\\.(json|xml)"))
                        .sorted().toList();
            } catch (IOException e) {
                return List.of(examples + ": " + e.getMessage());
            }
            if (inputs.isEmpty()) {
                problems.add(examples + ":1: no golden example for " + mapping + " (" + name + ".input.json|xml and "
                        + name + ".expected.json|xml)");
            }
            for (Path input : inputs) {
                problems.addAll(runExample(dir.resolve(mapping), input));
            }
        }
        return problems;
    }

    private List<String> runExample(Path mapping, Path input) {
        String base = input.getFileName().toString().replaceFirst("\\.input\\.(json|xml)$", "");
        Path expectedJson = input.resolveSibling(base + ".expected.json");
        Path expectedXml = input.resolveSibling(base + ".expected.xml");
        Path expected = Files.exists(expectedJson) ? expectedJson : expectedXml;
        if (!Files.exists(expected)) {
            return List.of(input + ":1: no " + base + ".expected.json or .expected.xml beside it (write what the mapping"
                    + " must give for this input)");
        }
        String name = mapping.getFileName().toString().replaceFirst("\\..*$", "");
        String in;
        try {
            in = Files.readString(input, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of(input + ": cannot be read: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>(canonicalInput(name, input, in));
        if (!problems.isEmpty()) {
            return problems;
        }
        try {
            String actual = apply(mapping, in);
            String want = Files.readString(expected, StandardCharsets.UTF_8);
            Optional<String[]> difference = expected.toString().endsWith(".json")
                    ? JsonDifference.first(json.readTree(actual), json.readTree(want))
                    : XmlDifference.first(actual, want);
            if (difference.isPresent()) {
                String[] d = difference.get();
                return List.of(expected + ":" + lineOf(expected, d[3]) + ": golden example " + input.getFileName()
                        + " no longer holds at " + d[0] + ": " + mapping.getFileName() + " gives " + d[1] + ", "
                        + expected.getFileName() + " expects " + d[2]
                        + " (fix the mapping, or if its new output is right, the expected file)");
            }
            problems.addAll(canonicalResult(name, mapping, input, actual));
            return problems;
        } catch (Exception e) {
            return List.of(mapping + ":1: golden example " + input.getFileName() + " fails: " + firstLine(e.getMessage()));
        }
    }

    /**
     * What the hub gives a hub-to-partner mapping (dispatch, update) is a canonical message: an example input
     * that breaks its JSON Schema or XSD tests a message the hub never sends.
     */
    private List<String> canonicalInput(String name, Path input, String text) {
        CanonicalMessages.Kind kind = switch (name) {
            case "dispatch" -> CanonicalMessages.Kind.CASE_DISPATCH;
            case "update" -> CanonicalMessages.Kind.STATUS_UPDATE;
            default -> null;
        };
        if (kind == null) {
            return List.of();
        }
        List<String> violations = new ArrayList<>();
        try {
            if (text.strip().startsWith("<")) {
                violations.addAll(canonicalXml.messages().violationsOfXml(kind, text));
            } else {
                violations.addAll(canonicalXml.messages().violationsOf(kind, json.readTree(text)));
                if (violations.isEmpty()) {
                    canonicalXml.asXml(text); // the XML form, against the XSD
                }
            }
        } catch (InvalidMessageException e) {
            violations.addAll(e.violations());
        } catch (Exception e) {
            violations.add(firstLine(e.getMessage()));
        }
        return violations.isEmpty() ? List.of() : List.of(input + ":1: not a canonical " + kind.schemaId() + " message"
                + " (schemas/messages/" + kind.messageName() + ".v" + kind.version() + ".schema.json and .xsd): "
                + String.join("; ", violations) + " (the hub never sends this: correct the example input)");
    }

    /** What a partner-to-hub mapping (status, poll, reply) gives must be what the hub reads. */
    private List<String> canonicalResult(String name, Path mapping, Path input, String actual) throws IOException {
        String where = mapping + ":1: golden example " + input.getFileName() + " gives ";
        switch (name) {
            case "status" -> {
                return statusViolations(actual).stream().map(v -> where + "a status update the hub refuses: " + v
                        + " (schemas/messages/status-update.v1.schema.json)").toList();
            }
            case "poll" -> {
                JsonNode answer = json.readTree(actual);
                if (!answer.path("updates").isArray()) {
                    return List.of(where + "no 'updates' list: the poll mapping must give {\"cursor\": …, \"updates\": […]}");
                }
                List<String> problems = new ArrayList<>();
                for (JsonNode u : answer.path("updates")) {
                    statusViolations(json.writeValueAsString(u)).forEach(v -> problems.add(where
                            + "a status update the hub refuses: " + v + " (schemas/messages/status-update.v1.schema.json)"));
                }
                return problems;
            }
            case "reconcile" -> {
                JsonNode list = json.readTree(actual);
                if (!list.path("cases").isArray()) {
                    return List.of(where + "no 'cases' list: the reconcile mapping must give {\"cases\": [{\"caseCode\", \"copies\", \"status\"}]}");
                }
                List<String> problems = new ArrayList<>();
                for (JsonNode c : list.path("cases")) {
                    if (!c.path("caseCode").asText("").matches("SKGP-\\d{8}-\\d{6}")) {
                        problems.add(where + "a case without a tracking code (caseCode SKGP-yyyymmdd-nnnnnn): " + c);
                    }
                }
                return problems;
            }
            case "reply" -> {
                try {
                    ConnectorReply.parse(actual, json);
                } catch (DeliveryRefused e) {
                    if (String.valueOf(e.getMessage()).startsWith("MALFORMED_REPLY")) {
                        return List.of(where + "a reply the hub cannot read: " + e.getMessage()
                                + " (outcome must be ACCEPTED, DUPLICATE or REFUSED)");
                    }
                }
                return List.of();
            }
            default -> {
                return List.of();
            }
        }
    }

    /**
     * The rules the hub applies to a mapped status update: the canonical schema (JSON, and XSD for an XML
     * mapping's result), except that a status the mapping does not know ({@code "status": null} with the
     * partner's {@code externalStatus}) is parked for an operator, never refused.
     */
    private List<String> statusViolations(String mapped) {
        try {
            boolean xml = mapped.strip().startsWith("<");
            JsonNode m = json.readTree(xml ? canonicalXml.statusAsJson(mapped) : mapped);
            if (m.path("status").isNull() || m.path("status").isMissingNode()) {
                return m.path("externalStatus").asText("").isBlank() || m.path("messageId").asText("").isBlank()
                        ? List.of("an unknown status needs \"status\": null, the partner's \"externalStatus\" and a messageId")
                        : List.of();
            }
            List<String> violations = new ArrayList<>(canonicalXml.messages().violationsOf(CanonicalMessages.Kind.STATUS_UPDATE, m));
            if (violations.isEmpty() && xml) {
                violations.addAll(canonicalXml.messages().violationsOfXml(CanonicalMessages.Kind.STATUS_UPDATE, mapped));
            } else if (violations.isEmpty()) {
                try {
                    canonicalXml.asXml(mapped);
                } catch (InvalidMessageException e) {
                    violations.addAll(e.violations());
                }
            }
            return violations;
        } catch (Exception e) {
            return List.of("not readable: " + firstLine(e.getMessage()));
        }
    }

    /** The line of the expected file holding the first differing key or element (1 when not found). */
    private static int lineOf(Path file, String needle) {
        if (needle == null || needle.isEmpty()) {
            return 1;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(needle)) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            return 1;
        }
        return 1;
    }

    /** The first place two JSON documents differ: {path, actual, expected, text to find in the expected file}. */
    static final class JsonDifference {

        static Optional<String[]> first(JsonNode actual, JsonNode expected) {
            return walk("", null, actual, expected);
        }

        private static Optional<String[]> walk(String path, String key, JsonNode a, JsonNode e) {
            if (a != null && e != null && a.isObject() && e.isObject()) {
                java.util.Set<String> names = new java.util.LinkedHashSet<>();
                e.fieldNames().forEachRemaining(names::add);
                a.fieldNames().forEachRemaining(names::add);
                for (String n : names) {
                    Optional<String[]> d = walk(path + "/" + n, n, a.get(n), e.get(n));
                    if (d.isPresent()) {
                        return d;
                    }
                }
                return Optional.empty();
            }
            if (a != null && e != null && a.isArray() && e.isArray() && a.size() == e.size()) {
                for (int i = 0; i < a.size(); i++) {
                    Optional<String[]> d = walk(path + "/" + i, key, a.get(i), e.get(i));
                    if (d.isPresent()) {
                        return d;
                    }
                }
                return Optional.empty();
            }
            if (a == null ? e == null : a.equals(e)) {
                return Optional.empty();
            }
            return Optional.of(new String[] {path.isEmpty() ? "/" : path, shown(a), shown(e),
                    key == null ? null : "\"" + key + "\""});
        }

        private static String shown(JsonNode n) {
            String s = n == null ? "nothing" : n.toString();
            return s.length() > 120 ? s.substring(0, 117) + "…" : s;
        }
    }

    /** The first place two XML documents differ (indentation is not content). */
    static final class XmlDifference {

        static Optional<String[]> first(String actual, String expected) throws Exception {
            Document x = UntrustedXml.parse(actual);
            Document y = UntrustedXml.parse(expected);
            strip(x);
            strip(y);
            x.normalizeDocument();
            y.normalizeDocument();
            return walk("/" + name(x.getDocumentElement()), x.getDocumentElement(), y.getDocumentElement());
        }

        private static Optional<String[]> walk(String path, Node a, Node e) {
            if (!java.util.Objects.equals(name(a), name(e)) || !java.util.Objects.equals(a.getNamespaceURI(), e.getNamespaceURI())) {
                return Optional.of(new String[] {path, describe(a), describe(e), "<" + shortName(e)});
            }
            if (a.getNodeType() == Node.TEXT_NODE || a.getNodeType() == Node.CDATA_SECTION_NODE) {
                return a.getNodeValue().equals(e.getNodeValue()) ? Optional.empty()
                        : Optional.of(new String[] {path, describe(a), describe(e), e.getNodeValue().strip()});
            }
            if (a.getNodeType() == Node.ELEMENT_NODE && !sameAttributes(a, e)) {
                return Optional.of(new String[] {path + "/@*", describe(a), describe(e), "<" + shortName(e)});
            }
            Node ca = a.getFirstChild();
            Node ce = e.getFirstChild();
            int i = 1;
            while (ca != null || ce != null) {
                if (ca == null || ce == null) {
                    return Optional.of(new String[] {path + "/node()[" + i + "]", describe(ca), describe(ce),
                            ce == null ? null : "<" + shortName(ce)});
                }
                String step = ca.getNodeType() == Node.ELEMENT_NODE ? "/" + name(ca) : "/text()";
                Optional<String[]> d = walk(path + step, ca, ce);
                if (d.isPresent()) {
                    return d;
                }
                ca = ca.getNextSibling();
                ce = ce.getNextSibling();
                i++;
            }
            return Optional.empty();
        }

        private static boolean sameAttributes(Node a, Node e) {
            return a.isEqualNode(e) || attributes(a).equals(attributes(e));
        }

        private static java.util.Map<String, String> attributes(Node n) {
            java.util.Map<String, String> all = new java.util.TreeMap<>();
            var attrs = n.getAttributes();
            for (int i = 0; attrs != null && i < attrs.getLength(); i++) {
                Node at = attrs.item(i);
                if (!at.getNodeName().startsWith("xmlns")) {
                    all.put(at.getNodeName(), at.getNodeValue());
                }
            }
            return all;
        }

        private static String name(Node n) {
            return n == null ? null : n.getLocalName() == null ? n.getNodeName() : n.getLocalName();
        }

        private static String shortName(Node n) {
            return n.getNodeName();
        }

        private static String describe(Node n) {
            if (n == null) {
                return "nothing";
            }
            String s = n.getNodeType() == Node.ELEMENT_NODE ? "<" + n.getNodeName() + ">" + n.getTextContent().strip()
                    : "'" + n.getNodeValue() + "'";
            return s.length() > 120 ? s.substring(0, 117) + "…" : s;
        }
    }

    /** Applies a mapping the way its connector does (an XSLT dispatch reads the canonical XML form). */
    String apply(Path mapping, String input) throws Exception {
        if (mapping.toString().endsWith(".jsonata")) {
            Object result = Jsonata.jsonata(Files.readString(mapping, StandardCharsets.UTF_8))
                    .evaluate(json.readValue(input, Object.class));
            return json.writeValueAsString(result);
        }
        String source = input.strip().startsWith("{") ? canonicalXml.asXml(input) : input;
        StringWriter out = new StringWriter();
        xslt(mapping).newTransformer().transform(new StreamSource(new StringReader(source)), new StreamResult(out));
        return out.toString();
    }

    private static Templates xslt(Path mapping) throws Exception {
        return new TransformerFactoryImpl().newTemplates(new StreamSource(mapping.toFile()));
    }

    /** Indentation is not content. */
    private static void strip(Node n) {
        for (Node c = n.getFirstChild(); c != null; ) {
            Node next = c.getNextSibling();
            if (c.getNodeType() == Node.TEXT_NODE && c.getTextContent().isBlank()) {
                n.removeChild(c);
            } else {
                strip(c);
            }
            c = next;
        }
    }
}
