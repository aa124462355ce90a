package org.claimledger.verdict;

import org.claimledger.common.Folding;
import org.claimledger.common.PartialDate;
import org.claimledger.common.Value;

import java.util.Comparator;

/**
 * When two values say the same thing (domain.md, "Values and when they agree"): entities by id,
 * dates at the coarser of their precisions, quantities of one unit when their ranges overlap,
 * booleans when equal, texts when equal after folding case, white space and diacritics.
 */
public final class Agreement {

    private Agreement() {
    }

    public static boolean compatible(Value a, Value b) {
        if (a instanceof Value.EntityRef x && b instanceof Value.EntityRef y) {
            return x.entity().equals(y.entity());
        }
        if (a instanceof Value.DateValue x && b instanceof Value.DateValue y) {
            return sameAtCoarserPrecision(x.date(), y.date());
        }
        if (a instanceof Value.Quantity x && b instanceof Value.Quantity y) {
            return Folding.fold(x.unit()).equals(Folding.fold(y.unit()))
                    && x.min().compareTo(y.max()) <= 0 && y.min().compareTo(x.max()) <= 0;
        }
        if (a instanceof Value.Flag x && b instanceof Value.Flag y) {
            return x.value() == y.value();
        }
        if (a instanceof Value.Text x && b instanceof Value.Text y) {
            return Folding.fold(x.text()).equals(Folding.fold(y.text()));
        }
        return false;
    }

    static boolean sameAtCoarserPrecision(PartialDate a, PartialDate b) {
        if (a.year() != b.year()) {
            return false;
        }
        if (a.month() == null || b.month() == null) {
            return true;
        }
        if (!a.month().equals(b.month())) {
            return false;
        }
        return a.day() == null || b.day() == null || a.day().equals(b.day());
    }

    /** A short, stable name for a value: {@code ak}, {@code 1945-01-18}, {@code 3000..7000 persons}, {@code true}. */
    public static String key(Value value) {
        if (value instanceof Value.EntityRef e) {
            return e.entity();
        }
        if (value instanceof Value.DateValue d) {
            return d.date().toString();
        }
        if (value instanceof Value.Quantity q) {
            String range = q.min().compareTo(q.max()) == 0 ? q.min().toPlainString()
                    : q.min().toPlainString() + ".." + q.max().toPlainString();
            return range + " " + Folding.fold(q.unit());
        }
        if (value instanceof Value.Flag f) {
            return Boolean.toString(f.value());
        }
        return Folding.fold(((Value.Text) value).text());
    }

    /** Orders values so that grouping them is deterministic: dates by date, quantities by range, others by key. */
    public static final Comparator<Value> ORDER = (a, b) -> {
        if (a instanceof Value.DateValue x && b instanceof Value.DateValue y) {
            int c = x.date().compareTo(y.date());
            return c != 0 ? c : key(a).compareTo(key(b));
        }
        if (a instanceof Value.Quantity x && b instanceof Value.Quantity y) {
            int c = x.min().compareTo(y.min());
            if (c == 0) {
                c = x.max().compareTo(y.max());
            }
            return c != 0 ? c : key(a).compareTo(key(b));
        }
        return key(a).compareTo(key(b));
    };
}
