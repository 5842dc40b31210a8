package vn.paknhub.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.impl.NoOpLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The README's configuration table is the operator's contract: every variable it lists must reach the
 * setting it describes. Each variable is set alone, on top of application.yml, and the hub's
 * configuration is bound as the hub binds it; a variable that changes nothing fails here (as
 * {@code HUB_AGENCIES_TOKEN_HASHES_<CODE>} did: Spring binds a map's key only under
 * {@code TOKENHASHES}, so every agency token was refused).
 */
class ConfigurationTableTest {

    /** Values tried in turn until one is a value the setting takes and differs from its default. */
    private static final List<String> SENTINELS = List.of("4711", "false", "true", "7MB", "14:45",
            "http://sentinel.example/{code}", "a".repeat(64), "c2VudGluZWwtc2VudGluZWwtc2VudGluZWwtc2VudGk=",
            "imap", "sentinel.example", "sentinel-value");
    private static final Pattern VARIABLE = Pattern.compile("`([A-Z<][A-Z0-9_<>]*)`");

    private static ConfigurationFootprint footprint;
    private static Map<String, String> defaults;

    @BeforeAll
    static void bindDefaults() {
        footprint = new ConfigurationFootprint();
        defaults = footprint.of(Map.of());
    }

    /** The first column of the README's configuration tables, with {@code <CODE>} made a real agency code. */
    static List<String> documentedVariables() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("\n## Configuration");
        int end = readme.indexOf("\n## ", start + 1);
        Set<String> variables = new LinkedHashSet<>();
        for (String line : readme.substring(start, end).split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String firstCell = line.substring(1, line.indexOf('|', 1));
            Matcher m = VARIABLE.matcher(firstCell);
            while (m.find()) {
                variables.add(m.group(1));
            }
        }
        return new ArrayList<>(variables);
    }

    @Test
    void the_footprint_sees_every_settings_class_and_value_of_the_hub() {
        assertThat(footprint.settingsClasses()).isGreaterThanOrEqualTo(8);
        assertThat(footprint.valueExpressions()).isGreaterThanOrEqualTo(20);
        assertThat(defaults).doesNotContainValue("error: BindException");
    }

    @Test
    void every_variable_of_the_readme_changes_the_setting_it_names() throws IOException {
        List<String> variables = documentedVariables();
        assertThat(variables).hasSizeGreaterThan(80).contains("HUB_CRYPTO_MASTER_KEY", "SPRING_DATASOURCE_URL");
        List<String> unbound = new ArrayList<>();
        for (String documented : variables) {
            if (documented.startsWith("<SYSTEM>") || SecretVariables.named().contains(documented)) {
                continue; // read by the name a file gives: checked below
            }
            String variable = documented.replace("<CODE>", "BKHCN");
            if (!reachesASetting(variable)) {
                unbound.add(documented);
            }
        }
        assertThat(unbound).as("documented variables that bind to nothing").isEmpty();
    }

    @Test
    void a_map_key_under_the_dashed_name_binds_to_nothing_which_the_check_would_have_caught() {
        assertThat(reachesASetting("HUB_AGENCIES_TOKEN_HASHES_BKHCN")).isFalse();
        assertThat(reachesASetting("HUB_AGENCIES_TOKENHASHES_BKHCN")).isTrue();
        assertThat(reachesASetting("HUB_MAIL_MAX_ATEMPTS")).isFalse();
    }

    @Test
    void every_secret_read_by_the_name_a_file_gives_is_documented() throws IOException {
        List<String> documented = documentedVariables();
        assertThat(SecretVariables.named()).contains("DVCQG_PAKN_SESSION", "BKHCN_API_SIGNING_KEY", "HUB_NOTIFY_SMS_API_KEY");
        for (String variable : SecretVariables.named()) {
            boolean bySystemPattern = documented.stream().filter(d -> d.startsWith("<SYSTEM>"))
                    .anyMatch(d -> variable.endsWith(d.substring("<SYSTEM>".length())));
            assertThat(documented.contains(variable) || bySystemPattern)
                    .as(variable + " (named in routes/ or application.yml) is in the README's table").isTrue();
        }
    }

    @Test
    void the_start_up_check_knows_every_documented_variable_and_names_the_nearest_for_a_misspelling() throws IOException {
        KnownVariables known = UnknownVariableWarning.known(footprint.environment(Map.of()));
        for (String documented : documentedVariables()) {
            if (documented.startsWith(UnknownVariableWarning.PREFIX)) {
                assertThat(known.knows(documented.replace("<CODE>", "BKHCN"))).as(documented).isTrue();
            }
        }
        assertThat(known.knows("HUB_AGENCIES_TOKEN_HASHES_BKHCN")).isFalse();
        assertThat(known.nearest("HUB_AGENCIES_TOKEN_HASHES_BKHCN")).contains("HUB_AGENCIES_TOKENHASHES_BKHCN");
        assertThat(known.knows("HUB_MAIL_MAX_ATEMPTS")).isFalse();
        assertThat(known.nearest("HUB_MAIL_MAX_ATEMPTS")).contains("HUB_MAIL_MAX_ATTEMPTS");
        assertThat(known.nearest("HUB_TOTALLY_UNRELATED_THING")).isEmpty();
    }

    @Test
    void an_unknown_hub_variable_is_logged_at_start_up_with_the_nearest_known_name() {
        List<String> warnings = new ArrayList<>();
        Log capture = new NoOpLog() {
            @Override
            public void warn(Object message) {
                warnings.add(message.toString());
            }
        };
        new UnknownVariableWarning(destination -> capture).postProcessEnvironment(footprint.environment(Map.of(
                "HUB_AGENCIES_TOKEN_HASHES_BKHCN", "a".repeat(64), "HUB_MAIL_MAX_ATTEMPTS", "4",
                "HUB_AGENCIES_TOKENHASHES_BYT", "b".repeat(64), "HUB_NOTIFY_SMS_API_KEY", "k")), null);
        assertThat(warnings).containsExactly("The environment variable HUB_AGENCIES_TOKEN_HASHES_BKHCN is not a setting"
                + " of the hub and is ignored; did you mean HUB_AGENCIES_TOKENHASHES_BKHCN?");
    }

    /**
     * Whether the variable changes the hub's configuration: its own settings, or (for Spring's and
     * Camel's variables such as {@code SPRING_DATASOURCE_USERNAME}) the property of that name which the
     * libraries' metadata declares.
     */
    private static boolean reachesASetting(String variable) {
        for (String value : SENTINELS) {
            Map<String, String> changed = footprint.of(Map.of(variable, value));
            if (!changed.equals(defaults)) {
                return true;
            }
        }
        for (String property : LibraryProperties.named(variable)) {
            if ("sentinel-value".equals(footprint.environment(Map.of(variable, "sentinel-value")).getProperty(property))) {
                return true;
            }
        }
        return false;
    }

    /** The properties the libraries on the classpath declare (Spring Boot, Camel), by the variable that binds them. */
    static final class LibraryProperties {
        private static Map<String, List<String>> byVariable;

        static synchronized List<String> named(String variable) {
            if (byVariable == null) {
                byVariable = new HashMap<>();
                try {
                    for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:META-INF/spring-configuration-metadata.json")) {
                        try (InputStream in = r.getInputStream()) {
                            for (JsonNode p : new ObjectMapper()
                                    .readTree(in).path("properties")) {
                                String name = p.path("name").asText();
                                byVariable.computeIfAbsent(KnownVariables.canonical(name), k -> new ArrayList<>()).add(name);
                                byVariable.computeIfAbsent(KnownVariables.legacy(name), k -> new ArrayList<>()).add(name);
                            }
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return byVariable.getOrDefault(variable, List.of());
        }
    }

    /**
     * The environment variables holding secrets that the hub reads by the name a file gives: the shipped
     * connector files' {@code signingKeyVariable} and {@code sessionVariable}, and application.yml's
     * {@code *-variable} settings. They reach no setting; the code reading them is tested with them.
     */
    static final class SecretVariables {
        private static final Pattern PARAMETER = Pattern.compile(
                "name: (\\w+Variable)\\s*\\n\\s*value: ([A-Z][A-Z0-9_]*)");
        private static final Pattern SETTING = Pattern.compile("[\\w-]+-variable: ([A-Z][A-Z0-9_]*)");

        static Set<String> named() throws IOException {
            Set<String> names = new LinkedHashSet<>();
            Matcher setting = SETTING.matcher(Files.readString(Path.of("src/main/resources/application.yml")));
            while (setting.find()) {
                names.add(setting.group(1));
            }
            try (Stream<Path> files = Files.list(Path.of("routes"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                    Matcher m = PARAMETER.matcher(Files.readString(f));
                    while (m.find()) {
                        names.add(m.group(2));
                    }
                }
            }
            return names;
        }
    }
}
