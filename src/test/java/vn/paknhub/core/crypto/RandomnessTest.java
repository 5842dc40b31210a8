package vn.paknhub.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RandomnessTest {

    @Test
    void uuids_are_well_formed_version_4_and_do_not_repeat() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            UUID u = Randomness.uuid();
            assertThat(u.version()).isEqualTo(4);
            assertThat(u.variant()).isEqualTo(2);
            assertThat(UUID.fromString(u.toString())).isEqualTo(u);
            seen.add(u);
        }
        assertThat(seen).hasSize(100_000);
    }

    @Test
    void each_thread_draws_its_own_bytes() {
        Set<String> draws = Collections.synchronizedSet(new HashSet<>());
        IntStream.range(0, 64).parallel().forEach(i -> draws.add(HexFormat.of().formatHex(Randomness.bytes(16))));
        assertThat(draws).hasSize(64);
    }
}
