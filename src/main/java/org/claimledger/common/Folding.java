package org.claimledger.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds text for comparison and search: case, diacritics and runs of white space do not count,
 * so "Kraków", "KRAKOW" and "krakow" are one name. Letters that Unicode does not decompose
 * (Polish ł, Danish ø, German ß...) are mapped by hand.
 */
public final class Folding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private Folding() {
    }

    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String bare = MARKS.matcher(decomposed).replaceAll("");
        StringBuilder out = new StringBuilder(bare.length());
        for (int i = 0; i < bare.length(); i++) {
            char c = bare.charAt(i);
            switch (c) {
                case 'ł', 'Ł' -> out.append('l');
                case 'ø', 'Ø' -> out.append('o');
                case 'đ', 'Đ' -> out.append('d');
                case 'ß' -> out.append("ss");
                case 'æ', 'Æ' -> out.append("ae");
                case 'œ', 'Œ' -> out.append("oe");
                case 'ı' -> out.append('i');
                default -> out.append(c);
            }
        }
        return SPACE.matcher(out.toString().toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
