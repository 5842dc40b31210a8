package vn.paknhub.core;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One item of a batch applied in one transaction: all or nothing for the item (a savepoint, rolled
 * back alone when it fails), without ending the batch's transaction. One commit per batch instead
 * of per item is what lets a single consumer keep up with a busy topic.
 */
@Component
public class Savepoints {

    private final TransactionTemplate nested;

    public Savepoints(PlatformTransactionManager transactions) {
        this.nested = new TransactionTemplate(transactions);
        nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Runs {@code item} inside the caller's transaction; when it throws, its writes are undone and it rethrows. */
    public <T> T within(Supplier<T> item) {
        return nested.execute(s -> item.get());
    }
}
