package vn.paknhub.core.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The environment variables the hub understands, as Spring's relaxed binding reads them, so that one
 * that binds to nothing can be named at start-up with the name the operator probably meant.
 *
 * <p>Spring maps a variable to a property by lower-casing it and reading each {@code _} as a dot:
 * {@code HUB_MAIL_MAX_ATTEMPTS} reaches {@code hub.mail.max-attempts} (a dash is dropped or read as
 * {@code _}), but a map property's dash must be dropped: {@code hub.agencies.token-hashes.BKHCN} is
 * {@code HUB_AGENCIES_TOKENHASHES_BKHCN}, and {@code HUB_AGENCIES_TOKEN_HASHES_BKHCN} binds to nothing.
 */
public final class KnownVariables {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private final Set<String> names = new LinkedHashSet<>();
    /** Map properties in their variable form, ending with "_": a key follows. */
    private final Set<String> mapPrefixes = new LinkedHashSet<>();

    /** A property that takes a single value (from a configuration file or the hub's metadata). */
    public KnownVariables property(String name) {
        names.add(canonical(name));
        names.add(legacy(name));
        return this;
    }

    /** A property whose keys come after its name (a {@code Map}). */
    public KnownVariables mapProperty(String name) {
        mapPrefixes.add(canonical(name) + "_");
        return this;
    }

    /** A variable a configuration file names itself, as in {@code ${HUB_DB_POOL_SIZE:8}}. */
    public KnownVariables placeholdersIn(String value) {
        Matcher m = PLACEHOLDER.matcher(value);
        while (m.find()) {
            names.add(m.group(1));
        }
        return this;
    }

    public KnownVariables variables(Collection<String> variableNames) {
        names.addAll(variableNames);
        return this;
    }

    public boolean knows(String variable) {
        return names.contains(variable) || mapPrefixes.stream().anyMatch(p -> variable.startsWith(p) && variable.length() > p.length());
    }

    /**
     * The known name nearest to a variable that binds to nothing: for a map property written with its
     * dash as {@code _}, the same key under the right prefix; otherwise the name fewest edits away.
     */
    public Optional<String> nearest(String variable) {
        for (String prefix : mapPrefixes) {
            String tail = variable.replace("_", "");
            String bare = prefix.replace("_", "");
            if (tail.startsWith(bare) && tail.length() > bare.length()) {
                int cut = cutAfter(variable, bare.length());
                if (cut < variable.length()) {
                    return Optional.of(prefix + variable.substring(cut));
                }
            }
        }
        return names.stream()
                .min(Comparator.comparingInt((String n) -> DISTANCE.apply(n, variable)).thenComparing(n -> n))
                .filter(n -> DISTANCE.apply(n, variable) <= Math.max(3, variable.length() / 4));
    }

    /** The index in {@code variable} after {@code letters} characters other than {@code _} and the {@code _} after them. */
    private static int cutAfter(String variable, int letters) {
        int seen = 0;
        int i = 0;
        while (i < variable.length() && seen < letters) {
            if (variable.charAt(i) != '_') {
                seen++;
            }
            i++;
        }
        while (i < variable.length() && variable.charAt(i) == '_') {
            i++;
        }
        return i;
    }

    /** {@code hub.agencies.token-hashes} → {@code HUB_AGENCIES_TOKENHASHES}: the form Spring binds in every case. */
    static String canonical(String property) {
        return property.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** {@code hub.mail.max-attempts} → {@code HUB_MAIL_MAX_ATTEMPTS}: also bound, except inside maps. */
    static String legacy(String property) {
        return property.replace('-', '_').replace('.', '_').toUpperCase(Locale.ROOT);
    }
}
