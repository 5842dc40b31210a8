package vn.paknhub.delivery;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.transform.Templates;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.TransformerFactoryImpl;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * The status channel of an XML partner: its signed XML status message, mapped by its
 * mappings/&lt;system&gt;/status.xsl to the canonical status update in XML, then read as the JSON the hub
 * applies. Used by the status-webhook-xml template and when an operator has a parked update mapped again.
 */
@Component("xmlStatusMappings")
public class XmlStatusMappings {

    /** Compiled once per version of the file: a reload of the connectors picks up an edited mapping. */
    private record Compiled(long modified, Templates templates) {
    }

    private final CanonicalXml canonicalXml;
    private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();

    public XmlStatusMappings(CanonicalXml canonicalXml) {
        this.canonicalXml = canonicalXml;
    }

    /** The partner's XML status message → the canonical status update as JSON. */
    public String map(@Header(JsonMappings.MAPPING) String file, @Body String partnerXml) throws Exception {
        // a partner's document with a DOCTYPE is refused before any parser reads it (XXE)
        String safe = canonicalXml.requireSafe(partnerXml);
        StringWriter out = new StringWriter();
        templates(Path.of(file)).newTransformer().transform(new StreamSource(new StringReader(safe)), new StreamResult(out));
        return canonicalXml.statusAsJson(out.toString());
    }

    private Templates templates(Path file) throws Exception {
        long modified = Files.getLastModifiedTime(file).toMillis();
        Compiled c = compiled.get(file.toString());
        if (c == null || c.modified() != modified) {
            c = new Compiled(modified, new TransformerFactoryImpl().newTemplates(new StreamSource(file.toFile())));
            compiled.put(file.toString(), c);
        }
        return c.templates();
    }
}
