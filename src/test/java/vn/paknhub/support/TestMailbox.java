package vn.paknhub.support;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import org.springframework.core.env.Environment;

/**
 * A mail client on the test hub's embedded mail server: sends raw mail byte for byte over SMTP (no
 * header rewritten), and lists the Message-IDs in a mailbox's folder over IMAP.
 */
public final class TestMailbox {

    private final String smtpPort;
    private final int imapPort;

    public TestMailbox(Environment env) {
        this.smtpPort = env.getRequiredProperty("hub.notify.smtp.port");
        this.imapPort = Integer.parseInt(env.getRequiredProperty("hub.embedded.mail.imap-port"));
    }

    public String smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    public void send(byte[] raw, String to) throws Exception {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "localhost");
        p.setProperty("mail.smtp.port", smtpPort);
        Session s = Session.getInstance(p);
        MimeMessage m = new MimeMessage(s, new ByteArrayInputStream(raw));
        try (Transport t = s.getTransport("smtp")) {
            t.connect();
            t.sendMessage(m, InternetAddress.parse(to));
        }
    }

    /**
     * Puts raw mails into {@code user}'s INBOX all at once, in this order, as one poll will find them:
     * appended to a folder nobody reads, then moved in one command (copied and expunged where the
     * server lacks MOVE).
     */
    public void deliverTogether(String user, java.util.List<byte[]> raws) throws Exception {
        Session s = Session.getInstance(new Properties());
        try (Store store = s.getStore("imap")) {
            store.connect("localhost", imapPort, user, "demo");
            Folder arriving = store.getFolder("Arriving");
            if (!arriving.exists()) {
                arriving.create(Folder.HOLDS_MESSAGES);
            }
            java.util.List<MimeMessage> mails = new java.util.ArrayList<>();
            for (byte[] raw : raws) {
                mails.add(new MimeMessage(s, new ByteArrayInputStream(raw)));
            }
            arriving.appendMessages(mails.toArray(jakarta.mail.Message[]::new));
            arriving.open(Folder.READ_WRITE);
            try {
                if (((org.eclipse.angus.mail.imap.IMAPStore) store).hasCapability("MOVE")) {
                    ((org.eclipse.angus.mail.imap.IMAPFolder) arriving).moveMessages(arriving.getMessages(),
                            store.getFolder("INBOX"));
                } else {
                    arriving.copyMessages(arriving.getMessages(), store.getFolder("INBOX"));
                    arriving.setFlags(arriving.getMessages(), new Flags(Flags.Flag.DELETED), true);
                }
            } finally {
                arriving.close(true);
            }
        }
    }

    /** The Message-IDs in {@code folder} of {@code user}'s mailbox, messages flagged deleted left out. */
    public Set<String> messageIds(String user, String folder) throws Exception {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("localhost", imapPort, user, "demo");
            Folder f = store.getFolder(folder);
            Set<String> ids = new HashSet<>();
            if (!f.exists()) {
                return ids;
            }
            f.open(Folder.READ_ONLY);
            try {
                for (var m : f.getMessages()) {
                    // a message the hub is moving away at this moment may vanish while it is read: it is
                    // not counted here, and the caller's await looks again
                    try {
                        String[] id = m.getHeader("Message-ID");
                        if (!m.isSet(Flags.Flag.DELETED) && id != null) {
                            ids.add(id[0]);
                        }
                    } catch (MessageRemovedException | FolderClosedException gone) {
                        continue;
                    }
                }
            } finally {
                f.close(false);
            }
            return ids;
        }
    }
}
