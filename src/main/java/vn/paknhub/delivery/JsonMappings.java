package vn.paknhub.delivery;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * The integrators' JSONata mappings, each compiled once per version of its file and per thread (an
 * edited file is used at its next message). A compiled expression binds the input into its own
 * environment when it is evaluated, so one is never shared between threads; evaluated again, it is
 * about four times cheaper than compiling it afresh (6 against 26 µs for a status mapping, dashjoin
 * jsonata 0.9.10; its 0.9.9 nested a frame per evaluation and could not be reused).
 */
@Component("jsonMappings")
public class JsonMappings {

    /** The header connector routes name the mapping file in. */
    public static final String MAPPING = "PaknMapping";
    /** The header naming the environment variable of the partner's session token, if it wants one. */
    public static final String SESSION_VARIABLE = "PaknSessionVariable";

    private record Compiled(FileTime modified, Jsonata expression) {
    }

    private final ObjectMapper json;
    private final ConnectorSigner secrets;
    private final ThreadLocal<Map<Path, Compiled>> compiled = ThreadLocal.withInitial(HashMap::new);

    public JsonMappings(ObjectMapper json, ConnectorSigner secrets) {
        this.json = json;
        this.secrets = secrets;
    }

    /** For connector routes: the JSON body mapped by the file named in {@link #MAPPING}, as JSON text. */
    public String map(@Header(MAPPING) String file, @Body String input) throws IOException {
        return mapWith(file, Map.of(), input);
    }

    /**
     * {@link #map} for a message to a partner: when the route names a session variable, the mapping reads
     * that secret as {@code $session} (§4.6 "session"). Only the route's own header counts, never one a
     * partner's answer could carry, so the delivery routes call this and the answers go through {@link #map}.
     */
    public String mapOutgoing(@Header(MAPPING) String file, @Header(SESSION_VARIABLE) String sessionVariable,
            @Body String input) throws IOException {
        return mapWith(file, sessionVariable == null || sessionVariable.isBlank() ? Map.of()
                : Map.of("session", secrets.secret(sessionVariable)), input);
    }

    private String mapWith(String file, Map<String, Object> bindings, String input) throws IOException {
        return json.writeValueAsString(evaluate(Path.of(file), json.readValue(input, Object.class), bindings));
    }

    public Object evaluate(Path file, Object input) throws IOException {
        return evaluate(file, input, Map.of());
    }

    private Object evaluate(Path file, Object input, Map<String, Object> bindings) throws IOException {
        FileTime modified = Files.getLastModifiedTime(file);
        Map<Path, Compiled> mine = compiled.get();
        Compiled c = mine.get(file);
        if (c == null || !c.modified().equals(modified)) {
            c = new Compiled(modified, Jsonata.jsonata(Files.readString(file, StandardCharsets.UTF_8)));
            mine.put(file, c);
        }
        if (bindings.isEmpty()) {
            return c.expression().evaluate(input);
        }
        Jsonata.Frame frame = c.expression().createFrame();
        bindings.forEach(frame::bind);
        return c.expression().evaluate(input, frame);
    }
}
