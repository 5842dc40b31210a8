package vn.paknhub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** A mapping gives each thread its own result, and an edit is used at its next message. */
class JsonMappingsTest {

    private final MockEnvironment env = new MockEnvironment().withProperty("PORTAL_SESSION", "phien-0f3a");
    private final JsonMappings mappings = new JsonMappings(new ObjectMapper(), new ConnectorSigner(env, Clock.systemUTC()));

    @TempDir
    Path dir;

    @Test
    void an_edited_mapping_is_used_at_its_next_message() throws Exception {
        Path file = dir.resolve("dispatch.jsonata");
        Files.writeString(file, "{\"ma\": caseCode}");
        assertThat(mappings.map(file.toString(), "{\"caseCode\": \"SKGP-20261122-000001\"}"))
                .isEqualTo("{\"ma\":\"SKGP-20261122-000001\"}");

        Files.writeString(file, "{\"maHoSo\": caseCode, \"kenh\": \"WEB\"}");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(mappings.map(file.toString(), "{\"caseCode\": \"SKGP-20261122-000002\"}"))
                .isEqualTo("{\"maHoSo\":\"SKGP-20261122-000002\",\"kenh\":\"WEB\"}");
    }

    @Test
    void a_mapping_compiled_once_answers_each_of_many_messages_on_its_own_input() throws Exception {
        // a block with a variable, as the shipped status mappings have: the library version before
        // 0.9.10 nested a frame per evaluation and overflowed the stack within 20,000 of them
        Path file = dir.resolve("status.jsonata");
        Files.writeString(file, "( $codes := {\"DA_TIEP_NHAN\": \"ACCEPTED\", \"DANG_XU_LY\": \"IN_PROGRESS\"};"
                + " {\"status\": $lookup($codes, trangThai), \"sequence\": stt} )");
        for (int i = 0; i < 30_000; i++) {
            String status = i % 3 == 0 ? "DA_TIEP_NHAN" : i % 3 == 1 ? "DANG_XU_LY" : "KHONG_RO";
            String expected = i % 3 == 0 ? "{\"status\":\"ACCEPTED\",\"sequence\":" + i + "}"
                    : i % 3 == 1 ? "{\"status\":\"IN_PROGRESS\",\"sequence\":" + i + "}" : "{\"sequence\":" + i + "}";
            assertThat(mappings.map(file.toString(), "{\"trangThai\": \"" + status + "\", \"stt\": " + i + "}"))
                    .as("message %d", i).isEqualTo(expected);
        }
    }

    @Test
    void threads_mapping_at_once_each_get_their_own_answer() throws Exception {
        Path file = dir.resolve("reply.jsonata");
        Files.writeString(file, "{\"externalReference\": ticket & \"/\" & $string(n * 2)}");
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 2000; i++) {
            int n = i;
            pool.execute(() -> {
                try {
                    String out = mappings.map(file.toString(), "{\"ticket\": \"T" + n + "\", \"n\": " + n + "}");
                    if (!out.equals("{\"externalReference\":\"T" + n + "/" + (2 * n) + "\"}")) {
                        wrong.add(out);
                    }
                } catch (Exception e) {
                    wrong.add(e.toString());
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(wrong).isEmpty();
    }

    /** §4.6: the portal's session token comes from the environment into the mapping as $session, never from a file. */
    @Test
    void a_session_token_named_by_the_route_is_read_from_the_environment_into_the_mapping() throws Exception {
        Path file = dir.resolve("dispatch.jsonata");
        Files.writeString(file, "{\"session\": $session, \"MaHoSo\": caseCode}");
        String input = "{\"caseCode\": \"SKGP-20261205-000001\"}";

        assertThat(mappings.mapOutgoing(file.toString(), "PORTAL_SESSION", input))
                .isEqualTo("{\"session\":\"phien-0f3a\",\"MaHoSo\":\"SKGP-20261205-000001\"}");
        assertThat(mappings.mapOutgoing(file.toString(), "", input)).isEqualTo("{\"MaHoSo\":\"SKGP-20261205-000001\"}");
        assertThatThrownBy(() -> mappings.mapOutgoing(file.toString(), "UNSET_SESSION", input))
                .isInstanceOf(DeliveryRefused.class).hasMessageContaining("UNSET_SESSION");
    }
}
