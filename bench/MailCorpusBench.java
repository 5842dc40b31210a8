import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The email channel's accuracy on the labelled corpus (src/test/resources/mail-corpus, issue 25): every mail
 * delivered to a running hub's published mailbox, then what the hub made of each compared with its label,
 * field by field, for the kept mails and the mails set aside. Two steps, with bench/run.sh (BENCH=mailcorpus)
 * in between reading the hub's database:
 *
 * <pre>
 * # 1. the mails into the mailbox, in the corpus' order, all at once (appended to a folder the hub does not read,
 * #    then moved into its INBOX in one command); each mail's Message-ID (and the ones it refers to) and its sender's
 * #    domain get the run's label, so that a run never meets the mails of an earlier one; writes "file TAB message-id"
 * java -cp jakarta.mail-api.jar:angus-mail.jar:…:jackson-*.jar bench/MailCorpusBench.java deliver \
 *      --imap-port 3143 --corpus src/test/resources/mail-corpus --label r123 --out ids.tsv
 * # 2. (run.sh waits until every mail is decided and the answers to them are sent, and exports
 * #     mails.jsonl {"messageId","status","outcome","caseCode"} and answers.jsonl {"inReplyTo","template","status"})
 * java -cp … bench/MailCorpusBench.java report --corpus … --ids ids.tsv --mails mails.jsonl \
 *      --answers answers.jsonl --url http://127.0.0.1:8080 --token <VPTW token> [--details true]
 * </pre>
 *
 * A case's title, text, submitter and files are read through the agency API (the Central Party Office's token),
 * as an officer sees them. A field the label leaves null is not counted for that mail; a field expected of a case
 * the hub did not open is counted wrong.
 */
