package vn.paknhub.mail;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.StoreClosedException;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.camel.component.mail.MailBoxPostProcessAction;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.pop3.POP3Folder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * One poll of the published mailbox. Its mails are fetched one after another on the poll's own mail
 * session, and each is stored and decided by a worker while the next is fetched: a mail's time is
 * mostly spent waiting for the database, so several at once keep the channel busy. Mails of one
 * sender go to the same worker, in the order they came, so that a person's second mail sees what the
 * first one did (a reply threaded onto the case it opened, the daily caps of Đ18.5).
 * <p>
 * Only when every mail of the poll is handled are they moved, all those for one folder in one
 * command (IMAP MOVE, or COPY then delete where the server lacks MOVE; POP3, which has no folders,
 * deletes them). A mail whose handling failed is not touched and is read again at the next poll; a
 * node that dies before the move leaves the poll's mails where they were, stored and decided once.
 * <p>
 * Nothing a single mail does can stop the poll or make it spin: a mail is fetched as the server's bytes
 * ({@link MailBytes}), and one the server will not give whole, or that cannot be stored for a reason of its
 * own, is counted ({@link MailIntake#unfetched}), waits its back-off without being fetched again, and after
 * its last attempt is quarantined and moved to the failed folder, while the other mails of the poll go on.
 * A poll that moved nothing is not followed at once by the next ({@link #movedAny()}): mails left behind
 * wait for the poll delay instead of being read again many times a second.
 */
class MailPoll implements MailBoxPostProcessAction, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(MailPoll.class);

    private final MailIntake intake;
    private final boolean pop3;
    private final List<ExecutorService> workers = new ArrayList<>();
    /** This poll's mails; only the mailbox route's own thread touches it (one poll at a time). */
    private final List<Pending> pending = new ArrayList<>();
    /** Mails whose last fetch or store failed, by mailbox key: not fetched again before this time (epoch ms). */
    private final Map<String, Long> waiting = new ConcurrentHashMap<>();
    /** Mails this poll left in the mailbox because the connection went: logged once per poll, not once per mail. */
    private int connectionLost;
    private volatile boolean movedAny;

    private record Pending(Message mail, Future<?> folder) {
    }

    /** {@code pop3}: the mailbox has no folders, and a handled mail is deleted instead of moved. */
    MailPoll(MailIntake intake, int workerCount, boolean pop3) {
        this.intake = intake;
        this.pop3 = pop3;
        for (int i = 0; i < Math.max(1, workerCount); i++) {
            workers.add(Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "mail-intake-worker");
                t.setDaemon(true);
                return t;
            }));
        }
    }

    /**
     * For the mailbox route: fetches the mail whole and hands it to its sender's worker. The first mail
     * of a poll ({@code indexInPoll} 0) drops what an interrupted earlier poll left: its message
     * objects belong to a folder since closed, and those mails are still in the mailbox to be read again.
     * Never throws: a failure stays with its mail, so the poll goes on to the next and is never rolled back.
     */
    public void receive(Message mail, int indexInPoll) {
        if (indexInPoll == 0) {
            pending.clear();
            connectionLost = 0;
        }
        String key = null;
        if (!waiting.isEmpty()) {
            key = key(mail);
            Long notBefore = waiting.get(key);
            if (notBefore != null && notBefore > System.currentTimeMillis()) {
                // its back-off is not over: not fetched again, not logged again
                return;
            }
        }
        byte[] raw;
        try {
            raw = MailBytes.of(mail);
        } catch (Exception failure) {
            if (notTheMails(failure)) {
                connectionLost++;
                return;
            }
            String folder = unfetched(mail, key, headerBytes(mail), failure);
            if (folder != null) {
                pending.add(new Pending(mail, CompletableFuture.completedFuture(folder)));
            }
            return;
        }
        MailHeaders headers = MailHeaders.of(raw);
        // the sender as MailHeaders reads it, in lower case; mails without a readable one share worker 0
        ExecutorService worker = workers.get(Math.floorMod(Objects.hashCode(headers.sender()), workers.size()));
        if (key != null && waiting.remove(key) != null) {
            intake.fetched(key);
        }
        pending.add(new Pending(mail, worker.submit((java.util.concurrent.Callable<Object>) () -> {
            try {
                return intake.receive(raw, headers);
            } catch (RuntimeException failure) {
                if (MailIntake.storeDown(failure)) {
                    throw failure;
                }
                // the mail could not be stored for a reason of its own: counted like a mail the server would not give
                return new Unstored(raw, failure);
            }
        })));
    }

    /** A mail whose store failed for a reason of its own; counted on the poll's thread, which has its folder. */
    private record Unstored(byte[] raw, RuntimeException failure) {
    }

    /**
     * Counts a failed fetch (or store) of a mail and says where it goes: the failed folder after its last
     * attempt, else nowhere (null: it stays in the mailbox, and is not fetched again before its back-off).
     */
    private String unfetched(Message mail, String knownKey, byte[] headers, Exception failure) {
        String key = knownKey != null ? knownKey : key(mail);
        try {
            MailIntake.Unfetched verdict = intake.unfetched(key, headers, failure);
            if (verdict.folder() != null) {
                waiting.remove(key);
                return verdict.folder();
            }
            waiting.put(key, System.currentTimeMillis() + verdict.backoffMs());
        } catch (RuntimeException storeDown) {
            // the database is away too: nothing counted, the mail waits in the mailbox for a later poll
            LOG.warn("A mail stays in the mailbox: neither read nor counted ({})", storeDown.toString());
        }
        return null;
    }

    /** A failure of the session, not of this mail (the connection dropped, another node moved it): not counted. */
    private static boolean notTheMails(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof FolderClosedException || t instanceof StoreClosedException
                    || t instanceof MessageRemovedException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The mail's identity in the mailbox, for counting the failures of a mail that has no bytes to be stored
     * by: the folder's UIDVALIDITY and the mail's UID over IMAP, its UIDL over POP3, else its Message-ID, else
     * its number.
     */
    private static String key(Message mail) {
        try {
            Folder folder = mail.getFolder();
            if (folder instanceof UIDFolder uids) {
                return "imap:" + folder.getFullName() + ":" + uids.getUIDValidity() + ":" + uids.getUID(mail);
            }
            if (folder instanceof POP3Folder pop) {
                return "pop3:" + pop.getUID(mail);
            }
            String[] id = mail.getHeader("Message-ID");
            if (id != null && id.length > 0) {
                return "id:" + id[0].strip();
            }
        } catch (MessagingException | RuntimeException unknown) {
            // the number below is all there is
        }
        return "number:" + mail.getMessageNumber();
    }

    /** The header lines the server gives for a mail it will not give whole: kept for the operator, or nothing. */
    private static byte[] headerBytes(Message mail) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (mail instanceof MimeMessage mime) {
                for (String line : Collections.list(mime.getAllHeaderLines())) {
                    out.writeBytes((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                }
            }
            return out.toByteArray();
        } catch (MessagingException | RuntimeException unreadable) {
            return new byte[0];
        }
    }

    /** Whether the last poll moved (or deleted) any mail: if not, the next poll waits for the poll delay. */
    boolean movedAny() {
        return movedAny;
    }

    /** Called by the mail consumer once the poll's mails are all read, before it closes the folder. */
    @Override
    public void process(Folder folder) throws MessagingException {
        movedAny = false;
        Map<String, List<Message>> decided = awaitDecisions();
        for (Map.Entry<String, List<Message>> moves : decided.entrySet()) {
            settle(folder, moves.getKey(), moves.getValue().toArray(Message[]::new));
        }
        movedAny = !decided.isEmpty();
    }

    /** Waits for this poll's mails to be handled: the mails for each folder; one left in the mailbox is left out. */
    Map<String, List<Message>> awaitDecisions() {
        Map<String, List<Message>> byFolder = new LinkedHashMap<>();
        int storeDown = 0;
        String why = null;
        try {
            for (Pending p : pending) {
                String folder;
                try {
                    Object done = p.folder().get();
                    folder = done instanceof Unstored u ? unfetched(p.mail(), null, u.raw(), u.failure()) : (String) done;
                } catch (ExecutionException failed) {
                    storeDown++;
                    why = failed.getCause().toString();
                    continue;
                }
                if (folder != null) {
                    byFolder.computeIfAbsent(folder, f -> new ArrayList<>()).add(p.mail());
                }
            }
            // one line per poll, whatever the number of mails: the database or the connection is away, not a mail
            if (storeDown > 0) {
                LOG.warn("{} mail(s) stay in the mailbox for a later poll, not stored: {}", storeDown, why);
            }
            if (connectionLost > 0) {
                LOG.warn("{} mail(s) stay in the mailbox for a later poll: the connection to the mail server was lost",
                        connectionLost);
            }
            return byFolder;
        } catch (InterruptedException stopping) {
            // the hub is stopping: what is decided stays decided, and its mails are moved by the next poll
            Thread.currentThread().interrupt();
            return Map.of();
        } finally {
            pending.clear();
            connectionLost = 0;
        }
    }

    private void settle(Folder from, String to, Message[] mails) throws MessagingException {
        if (pop3) {
            // removed from the server when the consumer closes the folder
            from.setFlags(mails, new Flags(Flags.Flag.DELETED), true);
            return;
        }
        Folder target = from.getStore().getFolder(to);
        if (!target.exists()) {
            target.create(Folder.HOLDS_MESSAGES);
        }
        if (from instanceof IMAPFolder imap && from.getStore() instanceof IMAPStore store && store.hasCapability("MOVE")) {
            imap.moveMessages(mails, target);
        } else {
            // deleted from this folder when the consumer closes it (expunge)
            from.copyMessages(mails, target);
            from.setFlags(mails, new Flags(Flags.Flag.DELETED), true);
        }
    }

    /** Lets the mails already handed over finish (each takes milliseconds) rather than cut them short. */
    @Override
    public void destroy() throws InterruptedException {
        workers.forEach(ExecutorService::shutdown);
        for (ExecutorService worker : workers) {
            if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        }
    }
}
