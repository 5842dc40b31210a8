package vn.paknhub.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.support.PluginHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.paknhub.agency.AgencyDirectory;

/**
 * The connected systems, from the integrators' files: every routes/&lt;system&gt;.yaml is checked with
 * its mappings ({@link ConnectorFileCheck}) and loaded only if sound, and the bodies it declares
 * (parameter {@code agencies}) are reached through it from then on. A broken file is reported by
 * name and keeps its own system's deliveries waiting (they retry, then park, and can be replayed);
 * every other system keeps working. Files are read at start-up and on {@link #reload()}, which an
 * operator triggers after editing them (a controlled reload rather than a file watcher: a half-saved
 * file is never picked up, and deliveries are rows in the database, so none is lost while a route is
 * replaced).
 */
@Component
public class ConnectorCatalogue {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorCatalogue.class);

    /** @param problems empty when the connector is loaded and working */
    public record ConnectorStatus(String system, String file, boolean working, List<String> problems) {
    }

    private final CamelContext camel;
    private final AgencyDirectory agencies;
    private final ConnectorFileCheck check;
    private final Path routesDir;
    private final Path mappingsDir;
    private final Map<String, ConnectorStatus> statuses = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    public ConnectorCatalogue(CamelContext camel, AgencyDirectory agencies, ObjectMapper json, CanonicalXml canonicalXml,
            @Value("${hub.connectors.routes-dir}") Path routesDir,
            @Value("${hub.connectors.mappings-dir}") Path mappingsDir) {
        this.camel = camel;
        this.agencies = agencies;
        this.check = new ConnectorFileCheck(json, canonicalXml, value -> {
            try {
                return camel.resolvePropertyPlaceholders(value);
            } catch (RuntimeException unknown) {
                return "";
            }
        });
        this.routesDir = routesDir;
        this.mappingsDir = mappingsDir;
    }

    /**
     * Before the router starts, so that no item is sent to the agency inbox of a body whose system
     * is connected (the routes themselves are loaded once the server's port is known).
     */
    @PostConstruct
    void declareReach() {
        for (Path file : routeFiles()) {
            ConnectorFileCheck.agenciesOf(file).ifPresent(codes -> agencies.connect(ConnectorFileCheck.systemOf(file), codes));
        }
    }

    /**
     * After start-up, so that the web server's port is known to connector files that point at the
     * embedded sandboxes.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void loadAtStartup() {
        ConnectorTemplates.shipped().declareParameters(camel);
        List<ConnectorStatus> loaded = reload();
        this.loaded = true;
        LOG.info("Connectors: {} working, {} broken", loaded.stream().filter(ConnectorStatus::working).count(),
                loaded.stream().filter(s -> !s.working()).count());
    }

    /** Checks every connector file again and replaces the routes of those that load. */
    public synchronized List<ConnectorStatus> reload() {
        List<Path> files = routeFiles();
        List<String> present = files.stream().map(ConnectorFileCheck::systemOf).toList();
        for (String gone : new ArrayList<>(statuses.keySet())) {
            if (!present.contains(gone)) {
                removeRoute(gone);
                agencies.disconnect(gone);
                statuses.remove(gone);
            }
        }
        for (Path file : files) {
            String system = ConnectorFileCheck.systemOf(file);
            List<String> problems = new ArrayList<>(check.check(file, mappingsDir));
            ConnectorFileCheck.agenciesOf(file).ifPresent(codes -> agencies.connect(system, codes)
                    .forEach(p -> problems.add(file + ": parameter 'agencies': " + p)));
            if (problems.isEmpty()) {
                try {
                    removeRoute(system);
                    PluginHelper.getRoutesLoader(camel).loadRoutes(
                            PluginHelper.getResourceLoader(camel).resolveResource("file:" + file.toAbsolutePath()));
                } catch (Exception e) {
                    problems.add(file + ": the route could not be created: "
                            + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
                }
            } else {
                removeRoute(system);
            }
            problems.forEach(p -> LOG.error("Connector {} is not working: {}", system, p));
            statuses.put(system, new ConnectorStatus(system, file.toString(), problems.isEmpty(), List.copyOf(problems)));
        }
        return statuses();
    }

    /** Whether the files have been read once since start-up: before that, nothing can be delivered. */
    public boolean loaded() {
        return loaded;
    }

    public List<ConnectorStatus> statuses() {
        return List.copyOf(new TreeMap<>(statuses).values());
    }

    public boolean isWorking(String system) {
        ConnectorStatus s = statuses.get(system);
        return s != null && s.working();
    }

    public String whyNotWorking(String system) {
        ConnectorStatus s = statuses.get(system);
        return s == null ? "không có tệp kết nối / no connector file " + routesDir.resolve(system + ".yaml")
                : "tệp kết nối lỗi / broken connector: " + String.join("; ", s.problems());
    }

    private void removeRoute(String system) {
        try {
            for (String id : List.of(ConnectorFileCheck.DELIVERY + system, ConnectorFileCheck.STATUS + system)) {
                if (camel.getRoute(id) != null) {
                    camel.getRouteController().stopRoute(id);
                    camel.removeRoute(id);
                }
            }
            // mapping endpoints cache their compiled files: a reload must read the edited ones
            camel.removeEndpoints("*" + mappingsDir + "/" + system + "/*");
        } catch (Exception e) {
            throw new IllegalStateException("cannot remove the route of " + system, e);
        }
    }

    private List<Path> routeFiles() {
        if (!Files.isDirectory(routesDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(routesDir)) {
            return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
