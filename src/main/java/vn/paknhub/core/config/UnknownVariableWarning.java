package vn.paknhub.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Names, at start-up, every {@code HUB_*} environment variable that binds to no property of the hub,
 * with the name the operator probably meant: a misspelled variable otherwise leaves its default in
 * place without a word (an agency token that is never accepted, a limit that is never applied).
 *
 * <p>Known are the properties of the hub's configuration files (each key, and every variable a value
 * names as {@code ${NAME:default}}) and of the metadata the build writes for its settings classes.
 */
public class UnknownVariableWarning implements EnvironmentPostProcessor, Ordered {

    static final String PREFIX = "HUB_";
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+");
    private static final String METADATA = "classpath*:META-INF/*spring-configuration-metadata.json";

    private final Log log;

    public UnknownVariableWarning(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(UnknownVariableWarning.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (!(env.getPropertySources().get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)
                instanceof EnumerablePropertySource<?> variables)
                || Arrays.stream(variables.getPropertyNames()).noneMatch(v -> v.startsWith(PREFIX))) {
            return;
        }
        KnownVariables known = known(env);
        for (String variable : new TreeSet<>(Arrays.asList(variables.getPropertyNames()))) {
            if (variable.startsWith(PREFIX) && !known.knows(variable)) {
                log.warn("The environment variable " + variable + " is not a setting of the hub and is ignored"
                        + known.nearest(variable).map(n -> "; did you mean " + n + "?").orElse(
                                " (see the README's configuration table)."));
            }
        }
    }

    /** Everything the configuration files and the settings metadata of this hub name. */
    public static KnownVariables known(ConfigurableEnvironment env) {
        KnownVariables known = new KnownVariables();
        for (PropertySource<?> source : env.getPropertySources()) {
            if (source instanceof OriginTrackedMapPropertySource files) {
                addFileSource(known, files);
            }
        }
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources(METADATA)) {
                try (InputStream in = r.getInputStream()) {
                    for (JsonNode p : new ObjectMapper().readTree(in).path("properties")) {
                        String name = p.path("name").asText();
                        if (p.path("type").asText().startsWith("java.util.Map")) {
                            known.mapProperty(name);
                        } else {
                            known.property(name);
                        }
                    }
                }
            }
        } catch (IOException e) {
            // without metadata, only the configuration files' names are known: warnings may be spurious, never missing
        }
        return known;
    }

    private static void addFileSource(KnownVariables known, EnumerablePropertySource<?> source) {
        for (String name : source.getPropertyNames()) {
            known.property(name);
            Object value = source.getProperty(name);
            if (value != null) {
                known.placeholdersIn(value.toString());
                // a setting that names the variable holding a secret (api-key-variable: HUB_NOTIFY_SMS_API_KEY)
                if (VARIABLE_NAME.matcher(value.toString()).matches()) {
                    known.variables(List.of(value.toString()));
                }
            }
        }
    }

    @Override
    public int getOrder() {
        // after the configuration files are loaded
        return Ordered.LOWEST_PRECEDENCE - 10;
    }
}
