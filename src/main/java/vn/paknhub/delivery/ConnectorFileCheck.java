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
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.transform.Templates;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.TransformerFactoryImpl;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
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

    /** The problems of a connector; empty when it can be loaded. */
    public List<String> check(Path routeFile, Path mappingsDir) {
        List<String> problems = new ArrayList<>();
        String file = routeFile.toString();
        String system = systemOf(routeFile);
        if (!SYSTEM_ID.matcher(system).matches()) {
            return List.of(file + ": the file name must be the system id: lower-case letters, digits and '-'");
        }
        List<Map<?, ?>> entries;
        try {
            entries = templatedRoutes(Files.readString(routeFile, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | IOException e) {
            return List.of(file + ": " + e.getMessage());
        } catch (RuntimeException e) {
            return List.of(file + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        List<ConnectorTemplates.Template> used = new ArrayList<>();
        for (Map<?, ?> templated : entries) {
            Object ref = templated.get("routeTemplateRef");
            ConnectorTemplates.Template template = TEMPLATES.get(String.valueOf(ref)).orElse(null);
            if (template == null) {
                return List.of(file + ": routeTemplateRef '" + ref + "' is not a connector template"
                        + ConnectorTemplates.nearest(String.valueOf(ref), TEMPLATES.names()).map(n -> "; did you mean '" + n + "'?")
                                .orElse("; use one of " + TEMPLATES.names()));
            }
            if (used.stream().anyMatch(t -> t.routePrefix().equals(template.routePrefix()))) {
                return List.of(file + ": more than one '" + template.routePrefix() + "' entry: a system has one way in"
                        + " and one way out");
            }
            used.add(template);
            problems.addAll(checkEntry(file, system, template, templated));
        }
        if (used.stream().noneMatch(t -> t.routePrefix().equals(DELIVERY))) {
            problems.add(file + ": no delivery entry: use one of " + TEMPLATES.namesGoing(DELIVERY));
        }
        Path dir = mappingsDir.resolve(system);
        List<String> mappings = used.stream().flatMap(t -> t.mappings().stream()).toList();
        for (String mapping : mappings) {
            problems.addAll(checkMapping(dir.resolve(mapping)));
        }
        if (problems.isEmpty()) {
            problems.addAll(runExamples(dir, mappings));
        }
        return problems;
    }

    private List<String> checkEntry(String file, String system, ConnectorTemplates.Template template, Map<?, ?> templated) {
        List<String> problems = new ArrayList<>();
        if (!(template.routePrefix() + system).equals(templated.get("routeId"))) {
            problems.add(file + ": routeId must be '" + template.routePrefix() + system + "'");
        }
        Map<String, String> params = parameters(templated.get("parameters"), file, problems);
        template.problems(params).forEach(p -> problems.add(file + ": " + p));
        if (params.containsKey("system") && !system.equals(params.get("system"))) {
            problems.add(file + ": parameter 'system' must be '" + system + "', the file's name");
        }
        if (problems.isEmpty()) {
            // placeholders resolved as the running hub would: an address or code the environment never gave
            Map<String, String> resolved = new LinkedHashMap<>();
            params.forEach((k, v) -> resolved.put(k, v.contains("{{") ? placeholders.apply(v) : v));
            if (!resolved.equals(params)) {
                for (String p : template.problems(resolved)) {
                    problems.add(file + ": " + p + " (as resolved from " + params.entrySet().stream()
                            .filter(e -> e.getValue().contains("{{")).map(Map.Entry::getValue).toList()
                            + ": set the environment variable application.yml names for it)");
                }
            }
        }
        return problems;
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

    private List<String> checkMapping(Path mapping) {
        if (!Files.isRegularFile(mapping)) {
            return List.of(mapping + ": missing");
        }
        try {
            String text = Files.readString(mapping, StandardCharsets.UTF_8);
            if (mapping.toString().endsWith(".jsonata")) {
                Jsonata.jsonata(text);
            } else {
                xslt(mapping);
            }
            return List.of();
        } catch (Exception e) {
            return List.of(mapping + ": does not compile: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    /**
     * Golden examples: examples/&lt;mapping&gt;[-&lt;case&gt;].input.* must map to the matching .expected.*.
     * Every mapping needs at least one, so that an edit that changes its output is seen at once.
     */
    private List<String> runExamples(Path dir, List<String> mappings) {
        List<String> problems = new ArrayList<>();
        Path examples = dir.resolve("examples");
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
                problems.add(examples + ": no golden example for " + mapping + " (" + name + ".input.json|xml and "
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
            return List.of(input + ": no " + base + ".expected.json or .expected.xml beside it");
        }
        try {
            String actual = apply(mapping, Files.readString(input, StandardCharsets.UTF_8));
            String want = Files.readString(expected, StandardCharsets.UTF_8);
            boolean same = expected.toString().endsWith(".json") ? json.readTree(actual).equals(json.readTree(want))
                    : sameXml(actual, want);
            return same ? List.of() : List.of(mapping + ": golden example " + input.getFileName() + " gives\n" + actual
                    + "\nbut " + expected.getFileName() + " expects\n" + want);
        } catch (Exception e) {
            return List.of(mapping + ": golden example " + input.getFileName() + " fails: " + e.getMessage());
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

    private static boolean sameXml(String a, String b) throws Exception {
        Document x = UntrustedXml.parse(a);
        Document y = UntrustedXml.parse(b);
        strip(x);
        strip(y);
        x.normalizeDocument();
        y.normalizeDocument();
        return x.getDocumentElement().isEqualNode(y.getDocumentElement());
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
