package vn.paknhub.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.mock.env.MockEnvironment;

/** How bodies are reached: the bodies a connector file declares go through its system, and only those. */
class AgencyDirectoryTest {

    private final AgencyDirectory directory = new AgencyDirectory(new MockEnvironment(), new DefaultResourceLoader());

    private String systemOf(String code) {
        return directory.find(code).orElseThrow().system();
    }

    @Test
    void a_declared_body_is_reached_through_its_system_and_goes_back_to_the_inbox_when_disconnected() {
        assertThat(directory.connect("btc-api", List.of("BTC", " tu-68 "))).isEmpty();
        assertThat(systemOf("BTC")).isEqualTo("btc-api");
        assertThat(systemOf("TU-68")).isEqualTo("btc-api");
        assertThat(directory.find("BYT").orElseThrow().hasConnectedSystem()).isFalse();

        assertThat(directory.connect("btc-api", List.of("BTC"))).isEmpty();
        assertThat(directory.find("TU-68").orElseThrow().hasConnectedSystem()).isFalse();

        directory.disconnect("btc-api");
        assertThat(directory.find("BTC").orElseThrow().hasConnectedSystem()).isFalse();
    }

    @Test
    void an_unknown_body_or_one_another_system_reaches_is_refused_and_changes_nothing() {
        directory.connect("bkhcn-api", List.of("BKHCN"));
        directory.connect("btc-api", List.of("BTC"));

        assertThat(directory.connect("btc-api", List.of("BTC", "BKHCN", "NOPE")))
                .containsExactly("agency BKHCN is already reached through system bkhcn-api", "agency NOPE is in no agency list");
        assertThat(systemOf("BKHCN")).isEqualTo("bkhcn-api");
        assertThat(systemOf("BTC")).isEqualTo("btc-api");
    }
}
