package org.claimledger.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The index's fields: one text field per language with a stemmer (its texts' words as written and stemmed),
 * one for texts in any other language (as written), and the claim's facts for filters and facets.
 */
final class Fields {

    static final String TEXT_ANY = "text." + Languages.NEUTRAL;
    static final List<String> TEXT = texts();

    static final String TYPE = "type";
    static final String ID = "id";
    static final String SOURCE = "source";
    static final String PROPOSITION = "proposition";
    /** A claim's question, source and language numbers in one value (SearchIndex.facts). */
    static final String FACTS = "facts";
    static final String SUBJECT = "subject";
    static final String LANG = "lang";
    static final String KIND = "kind";
    static final String ORIGIN = "origin";
    static final String WITHDRAWN = "withdrawn";


    private static final Map<String, Analyzer> ANALYZERS = analyzers();
    static final Analyzer INDEXING = new PerFieldAnalyzerWrapper(ANALYZERS.get(TEXT_ANY), ANALYZERS);

    private Fields() {
    }

    static String text(String language) {
        return "text." + language;
    }

    /** The field a source's title and authors go to, for a text field of claims. */
    static String ofSources(String textField) {
        return "source." + textField;
    }

    private static List<String> texts() {
        List<String> fields = new ArrayList<>();
        for (String language : Languages.STEMMED) {
            fields.add(text(language));
        }
        fields.add(TEXT_ANY);
        return List.copyOf(fields);
    }

    private static Map<String, Analyzer> analyzers() {
        Map<String, Analyzer> analyzers = new HashMap<>();
        for (String language : Languages.STEMMED) {
            analyzers.put(text(language), Languages.analyzer(language));
            analyzers.put(ofSources(text(language)), Languages.analyzer(language));
        }
        analyzers.put(TEXT_ANY, Languages.analyzer(Languages.NEUTRAL));
        analyzers.put(ofSources(TEXT_ANY), Languages.analyzer(Languages.NEUTRAL));
        return Map.copyOf(analyzers);
    }
}
