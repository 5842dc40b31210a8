package vn.paknhub.mail;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.apache.camel.support.ScheduledPollConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node at a time reads the mailbox. Two IMAP sessions moving mail out of one folder at once
 * can act on the wrong message when their views of the folder drift (measured: two nodes on one
 * mailbox lost 2 mails of 40 against the embedded server). Each poll first takes a PostgreSQL
 * advisory lock on a connection it keeps until the poll, and the moves it makes, are over; a node
 * that finds it taken skips this poll, and a node that dies lets it go with its connection.
 * <p>
 * It also decides whether the next poll follows at once: only when this one moved mail (a backlog drains
 * at full speed). A poll whose mails all stayed in the mailbox (waiting for their back-off, or the database
 * away) would otherwise be repeated many times a second, each time reading and logging the same mails.
 */
class OneMailboxReader implements PollingConsumerPollStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(OneMailboxReader.class);
    /** The lock's number: any constant the hub uses for nothing else ("PAKNMAIL" in ASCII). */
    private static final long LOCK = 0x50414B4E4D41494CL;

    private final DataSource database;
    private final MailPoll poll;
    private Connection held;

    OneMailboxReader(DataSource database, MailPoll poll) {
        this.database = database;
        this.poll = poll;
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        try {
            Connection connection = database.getConnection();
            try (Statement sql = connection.createStatement();
                    ResultSet taken = sql.executeQuery("select pg_try_advisory_lock(" + LOCK + ")")) {
                if (taken.next() && taken.getBoolean(1)) {
                    held = connection;
                    return true;
                }
            }
            connection.close();
            return false;
        } catch (SQLException e) {
            LOG.warn("Mailbox not read this time: the database did not answer ({})", e.getMessage());
            return false;
        }
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        release();
        // read by the consumer right after this call (Camel 4.17 ScheduledPollConsumer.doRun)
        if (consumer instanceof ScheduledPollConsumer scheduled) {
            scheduled.setGreedy(polledMessages > 0 && poll.movedAny());
        }
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        release();
        LOG.warn("Reading the mailbox failed; read again at the next poll: {}", cause.getMessage());
        return false;
    }

    private void release() {
        if (held == null) {
            return;
        }
        try (Connection connection = held; Statement sql = connection.createStatement()) {
            sql.execute("select pg_advisory_unlock(" + LOCK + ")");
        } catch (SQLException e) {
            // closing the connection lets the lock go all the same
            LOG.warn("Mailbox lock not released cleanly: {}", e.getMessage());
        } finally {
            held = null;
        }
    }
}
