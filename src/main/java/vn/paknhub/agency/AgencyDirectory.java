package vn.paknhub.agency;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
 * có chức năng tương tự") or, without one, the hub's agency inbox API.
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

    public AgencyDirectory(Environment env, ResourceLoader resources) {
        Binder binder = Binder.get(env);
        List<String> files = new ArrayList<>(List.of(env.getProperty("hub.agencies.directory",
                "classpath:reference/agencies.csv")));
        files.addAll(binder.bind("hub.agencies.extra-directories", Bindable.listOf(String.class))
                .orElse(List.of("classpath:reference/agencies-extra.csv")));
        Map<String, String> systems = new LinkedHashMap<>();
        binder.bind("hub.agencies.systems", Bindable.mapOf(String.class, String.class)).orElse(Map.of())
                .forEach((code, system) -> systems.put(code.toUpperCase(Locale.ROOT), system.isBlank() ? null : system));
        for (String file : files) {
            for (Agency a : read(resources.getResource(file), file)) {
                add(a, systems);
                if (a.kind() == AgencyKind.PROVINCE) {
                    add(partyCommitteeOf(a), systems);
                }
            }
        }
        systems.keySet().stream().filter(code -> !byCode.containsKey(code)).findFirst().ifPresent(code -> {
            throw new IllegalArgumentException("hub.agencies.systems names agency " + code
                    + ", which is in no agency list (" + files + ")");
        });
    }

    public Optional<Agency> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code.toUpperCase(Locale.ROOT)));
    }

    public Collection<Agency> all() {
        return byCode.values();
    }

    private void add(Agency a, Map<String, String> systems) {
        String code = a.code().toUpperCase(Locale.ROOT);
        if (byCode.containsKey(code)) {
            throw new IllegalArgumentException("agency " + code + " is listed twice");
        }
        byCode.put(code, new Agency(code, a.nameVi(), a.nameEn(), a.kind(), systems.get(code)));
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
