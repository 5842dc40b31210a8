package vn.paknhub.agency;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

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

    static List<Agency> read(InputStream in) throws IOException {
        List<Agency> agencies = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null || !header.startsWith("code,")) {
            throw new IOException("agency directory must start with the header code,name_vi,name_en,kind");
        }
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (!line.isBlank()) {
                List<String> f = csvFields(line);
                agencies.add(new Agency(f.get(0), f.get(1), f.get(2), f.get(3)));
            }
        }
        return agencies;
    }

    /** RFC 4180 fields: quoted fields may hold commas and doubled quotes. */
    static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                current.append('"');
                i++;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(ch);
            }
        }
        fields.add(current.toString());
        return fields;
    }
}
