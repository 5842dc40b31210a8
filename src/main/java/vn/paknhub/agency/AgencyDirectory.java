package vn.paknhub.agency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * (reference/agencies.csv), further lists named by configuration, for every province its Party
 * committee and its steering committee for science, technology, innovation and digital
 * transformation (both Đ10.3 addressees), and how each body is reached — its own connected system
 * (Đ10.2b "hệ thống có chức năng tương tự"), as that system's connector file declares, or, without
 * one, the hub's agency inbox API.
 *
 * <p>Each list is {@code code,name_vi,name_en,kind,source}: {@code source} names the legal text the
 * row rests on (a resolution, decree, Party decision), so that an operator can check the catalogue
 * against the law when bodies are reorganised. A list without that column ({@code
 * code,name_vi,name_en,kind}, as older lists are) is still read; its bodies have no source.
 */
@Component
public class AgencyDirectory {

    /**
     * @param system the connected system that receives this body's items, or null when the body
     *               works in the hub's agency inbox
     * @param source the legal text the body's entry rests on, or null when its list does not say
     */
    public record Agency(String code, String nameVi, String nameEn, AgencyKind kind, String system, String source) {

        /** A body whose list does not name its legal source. */
        public Agency(String code, String nameVi, String nameEn, AgencyKind kind, String system) {
            this(code, nameVi, nameEn, kind, system, null);
        }

        public boolean hasConnectedSystem() {
            return system != null;
        }
    }

    private static final String PROVINCIAL_PARTY_COMMITTEE_PREFIX = "TU-";
    private static final String LOCAL_STEERING_COMMITTEE_PREFIX = "BCD-";

    /** The legal basis of every provincial Party committee (Đ10.3 "các tỉnh ủy, thành ủy"). */
    static final String PARTY_COMMITTEE_SOURCE = "Điều lệ Đảng Cộng sản Việt Nam (2011); quyết định của Bộ Chính trị"
            + " về đảng bộ tỉnh, thành phố theo đơn vị hành chính cấp tỉnh sau sắp xếp năm 2025 (số hiệu: to be confirmed)";

    /** The legal basis of every provincial steering committee (Đ10.3 "Ban Chỉ đạo của địa phương"). */
    static final String LOCAL_STEERING_COMMITTEE_SOURCE = "Nghị quyết 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;"
            + " quyết định thành lập của Ban Thường vụ tỉnh ủy, thành ủy (số hiệu theo từng địa phương: to be confirmed)";

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
                    add(steeringCommitteeOf(a));
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
        return new Agency(a.code(), a.nameVi(), a.nameEn(), a.kind(), reach.get(a.code()), a.source());
    }

    private void add(Agency a) {
        String code = a.code().toUpperCase(Locale.ROOT);
        if (byCode.containsKey(code)) {
            throw new IllegalArgumentException("agency " + code + " is listed twice");
        }
        byCode.put(code, new Agency(code, a.nameVi(), a.nameEn(), a.kind(), null, a.source()));
    }

    /** Tỉnh X → Tỉnh ủy X, Thành phố X → Thành ủy X (code TU-<province code>). */
    static Agency partyCommitteeOf(Agency province) {
        String name = province.nameVi();
        String vi = name.startsWith("Thành phố ") ? "Thành ủy " + name.substring("Thành phố ".length())
                : name.startsWith("Tỉnh ") ? "Tỉnh ủy " + name.substring("Tỉnh ".length()) : "Tỉnh ủy " + name;
        return new Agency(PROVINCIAL_PARTY_COMMITTEE_PREFIX + province.code(), vi, province.nameEn() + " Party Committee",
                AgencyKind.PROVINCIAL_PARTY_COMMITTEE, null, PARTY_COMMITTEE_SOURCE);
    }

    /**
     * Tỉnh X → Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh X
     * (code BCD-<province code>): the steering committee each province set up under Resolution 57-NQ/TW.
     */
    static Agency steeringCommitteeOf(Agency province) {
        String name = province.nameVi();
        String place = name.startsWith("Thành phố ") ? "thành phố " + name.substring("Thành phố ".length())
                : name.startsWith("Tỉnh ") ? "tỉnh " + name.substring("Tỉnh ".length()) : name;
        String en = province.nameEn().endsWith(" Province") || province.nameEn().endsWith(" City")
                ? province.nameEn() : province.nameEn() + " City";
        return new Agency(LOCAL_STEERING_COMMITTEE_PREFIX + province.code(),
                "Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số " + place,
                "Steering Committee on Science, Technology, Innovation and Digital Transformation of " + en,
                AgencyKind.STEERING_COMMITTEE, null, LOCAL_STEERING_COMMITTEE_SOURCE);
    }

    private static final List<String> HEADER = List.of("code", "name_vi", "name_en", "kind", "source");
    /** Lists written before the source column (e.g. the shared reference list): read, without sources. */
    private static final List<String> HEADER_WITHOUT_SOURCE = HEADER.subList(0, 4);

    private static List<Agency> read(Resource csv, String name) {
        try (InputStream in = csv.getInputStream()) {
            return read(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the agency list " + name, e);
        }
    }

    static List<Agency> read(InputStream in, String name) throws IOException {
        byte[] csv = in.readAllBytes();
        List<String> header = hasSourceColumn(csv) ? HEADER : HEADER_WITHOUT_SOURCE;
        return CsvTable.read(new ByteArrayInputStream(csv), "agency list " + name, header).stream().map(r -> {
            try {
                return new Agency(r.get(0), r.get(1), r.get(2), AgencyKind.ofLabel(r.get(3)), null,
                        header == HEADER ? r.get(4) : null);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("agency list " + name + ": line " + r.line() + ": " + e.getMessage());
            }
        }).toList();
    }

    /** Whether the list's first line is the header with the source column (anything else is left to CsvTable to judge). */
    private static boolean hasSourceColumn(byte[] csv) {
        String text = new String(csv, StandardCharsets.UTF_8).replace("\uFEFF", "");
        int end = text.indexOf('\n');
        String first = (end < 0 ? text : text.substring(0, end)).strip();
        return !first.equals(String.join(",", HEADER_WITHOUT_SOURCE));
    }
}
