package org.claimledger.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells an outage of the database, or a client that went away, from a fault of ours, whatever wraps
 * it (Axon, the pool, the transaction, Vert.x).
 */
final class Outages {

    private Outages() {
    }

    /**
     * The database cannot be reached or is going away: a refused or broken connection, a pool that
     * could not get one in time, a server shutting down, starting up or full. The request wrote
     * nothing (its transaction never committed) and may be sent again.
     */
    static boolean databaseAway(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof ConnectException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") // connection exception
                        || state.startsWith("57P")           // shutting down, crashed, cannot connect now
                        || state.equals("53300"))) {         // too many connections
                    return true;
                }
                if (sql.getMessage() != null && sql.getMessage().contains("Acquisition timeout")) {
                    return true; // Agroal: no connection to be had in time
                }
            }
        }
        return false;
    }

    /**
     * The client closed its connection before its answer was written: nothing for us to answer and
     * not our fault (a reader who closed the tab, a subscriber who left).
     */
    static boolean clientGone(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof java.nio.channels.ClosedChannelException
                    || t.getClass().getName().equals("io.vertx.core.http.HttpClosedException")) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && (t instanceof java.io.IOException || t.getClass().getName().startsWith("io.vertx"))
                    && (message.contains("Connection was closed") || message.contains("Connection reset by peer")
                    || message.contains("Broken pipe"))) {
                return true;
            }
        }
        return false;
    }
}
