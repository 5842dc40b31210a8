package vn.paknhub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import vn.paknhub.core.messages.CanonicalMessages;
import vn.paknhub.core.messages.CanonicalMessages.Kind;

/** The XML form in the version a connector's XSLT was written for. */
class CanonicalXmlTest {

    private static final CanonicalMessages MESSAGES = new CanonicalMessages();
    private final CanonicalXml xml = new CanonicalXml(MESSAGES, new ObjectMapper());

    private static String example(String name) throws Exception {
        return Files.readString(Path.of("schemas/messages/examples", name));
    }

    @Test
    void a_version_2_dispatch_is_written_for_a_version_1_mapping_without_the_files_bytes_or_links() throws Exception {
        String v2 = example("case-dispatch.v2/valid-paper-letter-phone-only.json");

        String current = xml.asXml(v2, 2);
        assertThat(current).contains("xmlns=\"urn:pakn-hub:case-dispatch:v2\"", "</sha256><content>", "<link><href>");
        assertThat(MESSAGES.violationsOfXml(Kind.CASE_DISPATCH, current)).isEmpty();

        String old = xml.asXml(v2, 1);
        assertThat(old).contains("xmlns=\"urn:pakn-hub:case-dispatch:v1\"", "<schema>pakn-hub/case-dispatch/v1</schema>",
                "<sha256>").doesNotContain("</sha256><content>", "<link>", "<id>");
        assertThat(MESSAGES.violationsOfXml(Kind.CASE_DISPATCH_V1, old)).isEmpty();

        String update = xml.asXml(example("status-update.v2/valid-supplement-with-files.json"), 1);
        assertThat(update).contains("urn:pakn-hub:status-update:v1").doesNotContain("<attachments>");
        assertThatThrownBy(() -> xml.asXml(v2, 3)).hasMessageContaining("canonicalVersion 3");
    }
}
