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

    /** The read model's writes. */
    BatchedWrites bulkWrites();

    /** SQL on the read model's database. */
    Sql bulkSql();

    /** Its tables. */
    List<String> bulkTables();

    @Override
    default void beginBulk(boolean rebuild, LongPredicate handledBefore) {
        bulkWrites().discard();
        bulkWrites().hold();
        if (rebuild) {
            bulkTables().forEach(table -> bulkSql().update("DELETE FROM " + table));
        }
    }

    @Override
    default void flushBulk() {
        bulkWrites().flushBehind();
    }

    @Override
    default void finishBulk() {
        bulkWrites().flush();
    }

    @Override
    default void endBulk(boolean committed) {
        bulkWrites().release();
    }

    @Override
    default void tidyUp() {
        bulkSql().update("VACUUM (ANALYZE) " + String.join(", ", bulkTables()));
    }
}
