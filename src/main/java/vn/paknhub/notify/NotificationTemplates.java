package vn.paknhub.notify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.paknhub.core.text.VietnameseText;

/**
 * The operators' message templates, plain UTF-8 text files they edit without code:
 * {@code <template>.email.txt} (first line {@code Subject: …}, then the body) and
 * {@code <template>.sms.txt}. Placeholders are {@code {{name}}}; an edited file is read again at
 * its next use. A template that is missing or names an unknown placeholder is reported by file.
 */
public final class NotificationTemplates {

    public static final Set<String> PLACEHOLDERS = Set.of("name", "code", "title", "reason", "agency", "lookupUrl", "date",
            // receipts of the email channel: the lookup secret, and what of the mail could not be taken
            "secret", "notes",
            // printed letters to people who wrote on paper: where to send them, and the letter they wrote ("receipt":
            // its date and how it was registered, in words, leaving out what was not given)
            "address", "registerNumber", "letterDate", "receipt",
            // a body's daily report
            "received", "accepted", "answered", "answeredOnTime", "overdue", "awaitingSupplement");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

    /** A rendered message; {@code subject} is null for an SMS. */
    public record Rendered(String subject, String body) {
    }

    /** A rendered printed letter: its heading lines ({@code Key: value}) and its text. */
    public record Letter(Map<String, String> heading, String body) {
    }

    private final Path dir;

    public NotificationTemplates(Path dir) {
        this.dir = dir;
    }

    public Path fileOf(String template, Notifications.Channel channel) {
        return dir.resolve(template + "." + channel.name().toLowerCase() + ".txt");
    }

    /** Every problem of the templates the policy needs, each naming its file; empty when all are sound. */
    public List<String> problems(Iterable<String> templates) {
        List<String> problems = new ArrayList<>();
        for (String template : templates) {
            for (Notifications.Channel channel : Notifications.Channel.values()) {
                if (channel == Notifications.Channel.LETTER) {
                    continue; // optional: see hasLetter
                }
                Path file = fileOf(template, channel);
                if (!Files.isRegularFile(file)) {
                    problems.add(file + ": missing");
                    continue;
                }
                String text = read(file);
                unknownPlaceholders(file, text, problems);
                if (channel == Notifications.Channel.EMAIL && !text.startsWith("Subject:")) {
                    problems.add(file + ": the first line must be 'Subject: …'");
                }
            }
        }
        return problems;
    }

    /** The problems of a printed letter's template {@code <template>.letter.txt} lacking one of {@code heading}. */
    public List<String> letterProblems(String template, List<String> heading) {
        Path file = letterFile(template);
        if (!Files.isRegularFile(file)) {
            return List.of(file + ": missing");
        }
        List<String> problems = new ArrayList<>();
        String text = read(file);
        unknownPlaceholders(file, text, problems);
        Map<String, String> found = letter(text).heading();
        heading.stream().filter(h -> !found.containsKey(h)).forEach(h -> problems.add(file + ": no heading line '" + h + ": …'"));
        return problems;
    }

    /** Whether submitters reachable only by post get {@code template} as a printed letter. */
    public boolean hasLetter(String template) {
        return Files.isRegularFile(letterFile(template));
    }

    /** A printed letter: heading lines {@code Key: value} up to the first blank line, then its text. */
    public Letter renderLetter(String template, Map<String, String> values) {
        return letter(fill(read(letterFile(template)), values));
    }

    private Path letterFile(String template) {
        return dir.resolve(template + ".letter.txt");
    }

    private static Letter letter(String text) {
        Map<String, String> heading = new java.util.LinkedHashMap<>();
        int at = 0;
        for (String line : text.split("\n", -1)) {
            at += line.length() + 1;
            int colon = line.indexOf(':');
            if (line.isBlank() || colon < 1) {
                break;
            }
            heading.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        return new Letter(heading, text.substring(Math.min(at, text.length())).strip());
    }

    private static void unknownPlaceholders(Path file, String text, List<String> problems) {
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                problems.add(file + ": unknown placeholder {{" + m.group(1) + "}}; use " + PLACEHOLDERS);
            }
        }
    }

    public Rendered render(String template, Notifications.Channel channel, Map<String, String> values) {
        String text = fill(read(fileOf(template, channel)), values);
        if (channel == Notifications.Channel.SMS) {
            return new Rendered(null, text.strip());
        }
        int endOfSubject = text.indexOf('\n');
        String subject = text.substring("Subject:".length(), endOfSubject < 0 ? text.length() : endOfSubject).strip();
        return new Rendered(subject, endOfSubject < 0 ? "" : text.substring(endOfSubject + 1).strip() + "\n");
    }

    private static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return VietnameseText.normalize(out.toString());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the template " + file, e);
        }
    }
}
