package org.claimledger.security;

import io.smallrye.config.ConfigMapping;

/**
 * The limits ({@code claimledger.limits.*}, defaults and their reasons in application.properties and
 * the README): a budget for each kind of demand, by address for anonymous callers and by subject
 * for callers with a token, and the caps on open update streams.
 */
@ConfigMapping(prefix = "claimledger.limits")
public interface LimitSettings {

    ReadBudgets reads();

    PageBudgets pages();

    Budgets writes();

    Streams streams();

    /** One kind of demand's budgets. */
    interface Budgets {
        /** For everyone reading anonymously from one address: sized for a seminar behind one. */
        Budget address();

        /** For one token's subject, from any address. */
        Budget subject();
    }

    interface ReadBudgets extends Budgets {
        /** What an export costs, counted in API reads: it reads every table, and holds a connection while it does. */
        @io.smallrye.config.WithDefault("50")
        int exportCost();
    }

    interface PageBudgets extends Budgets {
        /** What the dispute board costs, counted in pages (every other request costs one). */
        int boardCost();
    }

    /** A token bucket: holds at most {@code burst}, refilled at {@code perSecond}. */
    interface Budget {
        double perSecond();

        int burst();
    }

    /** Open update streams: per address, per subject, and in all (on one replica). */
    interface Streams {
        int perAddress();

        int perSubject();

        int total();
    }
}
