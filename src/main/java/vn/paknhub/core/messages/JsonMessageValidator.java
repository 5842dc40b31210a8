package vn.paknhub.core.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.OutputFormat;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.i18n.DefaultMessageSource;
import com.networknt.schema.i18n.MessageSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.core.io.ClassPathResource;
import vn.paknhub.core.messages.CanonicalMessages.Kind;

/** The JSON Schemas of the canonical messages, loaded and resolved once, then only read. */
final class JsonMessageValidator {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final MessageSource MESSAGES = DefaultMessageSource.getInstance();

    private final Map<Kind, JsonNode> schemaNodes = new EnumMap<>(Kind.class);
    private final Map<Kind, JsonSchema> schemas = new EnumMap<>(Kind.class);

    JsonMessageValidator() {
        ObjectMapper mapper = new ObjectMapper();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        // In 2020-12 "format" only annotates unless asked to assert; the messages rely on it for uuid, date-time, email.
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_PATH)
                .locale(VIETNAMESE)
                .build();
        for (Kind kind : Kind.values()) {
            JsonNode node = read(mapper, kind.jsonSchemaResource());
            JsonSchema schema = factory.getSchema(node, config);
            // Resolving now keeps lazy initialisation out of the concurrent validations that follow.
            schema.initializeValidators();
            schemaNodes.put(kind, node);
            schemas.put(kind, schema);
        }
    }

    JsonNode schemaNode(Kind kind) {
        return schemaNodes.get(kind);
    }

    List<String> violations(Kind kind, JsonNode message) {
        JsonSchema schema = schemas.get(kind);
        // almost every message is valid: the fail-fast check costs a fraction of collecting every violation
        if (schema.validate(message, OutputFormat.BOOLEAN)) {
            return List.of();
        }
        return schema.validate(message).stream()
                .map(JsonMessageValidator::bilingual)
                .sorted()
                .toList();
    }

    /** "Vietnamese / English", the hub's convention for every message a person may read. */
    private static String bilingual(ValidationMessage violation) {
        Object[] arguments = Stream.concat(Stream.of(violation.getInstanceLocation().toString()),
                Stream.of(violation.getArguments())).toArray();
        return violation.getMessage() + " / " + MESSAGES.getMessage(violation.getMessageKey(), Locale.ENGLISH, arguments);
    }

    private static JsonNode read(ObjectMapper mapper, String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the message schema " + resource, e);
        }
    }
}
