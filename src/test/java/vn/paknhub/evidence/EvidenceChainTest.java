package vn.paknhub.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.sql.Timestamp;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.paknhub.casefile.Actor;
import vn.paknhub.casefile.ActorRole;
import vn.paknhub.casefile.CaseFile;
import vn.paknhub.casefile.CaseService;
import vn.paknhub.casefile.Channel;
import vn.paknhub.casefile.NewCase;
import vn.paknhub.casefile.SubmitterDetails;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubIntegrationTest;
import vn.paknhub.support.Samples;

/**
 * The case history as evidence: sealed as it is written, and whoever owns the database — the append-only
 * trigger switched off — cannot change, delete or reorder an event, slip one in, nor forge a re-sealed
 * history, without the verification saying which and where.
 */
@HubIntegrationTest
class EvidenceChainTest {

    @LocalServerPort
    int port;
    @Autowired
    CaseService cases;
    @Autowired
    EvidenceVerifier verifier;
    @Autowired
    Checkpoints checkpoints;
    @Autowired
    JdbcTemplate db;

    private CaseFile openWithHistory() {
        SubmitterDetails who = new SubmitterDetails("Lê Minh Tâm", null, "Số 3 Nguyễn Huệ, Thành phố Huế", "0905123456",
                "tam.le@example.vn", null);
        CaseFile c = cases.open(cases.newIdentity(), new NewCase(Channel.WEB, "Đề xuất số hoá kho lưu trữ đề tài khoa học",
                "Đề nghị số hoá toàn bộ kho lưu trữ kết quả đề tài khoa học cấp tỉnh để tra cứu trực tuyến.", "g", null, true,
                who, List.of(), Instant.now()));
        Actor clerk = new Actor(ActorRole.CENTRAL_OFFICE, "VPTW");
        cases.record(c, "NOTE", clerk, "Đã kiểm tra thông tin người gửi", Map.of("step", 1, "ratio", 1.50));
        cases.record(c, "NOTE", clerk, "Đã đối chiếu danh mục lĩnh vực", Map.of("step", 2, "nested", Map.of("b", 2, "a", 1)));
        return c;
    }

    private List<String> events(CaseFile c) {
        return db.queryForList("select event_id::text from case_event where case_id = ? order by seq", String.class, c.id());
    }

    /** What only the database's owner can do: the append-only trigger off for one statement. */
    private void asOwnerOf(String table, String trigger, String sql, Object... args) {
        db.execute("alter table " + table + " disable trigger " + trigger);
        try {
            db.update(sql, args);
        } finally {
            db.execute("alter table " + table + " enable trigger " + trigger);
        }
    }

    private void asOwner(String sql, Object... args) {
        asOwnerOf("case_event", "case_event_append_only", sql, args);
    }

