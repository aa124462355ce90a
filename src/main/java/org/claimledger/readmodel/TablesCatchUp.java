package org.claimledger.readmodel;

import org.claimledger.store.BatchedWrites;
import org.claimledger.store.Sql;

import java.util.List;
import java.util.function.LongPredicate;

/**
 * A catch-up in bulk for a read model that only writes its tables (it never reads them back while
 * handling events): its writes are held for the catch-up's one transaction and sent in large
 * batches behind the handling, instead of a transaction per small batch of events. A rebuild
 * empties its tables with DELETE, so readers keep the old rows until the rebuilt ones commit.
 */
public interface TablesCatchUp extends BulkCatchUp {

    /** A read model's writes, SQL on its database, and its tables. */
    record Tables(BatchedWrites writes, Sql sql, List<String> names) {
    }

    Tables tables();

    @Override
    default void beginBulk(boolean rebuild, LongPredicate handledBefore) {
        tables().writes().discard();
        tables().writes().hold();
        if (rebuild) {
            tables().names().forEach(table -> tables().sql().update("DELETE FROM " + table));
        }
    }

    @Override
    default void flushBulk() {
        tables().writes().flushBehind();
    }

    @Override
    default void finishBulk() {
        tables().writes().flush();
    }

    @Override
    default void endBulk(boolean committed) {
        tables().writes().release();
    }

    @Override
    default void tidyUp() {
        tables().sql().update("VACUUM (ANALYZE) " + String.join(", ", tables().names()));
    }
}