public class MailCorpusBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELDS = List.of("action", "title", "text", "contact", "phone", "attachments", "answer");
    private static final Pattern ID = Pattern.compile("<([^<>@\\s]+)@([^<>\\s]+)>");
    private static final Pattern ADDRESS = Pattern.compile("([A-Za-z0-9._%+'-]+)@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})");

    public static void main(String[] a) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (int i = 1; i + 1 < a.length; i += 2) {
            args.put(a[i].replaceFirst("^--", ""), a[i + 1]);
        }
        switch (a.length == 0 ? "" : a[0]) {
            case "deliver" -> deliver(args);
            case "report" -> report(args);
            default -> {
                System.err.println("usage: MailCorpusBench deliver|report --corpus DIR ...");
                System.exit(2);
            }
        }
    }

    // --- step 1 ----------------------------------------------------------------------------------------------
    static void deliver(Map<String, String> args) throws Exception {
        Path corpus = Path.of(args.get("corpus"));
        String label = args.get("label");
        String to = args.getOrDefault("to", "pakn@paknskgp.local");
        JsonNode labels = JSON.readTree(corpus.resolve("labels.json").toFile());
        Session session = Session.getInstance(new Properties());
        List<MimeMessage> mails = new ArrayList<>();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args.get("out"))))) {
            for (JsonNode l : labels) {
                byte[] raw = labelled(Files.readAllBytes(corpus.resolve(l.path("file").asText())), label);
                MimeMessage m = new MimeMessage(session, new ByteArrayInputStream(raw));
                mails.add(m);
                String[] id = m.getHeader("Message-ID");
                out.println(l.path("file").asText() + "\t" + (id == null ? "" : id[0].strip()));
            }
        }
        try (Store store = session.getStore("imap")) {
            store.connect(args.getOrDefault("host", "localhost"), Integer.parseInt(args.get("imap-port")), to, "bench");
            Folder arriving = store.getFolder("Arriving-" + label);
            if (!arriving.exists()) {
                arriving.create(Folder.HOLDS_MESSAGES);
            }
            arriving.appendMessages(mails.toArray(Message[]::new));
            arriving.open(Folder.READ_WRITE);
            try {
                Message[] all = arriving.getMessages();
                arriving.copyMessages(all, store.getFolder("INBOX"));
                arriving.setFlags(all, new Flags(Flags.Flag.DELETED), true);
            } finally {
                arriving.close(true);
            }
        }
        System.out.printf("delivered %d mails of the corpus into %s's INBOX (label %s)%n", mails.size(), to, label);
    }

    /**
     * The mail with the run's label in its Message-ID, In-Reply-To and References (the ids of the corpus' mails) and
     * in the domain of its sender's address, in the top-level header only; the bytes are otherwise untouched.
     */
    static byte[] labelled(byte[] raw, String label) {
        String all = new String(raw, StandardCharsets.ISO_8859_1);
        int end = all.indexOf("\r\n\r\n");
        if (end < 0) {
            end = all.length();
        }
        String head = all.substring(0, end);
        StringBuilder out = new StringBuilder();
        String field = "";
        for (String line : head.split("\r\n", -1)) {
            if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && line.indexOf(':') > 0) {
                field = line.substring(0, line.indexOf(':')).toLowerCase();
            }
            if (field.equals("message-id") || field.equals("in-reply-to") || field.equals("references")) {
                line = ID.matcher(line).replaceAll(m -> Matcher.quoteReplacement("<" + m.group(1) + "." + label + "@" + m.group(2) + ">"));
            } else if (field.equals("from") || field.equals("reply-to") || field.equals("return-path")) {
                line = ADDRESS.matcher(line).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "@" + label + "." + m.group(2)));
            }
            out.append(line).append("\r\n");
        }
        out.setLength(out.length() - 2);
        return (out + all.substring(end)).getBytes(StandardCharsets.ISO_8859_1);
    }

    // --- step 2 ----------------------------------------------------------------------------------------------
    record Mail(String status, String outcome, String caseCode) {
    }

    static void report(Map<String, String> args) throws Exception {
        Path corpus = Path.of(args.get("corpus"));
        boolean details = Boolean.parseBoolean(args.getOrDefault("details", "false"));
        JsonNode labels = JSON.readTree(corpus.resolve("labels.json").toFile());
        Map<String, String> idOf = new HashMap<>();
        for (String line : Files.readAllLines(Path.of(args.get("ids")))) {
            String[] f = line.split("\t", -1);
            idOf.put(f[0], f[1]);
        }
        Map<String, Mail> mails = new HashMap<>();
        for (String line : Files.readAllLines(Path.of(args.get("mails")))) {
            if (!line.isBlank()) {
                JsonNode m = JSON.readTree(line);
                mails.put(m.path("messageId").asText(), new Mail(m.path("status").asText(), text(m, "outcome"), text(m, "caseCode")));
            }
        }
        Map<String, Set<String>> answers = new HashMap<>();
        for (String line : Files.readAllLines(Path.of(args.get("answers")))) {
            if (!line.isBlank()) {
                JsonNode n = JSON.readTree(line);
                if ("SENT".equals(n.path("status").asText())) {
                    answers.computeIfAbsent(n.path("inReplyTo").asText(), k -> new TreeSet<>()).add(n.path("template").asText());
                }
            }
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Map<String, JsonNode> cases = new HashMap<>();
        // field -> [kept right, kept counted, aside right, aside counted]
        Map<String, int[]> score = new LinkedHashMap<>();
        FIELDS.forEach(f -> score.put(f, new int[4]));
        Map<String, int[]> byClass = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        for (JsonNode l : labels) {
            String file = l.path("file").asText();
            boolean aside = l.path("aside").asBoolean();
            Mail m = mails.getOrDefault(idOf.get(file), new Mail("MISSING", null, null));
            String action = "QUARANTINED".equals(m.status()) ? "QUARANTINED" : m.outcome() == null ? m.status() : m.outcome();
            JsonNode c = m.caseCode() == null ? null : cases.computeIfAbsent(m.caseCode(), code -> fetch(http, args, code));
            Map<String, Boolean> verdicts = new LinkedHashMap<>();
            Map<String, String> got = new LinkedHashMap<>();
            String refCase = l.hasNonNull("case") ? mails.getOrDefault(idOf.get(l.path("case").asText()), new Mail("", null, null)).caseCode() : null;
            got.put("action", action + (m.caseCode() == null ? "" : " " + m.caseCode()));
            verdicts.put("action", l.path("action").asText().equals(action)
                    && (!l.hasNonNull("case") || refCase != null && refCase.equals(m.caseCode())));
            boolean newCase = "CASE_OPENED".equals(l.path("action").asText());
            if (l.hasNonNull("title")) {
                String title = c == null || !newCase ? null : c.path("title").asText();
                String want = nfc(l.path("title").asText());
                got.put("title", title);
                verdicts.put("title", title != null && (want.endsWith("…") ? nfc(title).startsWith(want.substring(0, want.length() - 1))
                        && title.codePointCount(0, title.length()) <= 300 : nfc(title).equals(want)));
            }
            if (l.hasNonNull("text")) {
                String content = c == null ? null : c.path("content").asText();
                got.put("text", content == null ? null : content.length() > 120 ? content.substring(0, 120) + "…" : content);
                verdicts.put("text", content != null && nfc(content).contains(nfc(l.path("text").asText())));
            }
            if (l.hasNonNull("contact")) {
                String name = c == null ? null : text(c.path("submitter"), "fullName");
                got.put("contact", name);
                verdicts.put("contact", name != null && nfc(name).equals(nfc(l.path("contact").asText())));
            }
            if (l.hasNonNull("phone")) {
                String phone = c == null ? null : text(c.path("submitter"), "phone");
                got.put("phone", phone);
                verdicts.put("phone", c != null && l.path("phone").asText().equals(phone == null ? "" : phone));
            }
            if (l.hasNonNull("attachments")) {
                Set<String> want = new TreeSet<>();
                l.path("attachments").forEach(x -> want.add(nfc(x.asText())));
                if (newCase) {
                    // the files later supplements of the corpus bring to this case are on it too by the time it is read
                    for (JsonNode later : labels) {
                        if ("SUPPLEMENT_ADDED".equals(later.path("action").asText()) && file.equals(later.path("case").asText())) {
                            later.path("attachments").forEach(x -> want.add(nfc(x.asText())));
                        }
                    }
                }
                Set<String> have = new TreeSet<>();
                if (c != null) {
                    c.path("attachments").forEach(x -> have.add(nfc(x.path("name").asText())));
                }
                got.put("attachments", c == null ? null : have.toString());
                verdicts.put("attachments", c != null && ("SUPPLEMENT_ADDED".equals(l.path("action").asText())
                        ? have.containsAll(want) : have.equals(want)));
            }
            if (l.has("answer") && !l.path("answer").isNull()) {
                Set<String> want = new TreeSet<>();
                l.path("answer").forEach(x -> want.add(x.asText()));
                Set<String> have = answers.getOrDefault(idOf.get(file), Set.of());
                got.put("answer", have.toString());
                verdicts.put("answer", have.equals(want));
            }
            int[] cls = byClass.computeIfAbsent(l.path("class").asText(), k -> new int[4]);
            boolean allRight = !verdicts.containsValue(false);
            cls[aside ? 2 : 0] += allRight ? 1 : 0;
            cls[aside ? 3 : 1]++;
            for (Map.Entry<String, Boolean> v : verdicts.entrySet()) {
                int[] s = score.get(v.getKey());
                s[aside ? 2 : 0] += v.getValue() ? 1 : 0;
                s[aside ? 3 : 1]++;
                if (!v.getValue()) {
                    wrong.add(String.format("%-52s %-11s expected %s, got %s", file + (aside ? " (aside)" : ""), v.getKey(),
                            expected(l, v.getKey()), got.get(v.getKey())));
                }
            }
        }
        int kept = 0;
        int asideCount = 0;
        for (JsonNode l : labels) {
            if (l.path("aside").asBoolean()) {
                asideCount++;
            } else {
                kept++;
            }
        }
        System.out.printf("mail corpus: %d mails, %d kept, %d aside (every fourth of each class)%n%n", labels.size(), kept, asideCount);
        System.out.printf("%-12s %16s %16s%n", "field", "kept", "aside");
        for (Map.Entry<String, int[]> s : score.entrySet()) {
            System.out.printf("%-12s %16s %16s%n", s.getKey(), ratio(s.getValue()[0], s.getValue()[1]),
                    ratio(s.getValue()[2], s.getValue()[3]));
        }
        System.out.printf("%nmails right in every field, per class%n%-14s %16s %16s%n", "class", "kept", "aside");
        for (Map.Entry<String, int[]> s : byClass.entrySet()) {
            System.out.printf("%-14s %16s %16s%n", s.getKey(), ratio(s.getValue()[0], s.getValue()[1]),
                    ratio(s.getValue()[2], s.getValue()[3]));
        }
        System.out.printf("%nwrong fields: %d%n", wrong.size());
        if (details) {
            wrong.forEach(System.out::println);
        }
    }

    private static String expected(JsonNode l, String field) {
        if (field.equals("action")) {
            return l.path("action").asText() + (l.hasNonNull("case") ? " on the case of " + l.path("case").asText() : "");
        }
        return l.path(field).toString();
    }

    private static JsonNode fetch(HttpClient http, Map<String, String> args, String code) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(args.get("url") + "/api/v1/agency/cases/" + code))
                    .header("Authorization", "Bearer " + args.get("token")).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                System.err.println("case " + code + ": HTTP " + r.statusCode());
                return null;
            }
            return JSON.readTree(r.body());
        } catch (Exception e) {
            System.err.println("case " + code + ": " + e);
            return null;
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    private static String ratio(int right, int counted) {
        return counted == 0 ? "-" : String.format("%d/%d %5.1f %%", right, counted, 100.0 * right / counted);
    }
}
