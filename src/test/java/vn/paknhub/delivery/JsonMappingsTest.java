package vn.paknhub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mapping gives each thread its own result, and an edit is used at its next message. */
class JsonMappingsTest {

    private final JsonMappings mappings = new JsonMappings(new ObjectMapper());

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
}
