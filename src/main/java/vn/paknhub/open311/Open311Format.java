package vn.paknhub.open311;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The two formats of GeoReport v2, chosen by the resource's extension: XML (required by the
 * specification: a declaration with UTF-8, a plural root holding singular elements) and JSON (the
 * same objects as an array, an error list as an array of {@code code}/{@code description}).
 */
enum Open311Format {
    XML(MediaType.parseMediaType("text/xml;charset=UTF-8")),
    JSON(MediaType.parseMediaType("application/json;charset=UTF-8"));

    /** The singular element of each list the responses hold. */
    private static final Map<String, String> ITEM = Map.of("services", "service", "service_requests", "request",
            "service_request_updates", "request_update", "errors", "error", "attributes", "attribute", "values", "value");
    private static final ObjectMapper JSON_MAPPER = new ObjectMapper();

    private final MediaType mediaType;

    Open311Format(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    static Open311Format of(String extension) {
        return switch (extension == null ? "" : extension) {
            case "xml" -> XML;
            case "json" -> JSON;
            default -> throw new Open311Exception(HttpStatus.NOT_FOUND, "format",
                    "Chỉ có định dạng .xml và .json / only the .xml and .json formats exist", XML);
        };
    }

    /** A list under a plural root ({@code services}, {@code service_requests}, …). */
    ResponseEntity<String> list(HttpStatus status, String root, List<? extends Map<String, ?>> items) {
        return ResponseEntity.status(status).contentType(mediaType).body(this == JSON ? json(items) : xml(root, items));
    }

    /** A single object under its own root ({@code service_definition}). */
    ResponseEntity<String> object(String root, Map<String, ?> object) {
        return ResponseEntity.ok().contentType(mediaType).body(this == JSON ? json(object) : xml(root, object));
    }

    private static String json(Object value) {
        try {
            return JSON_MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String xml(String root, Object value) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            element(w, root, value);
            w.writeEndDocument();
            w.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void element(XMLStreamWriter w, String name, Object value) throws XMLStreamException {
        if (value == null) {
            w.writeEmptyElement(name);
            return;
        }
        w.writeStartElement(name);
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                element(w, e.getKey().toString(), e.getValue());
            }
        } else if (value instanceof List<?> list) {
            String item = ITEM.getOrDefault(name, "item");
            for (Object o : list) {
                element(w, item, o);
            }
        } else {
            w.writeCharacters(value.toString());
        }
        w.writeEndElement();
    }
}
