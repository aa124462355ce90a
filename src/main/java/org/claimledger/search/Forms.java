package org.claimledger.search;

import org.apache.lucene.analysis.CharacterUtils;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Each word of a text once, in the two forms a search looks for, at the same position: as written (lower
 * case, no diacritics, as the neutral chain gives it), then every stem its language gives it, marked with
 * {@link #STEM} (also a stem the same as the word: a word as written and a stem are told apart exactly).
 *
 * <p>One field per language thus holds what two held before (the text as written, and its stems), and a
 * text is read by the tokenizer once: the stemmer is run on each word alone.
 */
final class Forms extends TokenFilter {

    /** Put before a stem: no tokenizer keeps a control character in a word, so no word as written has it. */
    static final char STEM = '\u0001';

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final OneWord word = new OneWord();
    private final TokenStream stemmer;
    private final CharTermAttribute stem;
    private char[][] stems = new char[4][16];
    private int[] lengths = new int[4];
    private int count;
    private int next;
    private char[] folded = new char[64];

    /** @param stemmer the language's chain from a word (as the tokenizer gave it) to its stems */
    Forms(TokenStream input, Function<TokenStream, TokenStream> stemmer) {
        super(input);
        this.stemmer = new Folding(stemmer.apply(word));
        this.stem = word.getAttribute(CharTermAttribute.class);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (next < count) {
            int length = lengths[next];
            char[] buffer = term.resizeBuffer(length + 1);
            buffer[0] = STEM;
            System.arraycopy(stems[next], 0, buffer, 1, length);
            term.setLength(length + 1);
            position.setPositionIncrement(0);
            next++;
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        word.set(term.buffer(), term.length());
        CharacterUtils.toLowerCase(term.buffer(), 0, term.length());
        folded = Folding.fold(term, folded);
        count = 0;
        next = 0;
        stemmer.reset();
        while (stemmer.incrementToken()) {
            if (!given(stem)) {
                keep(stem);
            }
        }
        stemmer.end();
        stemmer.close();
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        count = 0;
        next = 0;
    }

    private static boolean same(CharTermAttribute a, char[] b, int length) {
        return a.length() == length && Arrays.equals(a.buffer(), 0, length, b, 0, length);
    }

    // a dictionary may give lemmas that fold to one (two spellings of a word): each is indexed once
    private boolean given(CharTermAttribute s) {
        for (int i = 0; i < count; i++) {
            if (same(s, stems[i], lengths[i])) {
                return true;
            }
        }
        return false;
    }

    private void keep(CharTermAttribute s) {
        if (count == stems.length) {
            stems = Arrays.copyOf(stems, 2 * count);
            lengths = Arrays.copyOf(lengths, 2 * count);
        }
        if (stems[count] == null || stems[count].length < s.length()) {
            stems[count] = new char[Math.max(16, s.length())];
        }
        System.arraycopy(s.buffer(), 0, stems[count], 0, s.length());
        lengths[count] = s.length();
        count++;
    }

    /** One word, as the tokenizer gave it, for the stemmer's chain to read. */
    private static final class OneWord extends TokenStream {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private char[] chars = new char[64];
        private int length;
        private boolean given;

        void set(char[] buffer, int n) {
            if (chars.length < n) {
                chars = new char[n];
            }
            System.arraycopy(buffer, 0, chars, 0, n);
            length = n;
        }

        @Override
        public boolean incrementToken() {
            if (given) {
                return false;
            }
            clearAttributes();
            term.copyBuffer(chars, 0, length);
            given = true;
            return true;
        }

        @Override
        public void reset() {
            given = false;
        }
    }
}
