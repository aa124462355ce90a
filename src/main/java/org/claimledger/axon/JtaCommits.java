package org.claimledger.axon;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;

/** Steps that must wait until PostgreSQL has committed what the current JTA transaction wrote. */
final class JtaCommits {

    private JtaCommits() {
    }

    /**
     * Runs the step after the current transaction commits, never if it rolls back. False when there
     * is no active transaction to wait for (or it takes no more synchronizations): the caller decides.
     */
    static boolean afterCommit(TransactionManager jta, Runnable step) {
        try {
            Transaction transaction = jta.getTransaction();
            if (transaction == null || transaction.getStatus() != Status.STATUS_ACTIVE) {
                return false;
            }
            transaction.registerSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // nothing to do before the commit
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        step.run();
                    }
                }
            });
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** True when no transaction runs on this thread: whatever was read there is committed. */
    static boolean none(TransactionManager jta) {
        try {
            return jta.getStatus() == Status.STATUS_NO_TRANSACTION;
        } catch (Exception e) {
            return false;
        }
    }
}
