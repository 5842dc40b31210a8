package vn.paknhub.core.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * What the hub's configuration comes to under a given set of environment variables, bound the way the
 * running hub binds it: every settings class ({@code @ConfigurationProperties}) through Spring's
 * binder, every {@code @Value} expression of the sources, and every key of application.yml. Two
 * footprints differ exactly when a variable reaches a setting; a variable that changes nothing is
 * one the hub does not read, whatever the documentation says.
 */
final class ConfigurationFootprint {

    private static final Pattern VALUE_EXPRESSION = Pattern.compile("@Value\\(\"(\\$\\{[^\"]+})\"\\)");
    /** A property read by name in code: {@code env.getProperty("hub.agencies.directory", ...)}. */
    private static final Pattern PROPERTY_READ = Pattern.compile("getProperty\\(\"([a-z][\\w.-]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper()
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).findAndRegisterModules();

    private final List<Class<?>> settingsClasses = new ArrayList<>();
    private final List<String> valueExpressions = new ArrayList<>();
    private final List<PropertySource<?>> files;

    ConfigurationFootprint() {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        for (BeanDefinition d : scan.findCandidateComponents("vn.paknhub")) {
            try {
                settingsClasses.add(Class.forName(d.getBeanClassName()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path p : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(p);
                Matcher m = VALUE_EXPRESSION.matcher(source);
                while (m.find()) {
                    valueExpressions.add(m.group(1));
                }
                Matcher read = PROPERTY_READ.matcher(source);
                while (read.find()) {
                    valueExpressions.add("${" + read.group(1) + ":}");
                }
            }
            files = new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int settingsClasses() {
        return settingsClasses.size();
    }

    int valueExpressions() {
        return valueExpressions.size();
    }

    /** The environment a hub started with exactly these variables would see (nothing of this JVM's own). */
    ConfigurableEnvironment environment(Map<String, Object> variables) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        env.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        files.forEach(env.getPropertySources()::addLast);
        ConfigurationPropertySources.attach(env);
        return env;
    }

    /** Every setting's value (or the error binding it) under these variables. */
    Map<String, String> of(Map<String, Object> variables) {
        ConfigurableEnvironment env = environment(variables);
        Map<String, String> footprint = new TreeMap<>();
        Binder binder = Binder.get(env);
        for (Class<?> c : settingsClasses) {
            String prefix = c.getAnnotation(ConfigurationProperties.class).value();
            footprint.put("class " + c.getName(), attempt(() -> JSON.writeValueAsString(
                    binder.bindOrCreate(prefix, Bindable.of(c)))));
        }
        for (String expression : valueExpressions) {
            footprint.put("@Value " + expression, attempt(() -> env.resolveRequiredPlaceholders(expression)));
        }
        for (PropertySource<?> file : files) {
            for (String key : ((EnumerablePropertySource<?>) file).getPropertyNames()) {
                footprint.put("yml " + key, attempt(() -> env.getProperty(key)));
            }
        }
        return footprint;
    }

    private interface Attempt {
        String get() throws Exception;
    }

    private static String attempt(Attempt a) {
        try {
            return String.valueOf(a.get());
        } catch (Exception e) {
            // a value the setting cannot take still shows that the variable reached it
            return "error: " + e.getClass().getSimpleName();
        }
    }
}
