package vn.paknhub.sandbox;

import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The XML ministry simulator's parsing (untrusted input: no DOCTYPE) and SOAP answers. */
final class SandboxXml {

    private SandboxXml() {
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    static String text(Document d, String localName) {
        NodeList nodes = d.getElementsByTagNameNS("*", localName);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }

    /** @param result 0 received, 1 refused, 2 already received */
    static String answer(String result, String receipt, String message) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
                  <soap:Body>
                    <TiepNhanPAKNResponse xmlns="urn:byt:pakn:v1">
                      <MaKetQua>%s</MaKetQua>
                      <SoBienNhan>%s</SoBienNhan>
                      <ThongDiep>%s</ThongDiep>
                    </TiepNhanPAKNResponse>
                  </soap:Body>
                </soap:Envelope>""".formatted(result, receipt, message.replace("&", "&amp;").replace("<", "&lt;"));
    }
}
