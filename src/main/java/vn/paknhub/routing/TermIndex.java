package vn.paknhub.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.paknhub.core.text.FoldedText;
import vn.paknhub.core.text.VietnameseText;

/**
 * Finds known terms in a text, whole words only, regardless of case, diacritics and punctuation
 * ("Bộ KH&CN", "bo kh & cn" and "Bộ KH&CN," all match), in one pass over the text however many
 * terms there are. Each hit keeps the writer's own words as evidence.
 */
final class TermIndex<V> {

    record Hit<V>(V value, String term, int start, String evidence) {
    }

    private final Map<String, V> byKey = new LinkedHashMap<>();
    private final Pattern pattern;

    /** @param terms term as people write it → what it stands for */
    TermIndex(Map<String, V> terms) {
        terms.forEach((term, value) -> {
            String key = key(term);
            if (!key.isEmpty()) {
                byKey.putIfAbsent(key, value);
            }
        });
        // Longest first, so that "ubnd tinh lam dong" wins over "tinh lam dong".
        String alternation = byKey.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(k -> Pattern.quote(k).replace(" ", "\\E +\\Q"))
                .collect(Collectors.joining("|"));
        pattern = Pattern.compile("(?<![a-z0-9])(?:" + alternation + ")(?![a-z0-9])");
    }

    /** Folded, with every character other than a letter, a digit or {@code &} turned into a space. */
    static String key(String term) {
        return words(VietnameseText.fold(VietnameseText.normalize(term))).trim().replaceAll(" +", " ");
    }

    /** A folded text as the index searches it: letters, digits and {@code &}, the rest spaces (same length). */
    static String searchable(String folded) {
        return words(folded);
    }

    private static String words(String folded) {
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            out.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '&' ? c : ' ');
        }
        return out.toString();
    }

    List<Hit<V>> find(FoldedText text) {
        // same length as the folded text, so positions map back to the source
        String searchable = words(text.text());
        List<Hit<V>> hits = new ArrayList<>();
        Matcher m = pattern.matcher(searchable);
        while (m.find()) {
            String key = searchable.substring(m.start(), m.end()).replaceAll(" +", " ");
            hits.add(new Hit<>(byKey.get(key), key, m.start(), text.sourceSpan(m.start(), m.end())));
        }
        return hits;
    }

    /** Whether the whole of {@code text} is one term, and which. */
    V whole(String text) {
        return text == null ? null : byKey.get(key(text));
    }
}
