package vn.paknhub.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The JSON Schema of a connector file (routes/&lt;system&gt;.yaml), made from the templates' definition so
 * that the two never drift apart; published as schemas/connector-file.schema.json for editors (the YAML
 * language server completes and checks a file whose first line is
 * {@code # yaml-language-server: $schema=../schemas/connector-file.schema.json}).
 *
 * <p>Draft-07 rather than 2020-12, because that is the draft editors' YAML support implements fully. It
 * checks the shape and each parameter's name and value; what needs the file's name or the mappings (the
 * route id's system, the golden examples) is left to {@code java -jar pakn-hub.jar check}.
 */
public final class ConnectorFileSchema {

    public static final String PUBLISHED = "schemas/connector-file.schema.json";

    private ConnectorFileSchema() {
    }

    public static JsonNode of(ConnectorTemplates templates) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode schema = json.createObjectNode();
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.put("$id", "urn:pakn-hub:connector-file:v1");
        schema.put("title", "PAKN Hub connector file (routes/<system>.yaml)");
        schema.put("description", "One delivery entry (deliver-<system>) and at most one status entry"
                + " (status-<system>), each naming a connector template and its parameters. Generated from "
                + ConnectorTemplates.RESOURCE + "; check the whole connector with: java -jar pakn-hub.jar check routes mappings");
        schema.put("type", "array");
        schema.put("minItems", 1);
        schema.put("maxItems", 2);
        ObjectNode item = schema.putObject("items");
        item.put("type", "object");
        item.put("additionalProperties", false);
        item.putArray("required").add("templatedRoute");
        item.putObject("properties").putObject("templatedRoute").put("$ref", "#/definitions/templatedRoute");

        ObjectNode definitions = schema.putObject("definitions");
        ObjectNode entry = definitions.putObject("templatedRoute");
        entry.put("type", "object");
        entry.put("additionalProperties", false);
        entry.putArray("required").add("routeTemplateRef").add("routeId").add("parameters");
        ObjectNode properties = entry.putObject("properties");
        ObjectNode ref = properties.putObject("routeTemplateRef");
        ref.put("description", "the connector template");
        ArrayNode names = ref.putArray("enum");
        properties.putObject("routeId").put("type", "string")
                .put("description", "deliver-<file name> for a delivery entry, status-<file name> for a status entry");
        properties.putObject("parameters").put("type", "array");
        ArrayNode cases = entry.putArray("allOf");

        for (String name : templates.names()) {
            ConnectorTemplates.Template t = templates.get(name).orElseThrow();
            names.add(name);
            ObjectNode when = cases.addObject();
            ObjectNode condition = when.putObject("if");
            condition.putObject("properties").putObject("routeTemplateRef").put("const", name);
            condition.putArray("required").add("routeTemplateRef");
            ObjectNode then = when.putObject("then").putObject("properties");
            then.putObject("routeId").put("pattern", "^" + t.routePrefix() + "[a-z0-9][a-z0-9-]{1,62}$");
            then.putObject("parameters").put("$ref", "#/definitions/" + name + ".parameters");
            definitions.set(name + ".parameters", parameters(json, t));
        }
        return schema;
    }

    private static ObjectNode parameters(ObjectMapper json, ConnectorTemplates.Template t) {
        ObjectNode list = json.createObjectNode();
        list.put("type", "array");
        list.put("description", t.definition().path("title").asText() + ": " + t.definition().path("description").asText());
        ObjectNode item = list.putObject("items");
        item.put("type", "object");
        item.put("additionalProperties", false);
        item.putArray("required").add("name").add("value");
        ObjectNode props = item.putObject("properties");
        ArrayNode names = props.putObject("name").put("description", "a parameter of " + t.name()).putArray("enum");
        // YAML reads 3 and "3" alike for the hub (values are taken as text): the editor should accept both
        props.putObject("value").putArray("type").add("string").add("number").add("boolean");
        ArrayNode each = item.putArray("allOf");
        for (Map.Entry<String, JsonNode> p : t.parameters().entrySet()) {
            names.add(p.getKey());
            ObjectNode value = p.getValue().deepCopy();
            value.remove("type");
            ObjectNode when = each.addObject();
            ObjectNode condition = when.putObject("if");
            condition.putObject("properties").putObject("name").put("const", p.getKey());
            condition.putArray("required").add("name");
            when.putObject("then").putObject("properties").set("value", value);
        }
        ArrayNode required = list.putArray("allOf");
        for (String r : t.required()) {
            ObjectNode contains = required.addObject().putObject("contains");
            contains.putObject("properties").putObject("name").put("const", r);
            contains.putArray("required").add("name");
        }
        return list;
    }
}
