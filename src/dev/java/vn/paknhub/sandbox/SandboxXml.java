package vn.paknhub.sandbox;

import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The XML ministry simulator's reading of deliveries and its SOAP answers. */
final class SandboxXml {

    private SandboxXml() {
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

    /** One element of the ministry's status message, escaped; nothing for a value it does not have. */
    static String element(String name, String value) {
        return value == null ? "" : "      <" + name + ">" + value.replace("&", "&amp;").replace("<", "&lt;") + "</" + name + ">\n";
    }
}
