package org.claimledger.axon;

import jakarta.transaction.Status;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * Axon's unit of work on Quarkus's JTA transactions. When a transaction is already running (a batch
 * of claims sent as one), Axon joins it and leaves commit to its owner; otherwise it begins and
 * ends its own. The Agroal connections Axon uses are enlisted in whichever transaction runs.
 */
final class JtaTransactionManager implements TransactionManager {

    private final jakarta.transaction.TransactionManager jta;

    JtaTransactionManager(jakarta.transaction.TransactionManager jta) {
        this.jta = jta;
    }

    @Override
    public Transaction startTransaction() {
        try {
            if (jta.getStatus() != Status.STATUS_NO_TRANSACTION) {
                return joined();
            }
            jta.begin();
            return owned();
        } catch (Exception e) {
            throw new IllegalStateException("could not start a transaction", e);
        }
    }

    private Transaction joined() {
        return new Transaction() {
            @Override
            public void commit() {
                // the owner of the surrounding transaction commits it
            }

            @Override
            public void rollback() {
                // The owner decides: a refused command has written nothing (Axon appends events only
                // when a unit of work commits), and the owner sees the exception either way. Leaving
                // the transaction usable lets a corpus import check every command before it rolls back.
            }
        };
    }

    private Transaction owned() {
        return new Transaction() {
            @Override
            public void commit() {
                try {
                    if (jta.getStatus() == Status.STATUS_MARKED_ROLLBACK) {
                        jta.rollback();
                        throw new IllegalStateException("transaction was marked for rollback");
                    }
                    jta.commit();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException("commit failed", e);
                }
            }

            @Override
            public void rollback() {
                try {
                    if (jta.getStatus() != Status.STATUS_NO_TRANSACTION) {
                        jta.rollback();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("rollback failed", e);
                }
            }
        };
    }
}
