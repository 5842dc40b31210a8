package vn.paknhub.mail;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.camel.component.mail.MailBoxPostProcessAction;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
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
 */
class MailPoll implements MailBoxPostProcessAction, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(MailPoll.class);

    private final MailIntake intake;
    private final boolean pop3;
    private final List<ExecutorService> workers = new ArrayList<>();
    /** This poll's mails; only the mailbox route's own thread touches it (one poll at a time). */
    private final List<Pending> pending = new ArrayList<>();

    private record Pending(Message mail, Future<String> folder) {
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
     */
    public void receive(Message mail, int indexInPoll) {
        if (indexInPoll == 0) {
            pending.clear();
        }
        byte[] raw = MailBytes.of(mail);
        MailHeaders headers = MailHeaders.of(raw);
        // the sender as MailHeaders reads it, in lower case; mails without a readable one share worker 0
        ExecutorService worker = workers.get(Math.floorMod(Objects.hashCode(headers.sender()), workers.size()));
        pending.add(new Pending(mail, worker.submit(() -> intake.receive(raw, headers))));
    }

    /** Called by the mail consumer once the poll's mails are all read, before it closes the folder. */
    @Override
    public void process(Folder folder) throws MessagingException {
        for (Map.Entry<String, List<Message>> moves : awaitDecisions().entrySet()) {
            settle(folder, moves.getKey(), moves.getValue().toArray(Message[]::new));
        }
    }

    /** Waits for this poll's mails to be handled: the mails for each folder; one that failed is left out. */
    Map<String, List<Message>> awaitDecisions() {
        Map<String, List<Message>> byFolder = new LinkedHashMap<>();
        try {
            for (Pending p : pending) {
                try {
                    byFolder.computeIfAbsent(p.folder().get(), f -> new ArrayList<>()).add(p.mail());
                } catch (ExecutionException failed) {
                    LOG.warn("A mail stays in the mailbox for the next poll: {}", failed.getCause().toString());
                }
            }
            return byFolder;
        } catch (InterruptedException stopping) {
            // the hub is stopping: what is decided stays decided, and its mails are moved by the next poll
            Thread.currentThread().interrupt();
            return Map.of();
        } finally {
            pending.clear();
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
