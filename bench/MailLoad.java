import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

/**
 * Load for the email channel (bench/run.sh BENCH=mail): N realistic mails (about SIZE_KB each: a
 * Vietnamese text and one PDF attachment, distinct senders and Message-IDs) put into mailboxes of
 * the IMAP server with APPEND, as a mail server's delivery would. First the ceiling: the same mails
 * into a mailbox nobody reads, then fetched whole over IMAP by one client (the raw fetch rate of this
 * server on this machine). Then the same mails into the hub's published mailbox; run.sh reads from
 * the database when the hub has processed them. With --arrival backlog (the default) they are first
 * appended to a folder the hub does not read and then moved into its INBOX in one command: the clock
 * starts with a full mailbox (the morning's mail, or a hub back from maintenance), and the figure is
 * the hub's own. With --arrival stream they are appended to the INBOX while the hub reads it, and the
 * figure is bounded by how fast this server takes them in while the hub works beside it.
 *
 *   java -cp <jakarta mail jars> bench/MailLoad.java --imap-port P --count N --label L [--size-kb 20]
 *       [--arrival backlog|stream]
 */
public class MailLoad {

    public static void main(String[] a) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i + 1 < a.length; i += 2) {
            args.put(a[i].replaceFirst("^--", ""), a[i + 1]);
        }
        int count = Integer.parseInt(args.getOrDefault("count", "1000"));
        int sizeKb = Integer.parseInt(args.getOrDefault("size-kb", "20"));
        String label = args.getOrDefault("label", "m");
        String hubBox = args.getOrDefault("to", "pakn@paknskgp.local");
        String ceilingBox = "ceiling-" + label + "@paknskgp.local";
        Session session = Session.getInstance(new Properties());
        String imapPort = args.get("imap-port");

        List<MimeMessage> mails = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 0; i < count; i++) {
            mails.add(mail(session, label, i, sizeKb, random));
        }
        long bytes = 0;
        for (MimeMessage m : mails) {
            var counter = new java.io.ByteArrayOutputStream();
            m.writeTo(counter);
            bytes += counter.size();
        }
        System.out.printf("mails: %d of %.1f KB on average%n", count, bytes / 1024.0 / count);

        long t0 = System.nanoTime();
        append(imapPort, ceilingBox, "INBOX", mails);
        double appendSeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        int fetched = fetchAll(imapPort, ceilingBox);
        double fetchSeconds = (System.nanoTime() - t1) / 1e9;
        System.out.printf("CEILING imap_append_per_s=%.0f imap_fetch_per_s=%.0f fetched=%d%n", count / appendSeconds,
                fetched / fetchSeconds, fetched);

        boolean backlog = !"stream".equals(args.getOrDefault("arrival", "backlog"));
        long t2 = System.nanoTime();
        long start = System.currentTimeMillis();
        if (backlog) {
            append(imapPort, hubBox, "Arriving", mails);
            start = System.currentTimeMillis();
            moveToInbox(imapPort, hubBox, "Arriving");
        } else {
            append(imapPort, hubBox, "INBOX", mails);
        }
        System.out.printf("RESULT sent=%d start_ms=%d send_ms=%d arrival=%s%n", count, start,
                (System.nanoTime() - t2) / 1_000_000, backlog ? "backlog" : "stream");
    }

    private static MimeMessage mail(Session session, String label, int i, int sizeKb, Random random) throws Exception {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("nguoigui" + i + "@example.vn", "Người Gửi Số " + i, "UTF-8"));
        m.setSubject("Đề xuất số " + i + " về chuyển đổi số (" + label + ")", "UTF-8");
        StringBuilder text = new StringBuilder("Kính gửi: Bộ Khoa học và Công nghệ\n\n");
        while (text.length() < 2500) {
            text.append("Tôi đề xuất mở dữ liệu khoa học công nghệ cho doanh nghiệp khởi nghiệp sáng tạo, số ").append(i)
                    .append(", mã ").append(label).append(". ");
        }
        text.append("\n\nNgười Gửi Số ").append(i).append("\nĐịa chỉ: ").append(i)
                .append(" Tràng Tiền, phường Tràng Tiền, quận Hoàn Kiếm, Hà Nội\nĐiện thoại: 0912 345 678\n");
        MimeBodyPart body = new MimeBodyPart();
        body.setText(text.toString(), "UTF-8");
        byte[] pdf = new byte[Math.max(1024, sizeKb * 1024 - 2 * text.length() - 2048) * 3 / 4];
        random.nextBytes(pdf);
        System.arraycopy("%PDF-1.4\n".getBytes(), 0, pdf, 0, 9);
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setContent(pdf, "application/pdf");
        attachment.setFileName("de-xuat-" + i + ".pdf");
        attachment.setDisposition(MimeBodyPart.ATTACHMENT);
        m.setContent(new MimeMultipart(body, attachment));
        m.saveChanges();
        m.setHeader("Message-ID", "<" + label + "-" + i + "@bench.example.vn>");
        return m;
    }

    /** Delivers the mails into {@code box}'s {@code folder}, a hundred per APPEND. */
    private static void append(String imapPort, String box, String folder, List<MimeMessage> mails) throws Exception {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", Integer.parseInt(imapPort), box, "bench");
            Folder to = store.getFolder(folder);
            if (!to.exists()) {
                to.create(Folder.HOLDS_MESSAGES);
            }
            for (int i = 0; i < mails.size(); i += 100) {
                to.appendMessages(mails.subList(i, Math.min(mails.size(), i + 100)).toArray(Message[]::new));
            }
        }
    }

    /** All of {@code box}'s {@code folder} into its INBOX at once (IMAP MOVE). */
    private static void moveToInbox(String imapPort, String box, String folder) throws Exception {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", Integer.parseInt(imapPort), box, "bench");
            Folder from = store.getFolder(folder);
            from.open(Folder.READ_WRITE);
            ((org.eclipse.angus.mail.imap.IMAPFolder) from).moveMessages(from.getMessages(), store.getFolder("INBOX"));
            from.close(true);
        }
    }

    private static int fetchAll(String imapPort, String box) throws Exception {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", Integer.parseInt(imapPort), box, "bench");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            int n = 0;
            for (Message m : inbox.getMessages()) {
                m.writeTo(OutputStream.nullOutputStream());
                n++;
            }
            inbox.close(false);
            return n;
        }
    }
}
