package org.claimledger.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a hit's text says what was searched for: the words marked ({@code <mark>}) in the text as the
 * source wrote it, the rest escaped as HTML. A long text is cut to the passage around the first mark.
 */
final class Marks {

    static final int WHOLE = 400;
    static final int AROUND = 150;

    private Marks() {
    }

    /** {@code text} in {@code language} with every word matching the query's terms marked; null stays null. */
    static String of(String text, String language, Map<String, Set<String>> terms) {
        if (text == null) {
            return null;
        }
        List<int[]> spans = new ArrayList<>();
        String stemmed = Languages.of(language);
        Set<String> wanted = terms.get(Fields.text(stemmed));
        if (wanted != null && !wanted.isEmpty()) {
            // a word is marked as the index finds it: as written, or by one of its stems
            for (Languages.Word word : Languages.words(stemmed, text)) {
                if (wanted.contains(word.written()) || word.stems().stream().anyMatch(s -> wanted.contains(Forms.STEM + s))) {
                    spans.add(new int[] {word.start(), word.end()});
                }
            }
        }
        spans.sort(Comparator.comparingInt((int[] s) -> s[0]).thenComparingInt(s -> s[1]));
        int from = 0;
        int to = text.length();
        if (text.length() > WHOLE) {
            int first = spans.isEmpty() ? 0 : spans.get(0)[0];
            from = wordStart(text, Math.max(0, first - AROUND));
            to = wordEnd(text, Math.min(text.length(), Math.max(first, from) + 2 * AROUND));
        }
        StringBuilder out = new StringBuilder();
        if (from > 0) {
            out.append('…');
        }
        int at = from;
        for (int[] span : spans) {
            if (span[0] < at || span[1] > to) {
                continue; // overlaps the previous mark, or lies outside the passage
            }
            escape(text, at, span[0], out);
            out.append("<mark>");
            escape(text, span[0], span[1], out);
            out.append("</mark>");
            at = span[1];
        }
        escape(text, at, to, out);
        if (to < text.length()) {
            out.append('…');
        }
        return out.toString();
    }

    private static int wordStart(String text, int i) {
        while (i > 0 && !Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private static int wordEnd(String text, int i) {
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static void escape(String text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
