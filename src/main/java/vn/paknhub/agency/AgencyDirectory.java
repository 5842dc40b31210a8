package vn.paknhub.agency;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import vn.paknhub.core.text.CsvTable;

/**
 * The registry of bodies that receive and handle items, as data: the seed list
 * (reference/agencies.csv), further lists named by configuration, a provincial Party committee
 * for every province, and how each body is reached — its own connected system (Đ10.2b "hệ thống
 * có chức năng tương tự"), as that system's connector file declares, or, without one, the hub's
 * agency inbox API.
 */
@Component
public class AgencyDirectory {

    /**
     * @param system the connected system that receives this body's items, or null when the body
     *               works in the hub's agency inbox
     */
    public record Agency(String code, String nameVi, String nameEn, AgencyKind kind, String system) {

        public boolean hasConnectedSystem() {
            return system != null;
        }
    }

    private static final String PROVINCIAL_PARTY_COMMITTEE_PREFIX = "TU-";

    private final Map<String, Agency> byCode = new LinkedHashMap<>();
    /** agency code → the connected system that receives its items */
    private final Map<String, String> reach = new ConcurrentHashMap<>();
    /** agency code → the address where its officers receive the hub's reminders and alerts */
    private final Map<String, String> mailboxes = new LinkedHashMap<>();

    public AgencyDirectory(Environment env, ResourceLoader resources) {
        Binder binder = Binder.get(env);
        List<String> files = new ArrayList<>(List.of(env.getProperty("hub.agencies.directory",
                "classpath:reference/agencies.csv")));
        files.addAll(binder.bind("hub.agencies.extra-directories", Bindable.listOf(String.class))
                .orElse(List.of("classpath:reference/agencies-extra.csv")));
        for (String file : files) {
            for (Agency a : read(resources.getResource(file), file)) {
                add(a);
                if (a.kind() == AgencyKind.PROVINCE) {
                    add(partyCommitteeOf(a));
                }
            }
        }
        String mailboxFile = env.getProperty("hub.agencies.mailboxes", "classpath:reference/agency-mailboxes.csv");
        try (InputStream in = resources.getResource(mailboxFile).getInputStream()) {
            for (CsvTable.Row r : CsvTable.read(in, "agency mailboxes " + mailboxFile, List.of("code", "email"))) {
                String code = r.get(0).strip().toUpperCase(Locale.ROOT);
                if (!byCode.containsKey(code)) {
                    throw new IllegalArgumentException("agency mailboxes " + mailboxFile + ": line " + r.line()
                            + ": agency " + code + " is in no agency list");
                }
                mailboxes.put(code, r.get(1).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the agency mailboxes " + mailboxFile, e);
        }
    }

    /** Where the body's officers receive the hub's deadline reminders and alerts; empty when none is listed. */
    public Optional<String> mailbox(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(mailboxes.get(code.toUpperCase(Locale.ROOT)));
    }

    /** The bodies whose officers have a mailbox for the hub's messages, by code. */
    public java.util.Set<String> withMailbox() {
        return java.util.Collections.unmodifiableSet(mailboxes.keySet());
    }

    public Optional<Agency> find(String code) {
        return code == null ? Optional.empty()
                : Optional.ofNullable(byCode.get(code.toUpperCase(Locale.ROOT))).map(this::withReach);
    }

    public Collection<Agency> all() {
        return byCode.values().stream().map(this::withReach).toList();
    }

    /**
     * Declares the bodies whose items go through {@code system}, replacing what it declared before.
     * Nothing changes when a code is unknown or already reached through another system: the
     * problems say which, in words for the integrator who wrote the declaration.
     */
    public synchronized List<String> connect(String system, Collection<String> codes) {
        List<String> problems = new ArrayList<>();
        Set<String> wanted = new LinkedHashSet<>();
        for (String raw : codes) {
            String code = raw.strip().toUpperCase(Locale.ROOT);
            String other = reach.get(code);
            if (!byCode.containsKey(code)) {
                problems.add("agency " + code + " is in no agency list");
            } else if (other != null && !other.equals(system)) {
                problems.add("agency " + code + " is already reached through system " + other);
            } else {
                wanted.add(code);
            }
        }
        if (problems.isEmpty()) {
            disconnect(system);
            wanted.forEach(code -> reach.put(code, system));
        }
        return problems;
    }

    /** The system's bodies go back to the agency inbox (its connector file was removed). */
    public synchronized void disconnect(String system) {
        reach.values().removeIf(system::equals);
    }

    private Agency withReach(Agency a) {
        return new Agency(a.code(), a.nameVi(), a.nameEn(), a.kind(), reach.get(a.code()));
    }

    private void add(Agency a) {
        String code = a.code().toUpperCase(Locale.ROOT);
        if (byCode.containsKey(code)) {
            throw new IllegalArgumentException("agency " + code + " is listed twice");
        }
        byCode.put(code, new Agency(code, a.nameVi(), a.nameEn(), a.kind(), null));
    }

    /** Tỉnh X → Tỉnh ủy X, Thành phố X → Thành ủy X. */
    static Agency partyCommitteeOf(Agency province) {
        String name = province.nameVi();
        String vi = name.startsWith("Thành phố ") ? "Thành ủy " + name.substring("Thành phố ".length())
                : name.startsWith("Tỉnh ") ? "Tỉnh ủy " + name.substring("Tỉnh ".length()) : "Tỉnh ủy " + name;
        return new Agency(PROVINCIAL_PARTY_COMMITTEE_PREFIX + province.code(), vi, province.nameEn() + " Party Committee",
                AgencyKind.PROVINCIAL_PARTY_COMMITTEE, null);
    }

    private static final List<String> HEADER = List.of("code", "name_vi", "name_en", "kind");

    private static List<Agency> read(Resource csv, String name) {
        try (InputStream in = csv.getInputStream()) {
            return read(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the agency list " + name, e);
        }
    }

    static List<Agency> read(InputStream in, String name) {
        return CsvTable.read(in, "agency list " + name, HEADER).stream().map(r -> {
            try {
                return new Agency(r.get(0), r.get(1), r.get(2), AgencyKind.ofLabel(r.get(3)), null);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("agency list " + name + ": line " + r.line() + ": " + e.getMessage());
            }
        }).toList();
    }
}
