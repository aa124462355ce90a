package org.claimledger.search;

import java.util.ArrayList;
import java.util.List;

/**
 * What a historian typed into the search box, read as words and "quoted phrases". Nothing else is
 * syntax: Lucene's operators ({@code + - && || ! ( ) { } [ ] ^ ~ * ? : \ /}) are ordinary characters
 * that the analysis drops, so no input can make the query fail. A quote left open runs to the end.
 */
public record QueryText(List<Part> parts) {

    public static final int MAX_LENGTH = 500;

    /** One word, or a phrase whose words must stand together and in order. */
    public record Part(String text, boolean phrase) {
    }

    public QueryText {
        parts = List.copyOf(parts);
    }

    /** @throws IllegalArgumentException naming what is wrong with the text, in the historian's words */
    public static QueryText parse(String q) {
        if (q == null || q.isBlank()) {
            throw new IllegalArgumentException("is empty: type a word or a \"quoted phrase\" to search for");
        }
        if (q.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("is " + q.length() + " characters long; at most " + MAX_LENGTH
                    + " are searched");
        }
        List<Part> parts = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inPhrase = false;
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (isQuote(c)) {
                flush(word, inPhrase, parts);
                inPhrase = !inPhrase;
            } else if (!inPhrase && Character.isWhitespace(c)) {
                flush(word, false, parts);
            } else {
                word.append(c);
            }
        }
        flush(word, inPhrase, parts);
        return new QueryText(parts);
    }

    // straight and typographic double quotes, and the low-high pair Polish and German print uses
    private static boolean isQuote(char c) {
        return c == '"' || c == '“' || c == '”' || c == '„' || c == '«' || c == '»';
    }

    private static void flush(StringBuilder text, boolean phrase, List<Part> parts) {
        String t = text.toString().strip();
        if (!t.isEmpty()) {
            parts.add(new Part(t, phrase && t.codePoints().anyMatch(Character::isWhitespace)));
        }
        text.setLength(0);
    }
}
