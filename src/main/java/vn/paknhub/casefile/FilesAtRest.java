package vn.paknhub.casefile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up, encrypts the files a hub stored in clear before files were encrypted at rest (V23), a
 * batch per transaction; several nodes starting together share the rows ({@code SKIP LOCKED}).
 */
@Component
class FilesAtRest implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(FilesAtRest.class);
    private static final int BATCH = 50;

    private final AttachmentStore attachments;
    private final TransactionTemplate tx;

    FilesAtRest(AttachmentStore attachments, TransactionTemplate tx) {
        this.attachments = attachments;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        long total = 0;
        for (Integer done = tx.execute(s -> attachments.encryptStoredInClear(BATCH)); done != null && done > 0;
                done = tx.execute(s -> attachments.encryptStoredInClear(BATCH))) {
            total += done;
        }
        if (total > 0) {
            LOG.info("Encrypted {} files stored in clear by an earlier version", total);
        }
    }
}
