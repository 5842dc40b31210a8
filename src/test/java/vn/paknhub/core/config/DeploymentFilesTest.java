package vn.paknhub.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The compose stack and its {@code .env.example} against the README's configuration table (Docker is
 * not installed here, so the files are checked, not run; {@code ProductionJarIT} runs the image's command):
 * every variable they pass is one the hub documents, every partner setting and secret the hub reads can be
 * given, no secret has a value, Kafka keeps its data on its volume, and each service says when it is healthy.
 */
class DeploymentFilesTest {

    private static final Pattern ENV_LINE = Pattern.compile("(?m)^(#\\s*)?([A-Z][A-Z0-9_]*)=(.*)$");
    private static final Pattern YML_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    /** Compose's own variables (interpolated into the file, not read by the hub). */
    private static final Set<String> COMPOSE_ONLY = Set.of("POSTGRES_PASSWORD");

    private static JsonNode compose;
    private static Map<String, EnvLine> envExample;
    private static List<String> documented;

    record EnvLine(boolean commented, String value) {
    }

    @BeforeAll
    static void read() throws IOException {
        compose = new ObjectMapper(new YAMLFactory()).readTree(Path.of("docker-compose.yml").toFile());
        envExample = new LinkedHashMap<>();
        Matcher m = ENV_LINE.matcher(Files.readString(Path.of(".env.example")));
        while (m.find()) {
            envExample.put(m.group(2), new EnvLine(m.group(1) != null, m.group(3).strip()));
        }
        documented = ConfigurationTableTest.documentedVariables();
    }

    private static boolean isDocumented(String variable) {
        return documented.contains(variable) || documented.stream().anyMatch(d -> {
            String[] parts = d.split("<[A-Z]+>", -1);
            return parts.length == 2 && variable.startsWith(parts[0]) && variable.endsWith(parts[1])
                    && variable.length() > parts[0].length() + parts[1].length();
        });
    }

    @Test
    void every_variable_the_hub_service_or_the_env_file_passes_is_documented() {
        JsonNode hub = compose.path("services").path("hub");
        assertThat(hub.path("env_file").asText()).isEqualTo(".env");
        List<String> undocumented = new ArrayList<>();
        hub.path("environment").fieldNames().forEachRemaining(v -> {
            if (!isDocumented(v)) {
                undocumented.add("compose: " + v);
            }
        });
        envExample.keySet().stream().filter(v -> !COMPOSE_ONLY.contains(v) && !isDocumented(v))
                .forEach(v -> undocumented.add(".env.example: " + v));
        assertThat(undocumented).isEmpty();
    }

    @Test
    void every_partner_setting_and_secret_the_hub_reads_can_be_given_in_the_env_file() throws IOException {
        Set<String> partnerSettings = new TreeSet<>(ConfigurationTableTest.SecretVariables.named());
        Matcher m = YML_VARIABLE.matcher(Files.readString(Path.of("src/main/resources/application.yml")));
        while (m.find()) {
            String v = m.group(1);
            if (!v.startsWith("HUB_") && !v.startsWith("SPRING_") && !v.startsWith("MANAGEMENT_") && !v.equals("PORT")
                    && !v.startsWith("CAMEL_")) {
                partnerSettings.add(v);
            }
        }
        assertThat(partnerSettings).contains("DVCQG_PAKN_URL", "DVCQG_PAKN_SESSION", "BKHCN_API_SIGNING_KEY");
        assertThat(envExample.keySet()).containsAll(partnerSettings);
        assertThat(envExample.keySet()).contains("HUB_CRYPTO_MASTER_KEY", "POSTGRES_PASSWORD", "HUB_AGENCIES_TOKENHASHES_VPTW",
                "HUB_NOTIFY_SMTP_HOST", "HUB_NOTIFY_SMTP_PASSWORD", "HUB_MAIL_PASSWORD");
    }

    @Test
    void no_secret_has_a_value_and_the_required_ones_are_demanded() {
        envExample.forEach((v, line) -> {
            if (v.endsWith("_PASSWORD") || v.endsWith("_KEY") || v.endsWith("_SESSION") || v.contains("TOKENHASHES")) {
                assertThat(line.value()).as(v + " in .env.example").isEmpty();
            }
        });
        assertThat(envExample.get("HUB_CRYPTO_MASTER_KEY").commented()).isFalse();
        assertThat(envExample.get("POSTGRES_PASSWORD").commented()).isFalse();
        JsonNode env = compose.path("services").path("hub").path("environment");
        assertThat(env.path("HUB_CRYPTO_MASTER_KEY").asText()).startsWith("${HUB_CRYPTO_MASTER_KEY:?");
        assertThat(env.path("SPRING_DATASOURCE_PASSWORD").asText()).startsWith("${POSTGRES_PASSWORD:?");
    }

    @Test
    void kafka_keeps_its_log_on_its_volume_and_every_service_the_hub_needs_is_health_checked() {
        JsonNode kafka = compose.path("services").path("kafka");
        String logDirs = kafka.path("environment").path("KAFKA_LOG_DIRS").asText();
        assertThat(logDirs).isNotBlank();
        List<String> mounts = new ArrayList<>();
        kafka.path("volumes").forEach(v -> mounts.add(v.asText().split(":")[1]));
        assertThat(mounts).anyMatch(logDirs::startsWith);
        for (String service : List.of("postgres", "kafka", "hub")) {
            assertThat(compose.path("services").path(service).path("healthcheck").path("test").isMissingNode())
                    .as(service + " health check").isFalse();
        }
        JsonNode dependsOn = compose.path("services").path("hub").path("depends_on");
        assertThat(dependsOn.path("postgres").path("condition").asText()).isEqualTo("service_healthy");
        assertThat(dependsOn.path("kafka").path("condition").asText()).isEqualTo("service_healthy");
    }

    @Test
    void the_hub_writes_only_to_its_volume_and_reads_the_integrators_files_read_only() throws IOException {
        List<String> volumes = new ArrayList<>();
        compose.path("services").path("hub").path("volumes").forEach(v -> volumes.add(v.asText()));
        assertThat(volumes).contains("hubstate:/var/lib/pakn-hub");
        assertThat(volumes).filteredOn(v -> v.startsWith("./")).allMatch(v -> v.endsWith(":ro"));
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        assertThat(dockerfile).contains("VOLUME /var/lib/pakn-hub").contains("HUB_PAPER_INBOX=/var/lib/pakn-hub/")
                .contains("chmod -R a-w /app").containsPattern("(?m)^USER hub$");
    }

    @Test
    void every_variable_application_yml_reads_is_documented() throws IOException {
        Matcher m = YML_VARIABLE.matcher(Files.readString(Path.of("src/main/resources/application.yml")));
        List<String> undocumented = new ArrayList<>();
        while (m.find()) {
            if (!isDocumented(m.group(1))) {
                undocumented.add(m.group(1));
            }
        }
        assertThat(undocumented).isEmpty();
    }
}
