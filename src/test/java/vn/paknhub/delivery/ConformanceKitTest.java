package vn.paknhub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.paknhub.core.messages.CanonicalMessages;
import vn.paknhub.core.xml.UntrustedXml;
import vn.paknhub.sandbox.SandboxPartner;
import vn.paknhub.sandbox.Sandboxes;
import vn.paknhub.support.HubIntegrationTest;

/**
 * The conformance kit against the ministry's sandbox as a partner's live system: it passes clean, and
 * each failure mode of the sandbox makes the matching check fail, in the printed report and in JUnit XML.
 */
@HubIntegrationTest
class ConformanceKitTest {

    @LocalServerPort
    int port;
    @Autowired
    ConnectorSigner signer;
    @Autowired
    Sandboxes sandboxes;

    private final ConformanceKit kit = new ConformanceKit(new ObjectMapper(),
            new CanonicalXml(new CanonicalMessages(), new ObjectMapper()));

    @AfterEach
    void calm() {
        sandboxes.partner(Sandboxes.JSON_MINISTRY).behave(SandboxPartner.Mode.ACCEPT, -1);
    }

    private ConformanceKit.Report run() throws Exception {
        return kit.run(Path.of("routes/bkhcn-api.yaml"), Path.of("mappings"),
                "http://localhost:" + port + "/sandbox/bkhcn-api/cases", signer.keyFor("BKHCN_API_SIGNING_KEY"));
    }

    private static Map<String, Boolean> verdicts(ConformanceKit.Report r) {
        return r.checks().stream().collect(Collectors.toMap(ConformanceKit.Check::name, ConformanceKit.Check::passed));
    }

    @Test
    void the_shipped_sandbox_passes_every_check_and_the_junit_report_says_so() throws Exception {
        ConformanceKit.Report report = run();
        assertThat(report.checks()).extracting(ConformanceKit.Check::name)
                .containsExactly("receipt", "duplicate", "signature", "refusal", "error-reply", "update");
        assertThat(report.checks()).allSatisfy(c -> assertThat(c.passed()).as(c.name() + ": " + c.detail()).isTrue());
        var suite = UntrustedXml.parse(report.junitXml()).getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo("6");
        assertThat(suite.getAttribute("failures")).isEqualTo("0");
    }

    @Test
    void a_partner_that_refuses_everything_fails_the_receipt() throws Exception {
        sandboxes.partner(Sandboxes.JSON_MINISTRY).behave(SandboxPartner.Mode.REFUSE, -1);
        ConformanceKit.Report report = run();
        assertThat(verdicts(report)).containsEntry("receipt", false).containsEntry("refusal", true);
        assertThat(report.junitXml()).contains("<failure message=\"a new dispatch was answered");
    }

    @Test
    void a_partner_that_forgets_what_it_received_fails_the_duplicate_check() throws Exception {
        sandboxes.partner(Sandboxes.JSON_MINISTRY).behave(SandboxPartner.Mode.LOSE, -1);
        assertThat(verdicts(run())).containsEntry("receipt", true).containsEntry("duplicate", false);
    }

    @Test
    void a_partner_that_is_down_fails_every_check_that_needs_an_answer() throws Exception {
        sandboxes.partner(Sandboxes.JSON_MINISTRY).behave(SandboxPartner.Mode.FAIL_5XX, -1);
        assertThat(verdicts(run())).containsEntry("receipt", false).containsEntry("duplicate", false)
                .containsEntry("refusal", false);
    }
}
