package vn.paknhub.agency;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import vn.paknhub.core.text.CsvTable;

/** The bodies that receive and handle items (seeded from reference/agencies.csv; operators may replace the file). */
@Component
public class AgencyDirectory {

    public record Agency(String code, String nameVi, String nameEn, String kind) {
    }

    private final Map<String, Agency> byCode = new LinkedHashMap<>();

    public AgencyDirectory(@Value("${hub.agencies.directory:classpath:reference/agencies.csv}") Resource csv) {
        try (InputStream in = csv.getInputStream()) {
            read(in).forEach(a -> byCode.put(a.code(), a));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the agency directory " + csv, e);
        }
    }

    public Optional<Agency> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
    }

    private static final List<String> HEADER = List.of("code", "name_vi", "name_en", "kind");

    static List<Agency> read(InputStream in) {
        return CsvTable.read(in, "agency directory", HEADER).stream()
                .map(r -> new Agency(r.get(0), r.get(1), r.get(2), r.get(3))).toList();
    }
}
