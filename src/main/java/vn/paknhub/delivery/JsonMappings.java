package vn.paknhub.delivery;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * The integrators' JSONata mappings, compiled once per file version (camel-jsonata compiles the
 * expression for every message, a tenth of a delivery's CPU). An edited file is compiled again at
 * its next use; a compiled expression is kept per thread, as evaluation keeps state in it.
 */
@Component("jsonMappings")
public class JsonMappings {

    /** The header connector routes name the mapping file in. */
    public static final String MAPPING = "PaknMapping";

    private record Compiled(FileTime modified, ThreadLocal<Jsonata> expression) {
    }

    private final ObjectMapper json;
    private final Map<Path, Compiled> compiled = new ConcurrentHashMap<>();

    public JsonMappings(ObjectMapper json) {
        this.json = json;
    }

    /** For connector routes: the JSON body mapped by the file named in {@link #MAPPING}, as JSON text. */
    public String map(@Header(MAPPING) String file, @Body String input) throws IOException {
        return json.writeValueAsString(evaluate(Path.of(file), json.readValue(input, Object.class)));
    }

    public Object evaluate(Path file, Object input) throws IOException {
        return expression(file).evaluate(input);
    }

    private Jsonata expression(Path file) throws IOException {
        FileTime modified = Files.getLastModifiedTime(file);
        Compiled c = compiled.get(file);
        if (c == null || !c.modified().equals(modified)) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            c = new Compiled(modified, ThreadLocal.withInitial(() -> Jsonata.jsonata(text)));
            compiled.put(file, c);
        }
        return c.expression().get();
    }
}
