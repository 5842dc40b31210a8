package vn.paknhub.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.model.RouteTemplateParameterDefinition;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The connector templates as declared once in {@code connectors/connector-templates.definition.yaml}: for
 * each, which way it goes (its route id prefix), the mapping files it reads and its parameters as a JSON
 * Schema. The file check validates integrators' files against it; the Camel templates take their
 * parameters from it.
 */
public final class ConnectorTemplates {

    static final String RESOURCE = "connectors/connector-templates.definition.yaml";
    static final String DELIVERY = "deliver-";
    static final String STATUS = "status-";

    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();
    private static final ConnectorTemplates SHIPPED = load();

    /** One template: its route id prefix, mapping files, JSON Schema of parameters (also compiled). */
    public record Template(String name, String routePrefix, List<String> mappings, JsonNode definition, JsonSchema schema) {

        public List<String> required() {
            List<String> names = new ArrayList<>();
            definition.path("required").forEach(n -> names.add(n.asText()));
            return names;
        }

        /** Parameter name to its declaration (type, default, pattern, description), in the file's order. */
        public Map<String, JsonNode> parameters() {
            Map<String, JsonNode> all = new LinkedHashMap<>();
            definition.path("properties").fields().forEachRemaining(e -> all.put(e.getKey(), e.getValue()));
            return all;
        }

        /**
         * Every problem of these parameter values, one sentence each naming the parameter and the fix: a
         * missing one, an unknown one (with the nearest valid name), a value its pattern or enum refuses.
         */
        public List<String> problems(Map<String, String> values) {
            List<String> problems = new ArrayList<>();
            Map<String, JsonNode> declared = parameters();
            for (String name : values.keySet()) {
                if (!declared.containsKey(name)) {
                    problems.add("parameter '" + name + "' is not a parameter of " + this.name
                            + nearest(name, declared.keySet()).map(n -> "; did you mean '" + n + "'?")
                                    .orElse("; it takes " + declared.keySet()));
                }
            }
            ObjectNode instance = new ObjectMapper().createObjectNode();
            values.forEach((k, v) -> {
                if (declared.containsKey(k)) {
                    instance.put(k, v);
                }
            });
            for (ValidationMessage m : schema.validate(instance)) {
                String parameter = m.getProperty() != null ? m.getProperty()
                        : m.getInstanceLocation().getName(-1);
                String description = declared.getOrDefault(parameter, new ObjectMapper().createObjectNode())
                        .path("description").asText();
                problems.add(switch (m.getType()) {
                    case "required" -> "parameter '" + parameter + "' is missing: " + description;
                    case "pattern", "enum", "type" -> "parameter '" + parameter + "' = '" + values.get(parameter)
                            + "' is not valid: " + description;
                    default -> "parameter '" + parameter + "': " + m.getMessage();
                });
            }
            return problems;
        }
    }

    private final Map<String, Template> templates;

    private ConnectorTemplates(Map<String, Template> templates) {
        this.templates = templates;
    }

    /** The templates shipped with the hub. */
    public static ConnectorTemplates shipped() {
        return SHIPPED;
    }

    public Optional<Template> get(String name) {
        return Optional.ofNullable(templates.get(name));
    }

    public List<String> names() {
        return templates.keySet().stream().sorted().toList();
    }

    public List<String> namesGoing(String routePrefix) {
        return templates.values().stream().filter(t -> t.routePrefix().equals(routePrefix)).map(Template::name).sorted().toList();
    }

    /**
     * Gives the Camel route templates of the same names their parameters from the definition (name,
     * default, description, required), so that the templates never declare them a second time.
     */
    public void declareParameters(CamelContext camel) {
        Model model = camel.getCamelContextExtension().getContextPlugin(Model.class);
        for (RouteTemplateDefinition route : model.getRouteTemplateDefinitions()) {
            Template t = templates.get(route.getId());
            if (t == null) {
                continue;
            }
            List<String> required = t.required();
            List<RouteTemplateParameterDefinition> declared = new ArrayList<>();
            t.parameters().forEach((name, p) -> {
                RouteTemplateParameterDefinition d = new RouteTemplateParameterDefinition(name,
                        p.has("default") ? p.path("default").asText() : null, p.path("description").asText(null));
                d.setRequired(required.contains(name));
                declared.add(d);
            });
            route.setTemplateParameters(declared);
        }
    }

    static Optional<String> nearest(String name, java.util.Collection<String> candidates) {
        return candidates.stream().min(Comparator.comparingInt(c -> DISTANCE.apply(c.toLowerCase(), name.toLowerCase())))
                .filter(c -> DISTANCE.apply(c.toLowerCase(), name.toLowerCase()) <= Math.max(2, c.length() / 3));
    }

    private static ConnectorTemplates load() {
        Object doc;
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        JsonNode all = new ObjectMapper().valueToTree(doc);
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        Map<String, Template> templates = new LinkedHashMap<>();
        all.fields().forEachRemaining(e -> {
            JsonNode t = e.getValue();
            ObjectNode definition = ((ObjectNode) t.path("definition").deepCopy());
            definition.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            definition.put("type", "object");
            definition.put("additionalProperties", false);
            List<String> mappings = new ArrayList<>();
            t.path("mappings").forEach(m -> mappings.add(m.asText()));
            String prefix = switch (t.path("direction").asText()) {
                case "deliver" -> DELIVERY;
                case "status" -> STATUS;
                default -> throw new IllegalStateException(RESOURCE + ": " + e.getKey() + ": direction must be deliver or status");
            };
            templates.put(e.getKey(), new Template(e.getKey(), prefix, List.copyOf(mappings), definition,
                    factory.getSchema(definition)));
        });
        return new ConnectorTemplates(Map.copyOf(templates));
    }
}