    @Test
    void a_history_as_written_verifies_and_its_checkpoint_is_signed() {
        CaseFile c = openWithHistory();
        EvidenceVerifier.Report report = verifier.verifyCase(c.code());
        assertThat(report.problems()).isEmpty();
        assertThat(report.intact()).isTrue();
        assertThat(report.events()).isEqualTo(3);
        assertThat(db.queryForList("select s.event_id::text from case_event_seal s where s.case_id = ? order by s.seal_seq",
                String.class, c.id())).isEqualTo(events(c));

        assertThat(checkpoints.checkpoint()).isPresent();
        HubApi api = new HubApi(port);
        HubApi.Reply verified = api.get("/api/v1/evidence/verification?case=" + c.code(), HubApi.bearer(Samples.VPTW));
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.json().path("intact").asBoolean()).as(verified.body()).isTrue();
        assertThat(verified.json().path("checkpoints").asInt()).isOne();
        assertThat(api.get("/api/v1/evidence/verification", HubApi.bearer(Samples.BKHCN)).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/evidence/verification").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/evidence/signing-keys").json().get(0).path("algorithm").asText()).isEqualTo("Ed25519");
    }

    @Test
    void an_edited_a_deleted_a_swapped_a_moved_and_a_smuggled_event_are_each_named() {
        CaseFile edited = openWithHistory();
        String changed = events(edited).get(1);
        asOwner("update case_event set reason = 'Không có thông tin người gửi' where event_id = ?::uuid", changed);
        assertThat(verifier.verifyCase(edited.code()).problems()).extracting(EvidenceVerifier.Problem::kind,
                EvidenceVerifier.Problem::eventId).containsExactly(tuple("altered", changed));

        CaseFile deleted = openWithHistory();
        String gone = events(deleted).get(1);
        asOwner("delete from case_event where event_id = ?::uuid", gone);
        assertThat(verifier.verifyCase(deleted.code()).problems()).extracting(EvidenceVerifier.Problem::kind,
                EvidenceVerifier.Problem::eventId).containsExactly(tuple("missing", gone));

        // two events' contents exchanged: each now says what the other said
        CaseFile swapped = openWithHistory();
        List<String> ids = events(swapped);
        asOwner("update case_event a set reason = b.reason, details = b.details from case_event b"
                + " where (a.event_id, b.event_id) in ((?::uuid, ?::uuid), (?::uuid, ?::uuid))",
                ids.get(1), ids.get(2), ids.get(2), ids.get(1));
        assertThat(verifier.verifyCase(swapped.code()).problems()).extracting(EvidenceVerifier.Problem::kind)
                .containsExactly("altered", "altered");

        // moved to the end of its history (a new sequence number is all the owner can give it)
        CaseFile moved = openWithHistory();
        String first = events(moved).get(0);
        asOwner("update case_event set seq = default where event_id = ?::uuid", first);
        assertThat(events(moved).get(2)).isEqualTo(first);
        assertThat(verifier.verifyCase(moved.code()).problems()).extracting(EvidenceVerifier.Problem::kind,
                EvidenceVerifier.Problem::eventId).containsExactly(tuple("altered", first));

        CaseFile smuggled = openWithHistory();
        db.update("insert into case_event (event_id, case_id, action, from_state, to_state, actor_kind, actor_id, reason,"
                + " public, occurred_at) values (gen_random_uuid(), ?, 'NOTE', 'SUBMITTED', 'SUBMITTED', 'CENTRAL_OFFICE', 'VPTW',"
                + " 'Người gửi đã rút kiến nghị', true, now())", smuggled.id());
        assertThat(verifier.verifyCase(smuggled.code()).problems()).extracting(EvidenceVerifier.Problem::kind)
                .containsExactly("unsealed");
        assertThat(verifier.verifyAll().intact()).isFalse();
    }

    @Test
    void a_forged_history_resealed_after_its_checkpoint_is_caught_by_the_signed_chain() {
        CaseFile c = openWithHistory();
        assertThat(checkpoints.checkpoint()).isPresent();
        assertThat(verifier.verifyCase(c.code()).problems()).isEmpty();

        // someone who knows how seals are made, but has not the hub's key, rewrites an event and re-seals it
        String target = events(c).get(2);
        asOwner("update case_event set reason = 'Không cần xử lý' where event_id = ?::uuid", target);
        Map<String, Object> e = db.queryForMap("select *, details::text as details_text from case_event where event_id = ?::uuid",
                target);
        byte[] forged = EventDigest.of(new EventDigest.Content(((Number) e.get("seq")).longValue(), UUID.fromString(target), c.id(), (String) e.get("action"),
                (String) e.get("from_state"), (String) e.get("to_state"), (String) e.get("actor_kind"),
                (String) e.get("actor_id"), (String) e.get("reason"), (String) e.get("details_text"), (Boolean) e.get("public"),
                ((Timestamp) e.get("occurred_at")).toInstant()));
        asOwnerOf("case_event_seal", "case_event_seal_append_only", "update case_event_seal set hash = ? where event_id = ?::uuid",
                forged, target);

        assertThat(verifier.verifyCase(c.code()).problems()).extracting(EvidenceVerifier.Problem::kind)
                .containsExactly("checkpoint");
    }

    @Test
    void a_cases_evidence_bundle_is_signed_by_the_hub_and_a_changed_copy_no_longer_verifies() throws Exception {
        CaseFile c = openWithHistory();
        assertThat(checkpoints.checkpoint()).isPresent();
        HubApi api = new HubApi(port);
        HubApi.Reply reply = api.get("/api/v1/evidence/cases/" + c.code() + "/bundle", HubApi.bearer(Samples.VPTW));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        com.fasterxml.jackson.databind.JsonNode bundle = reply.json();
        assertThat(bundle.path("schema").asText()).isEqualTo("pakn-hub/evidence-bundle/v1");
        assertThat(bundle.path("events")).hasSize(3).allSatisfy(e -> assertThat(e.path("sealSha256").asText()).hasSize(64));
        assertThat(bundle.path("checkpoints")).hasSize(1);
        assertThat(bundle.path("verification").path("intact").asBoolean()).isTrue();

        // checked as an inspector would: the published public key, the canonical form the bundle names
        String keyId = bundle.path("signature").path("keyId").asText();
        String publicKey = null;
        for (com.fasterxml.jackson.databind.JsonNode k : api.get("/api/v1/evidence/signing-keys").json()) {
            if (k.path("id").asText().equals(keyId)) {
                publicKey = k.path("publicKeyBase64").asText();
            }
        }
        assertThat(publicKey).isNotNull();
        java.security.PublicKey key = java.security.KeyFactory.getInstance("Ed25519")
                .generatePublic(new java.security.spec.X509EncodedKeySpec(java.util.Base64.getDecoder().decode(publicKey)));
        byte[] signature = java.util.Base64.getDecoder().decode(bundle.path("signature").path("value").asText());
        assertThat(verifies(key, EvidenceBundle.canonical(bundle), signature)).isTrue();
        ((com.fasterxml.jackson.databind.node.ObjectNode) bundle.path("events").get(1)).put("reason", "Không cần xử lý");
        assertThat(verifies(key, EvidenceBundle.canonical(bundle), signature)).isFalse();

        assertThat(api.get("/api/v1/evidence/cases/" + c.code() + "/bundle", HubApi.bearer(Samples.BKHCN)).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/evidence/cases/SKGP-20000101-000000/bundle", HubApi.bearer(Samples.VPTW)).status())
                .isEqualTo(404);
    }

    /** The check as a command (ops/VerifyEvidence.java, run by the JDK alone): exit 0 intact, 1 tampered, 2 no check. */
    private ProcessResult command(String token, String... args) throws Exception {
        List<String> line = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "ops/VerifyEvidence.java"));
        line.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(line).redirectErrorStream(true);
        pb.environment().put("HUB_URL", "http://localhost:" + port);
        pb.environment().put("HUB_TOKEN", token);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        return new ProcessResult(p.waitFor(), out);
    }

    private record ProcessResult(int exit, String output) {
    }

    @Test
    void the_verification_command_exits_0_on_an_intact_history_and_1_once_an_event_is_edited() throws Exception {
        CaseFile c = openWithHistory();
        assertThat(checkpoints.checkpoint()).isPresent();
        ProcessResult intact = command(Samples.VPTW, c.code());
        assertThat(intact.exit()).as(intact.output()).isZero();
        assertThat(intact.output()).contains("\"intact\":true", "NGUYÊN VẸN");

        asOwner("update case_event set reason = 'Đã sửa sau khi niêm phong' where event_id = ?::uuid", events(c).get(2));
        ProcessResult tampered = command(Samples.VPTW, c.code());
        assertThat(tampered.exit()).as(tampered.output()).isOne();
        assertThat(tampered.output()).contains("altered", events(c).get(2), "CÓ SAI LỆCH");
        assertThat(command(Samples.BKHCN, c.code()).exit()).as("only the Central Party Office may check").isEqualTo(2);
    }

    /** The same evidence for a person: a PDF naming every event's seal, the checkpoint and the JSON it was printed from. */
    @Test
    void a_cases_evidence_report_reads_as_the_signed_bundle_says() throws Exception {
        CaseFile c = openWithHistory();
        assertThat(checkpoints.checkpoint()).isPresent();
        HubApi api = new HubApi(port);
        com.fasterxml.jackson.databind.JsonNode bundle = api.get("/api/v1/evidence/cases/" + c.code() + "/bundle",
                HubApi.bearer(Samples.VPTW)).json();
        java.net.http.HttpResponse<byte[]> pdf = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/evidence/cases/" + c.code()
                        + "/bundle.pdf")).header("Authorization", "Bearer " + Samples.VPTW).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        String text;
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("BẢN TRÍCH XUẤT CHỨNG CỨ ĐIỆN TỬ CỦA HỒ SƠ " + c.code(), "NGUYÊN VẸN",
                "Điểm kiểm tra / checkpoint " + bundle.path("checkpoints").get(0).path("id").asLong(),
                bundle.path("checkpoints").get(0).path("digestSha256").asText());
        for (com.fasterxml.jackson.databind.JsonNode e : bundle.path("events")) {
            assertThat(text).contains("#" + e.path("seq").asLong() + " ", e.path("action").asText(),
                    "Niêm phong số / seal " + e.path("sealNumber").asLong() + ": " + e.path("sealSha256").asText());
        }
        assertThat(api.get("/api/v1/evidence/cases/" + c.code() + "/bundle.pdf", HubApi.bearer(Samples.BKHCN)).status())
                .isEqualTo(403);
    }

    private static boolean verifies(java.security.PublicKey key, byte[] data, byte[] signature) throws Exception {
        java.security.Signature s = java.security.Signature.getInstance("Ed25519");
        s.initVerify(key);
        s.update(data);
        return s.verify(signature);
    }
}
