package org.claimledger.security;

/**
 * What a request asks of the ledger. Each kind draws on a budget of its own, so that a reader who
 * has used up its API reads can still write, and a page flood leaves the API alone.
 */
public enum Demand {
    READS("API reads"),
    PAGES("page requests"),
    WRITES("writes");

    private final String words;

    Demand(String words) {
        this.words = words;
    }

    /** How a refusal names it. */
    public String words() {
        return words;
    }

    /** The demand a request makes, or null when it is not limited (assets, /q/ operations, preflights). */
    public static Demand of(String method, String path) {
        boolean reading = "GET".equals(method) || "HEAD".equals(method);
        if (isPage(path)) {
            return reading ? PAGES : null;
        }
        if (!path.startsWith("/api/") || "OPTIONS".equals(method)) {
            return null;
        }
        return reading ? READS : WRITES;
    }

    /** The pages, rendered from the ledger (not their stylesheet and script, which show nothing of it). */
    public static boolean isPage(String path) {
        return isBoard(path) || path.equals("/contribute") || path.startsWith("/propositions/")
                || path.startsWith("/sources/");
    }

    /** The linked-data export, which reads the whole ledger (or a subject of it). */
    public static boolean isExport(String path) {
        return path.equals("/api/export");
    }

    /** The dispute board, the page that reads the most. */
    public static boolean isBoard(String path) {
        return path.equals("/") || path.isEmpty();
    }
}
