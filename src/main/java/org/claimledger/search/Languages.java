package org.claimledger.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.morfologik.MorfologikFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.RussianStemmer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How a text is analysed, by the language it is written in. Each chain reduces a word to its stem in
 * that language (Polish by Morfologik's dictionary, Russian and Dutch by Snowball, German and English by
 * light stemmers), then drops case and diacritics, so that {@code mieście} finds {@code miasto} and
 * {@code Krakow} finds {@code Kraków}. Stop words are kept: a quoted phrase must match as written.
 *
 * <p>Texts in a language without a chain of its own, and every text a second time, go through the
 * neutral chain: words, lower case, no diacritics, no stemming. A word typed exactly as the source
 * wrote it is found whatever the language.
 */
public final class Languages {

    /** The languages with a stemmer of their own; every other language is analysed neutrally. */
    public static final List<String> STEMMED = List.of("pl", "ru", "nl", "de", "en");

    public static final String NEUTRAL = "any";

    private static final Map<String, Function<TokenStream, TokenStream>> STEMMERS = Map.of(
            // every lemma of the word from Morfologik's dictionary: stempel's table missed miasta, mieście,
            // Krakowa and Armii (ADR 15); the dictionary looks words up in their case, so it comes first
            "pl", t -> new LowerCaseFilter(new MorfologikFilter(t)),
            "ru", t -> new SnowballFilter(new LowerCaseFilter(t), new RussianStemmer()),
            "nl", t -> new SnowballFilter(new LowerCaseFilter(t), new DutchStemmer()),
            "de", t -> new GermanLightStemFilter(new GermanNormalizationFilter(new LowerCaseFilter(t))),
            "en", t -> new PorterStemFilter(new EnglishPossessiveFilter(new LowerCaseFilter(t))));

    private Languages() {
    }

    private static final Map<String, Analyzer> ANALYZERS = analyzers();

    /**
     * How a text in {@code language} (a stemmed language, or {@link #NEUTRAL}) is indexed: each word as
     * written and, at its position, its stems, marked ({@link Forms}). The neutral chain gives words as
     * written only.
     */
    public static Analyzer analyzer(String language) {
        return ANALYZERS.getOrDefault(language, ANALYZERS.get(NEUTRAL));
    }

    /** A word of a text: as written (lower case, no diacritics), its stems in the text's language, and where it stands. */
    record Word(String written, Set<String> stems, int start, int end) {
    }

    /** The words of {@code text} in {@code language}, each with its stems, as the index keeps them. */
    static List<Word> words(String language, String text) {
        List<Word> words = new ArrayList<>();
        Set<String> stems = null;
        for (Analysis.Token token : Analysis.tokens(analyzer(language), text)) {
            if (!token.term().isEmpty() && token.term().charAt(0) == Forms.STEM) {
                stems.add(token.term().substring(1));
            } else {
                stems = new LinkedHashSet<>();
                words.add(new Word(token.term(), stems, token.start(), token.end()));
            }
        }
        return words.stream().map(w -> new Word(w.written(), Set.copyOf(w.stems()), w.start(), w.end())).toList();
    }

    private static Map<String, Analyzer> analyzers() {
        Map<String, Analyzer> analyzers = new HashMap<>();
        for (String language : STEMMED) {
            analyzers.put(language, chain(STEMMERS.get(language)));
        }
        analyzers.put(NEUTRAL, chain(null));
        return Map.copyOf(analyzers);
    }

    private static Analyzer chain(Function<TokenStream, TokenStream> stemmer) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer words = new StandardTokenizer();
                TokenStream yo = new Folding.Yo(words);
                return new TokenStreamComponents(words,
                        stemmer == null ? new Folding(new LowerCaseFilter(yo)) : new Forms(yo, stemmer));
            }

            // a phrase never runs from one text of a document into the next (a quote into its translation)
            @Override
            public int getPositionIncrementGap(String field) {
                return 100;
            }

            @Override
            protected TokenStream normalize(String field, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    /**
     * The stemmed language a text's BCP 47 tag falls under ({@code pl-PL} under {@code pl}), or
     * {@link #NEUTRAL}.
     */
    public static String of(String tag) {
        if (tag == null || tag.isBlank()) {
            return NEUTRAL;
        }
        String primary = primary(tag);
        return STEMMED.contains(primary) ? primary : NEUTRAL;
    }

    /** The primary language subtag of a BCP 47 tag, lower case ({@code pl-PL}: {@code pl}). */
    public static String primary(String tag) {
        int end = 0; // asked of every claim indexed: no pattern compiled each time
        while (end < tag.length() && tag.charAt(end) != '-' && tag.charAt(end) != '_') {
            end++;
        }
        return tag.substring(0, end).toLowerCase(Locale.ROOT);
    }
}
