package org.claimledger.search;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A historian's query as Lucene runs it. Every word or phrase must be found (in a quote, a translation,
 * a note, or the source's title or authors); each may be found in any language's analysis of the text,
 * or under any other name of an entity it names.
 *
 * <p>Scores are fixed numbers, not statistics: a part found as written counts {@value #AS_WRITTEN}, found
 * only in another form of the word {@value #INFLECTED}, and a hit's score is the sum over the parts. So
 * the order of results does not depend on what else the index holds or how its segments were merged:
 * a rebuilt index ranks as the one that caught up, and a historian can be told why a hit ranks first.
 */
record SearchQuery(Query query, Map<String, Set<String>> terms) {

    static final float AS_WRITTEN = 2f;
    static final float INFLECTED = 1f;

    /**
     * Builds the query, or says that nothing searchable is left of the text. A source's title and authors
     * are searched in the source's own document, in fields of their own: {@code claimsOfSources} turns a
     * part, asked of those fields (scoring as below), into the claims of every source it finds, by the
     * score their source was found with.
     */
    static SearchQuery of(QueryText text, NameBook names, Function<Query, Map<Float, Query>> claimsOfSources) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        Map<String, Set<String>> terms = new HashMap<>();
        int parts = 0;
        for (List<String> alternatives : alternatives(text, names)) {
            List<Query> written = new ArrayList<>();
            List<Query> inflected = new ArrayList<>();
            List<Query> sourcesWritten = new ArrayList<>();
            List<Query> sourcesInflected = new ArrayList<>();
            for (String alternative : alternatives) {
                List<List<String>> asWritten = null;
                for (String language : Languages.STEMMED) {
                    List<Languages.Word> words = Languages.words(language, alternative);
                    if (words.isEmpty()) {
                        break; // every chain finds the same words: none here
                    }
                    if (asWritten == null) { // every chain writes a word the same
                        asWritten = words.stream().map(w -> List.of(w.written())).toList();
                    }
                    String field = Fields.text(language);
                    List<List<String>> stems = stemmed(words);
                    inflected.add(words(field, stems));
                    sourcesInflected.add(words(Fields.ofSources(field), stems));
                    Set<String> wanted = terms.computeIfAbsent(field, f -> new HashSet<>());
                    words.forEach(w -> wanted.add(w.written()));
                    stems.forEach(wanted::addAll);
                }
                if (asWritten == null) {
                    continue;
                }
                // a word as written is in the field of its text's language, or in the neutral one
                for (String field : Fields.TEXT) {
                    written.add(words(field, asWritten));
                    sourcesWritten.add(words(Fields.ofSources(field), asWritten));
                }
                asWritten.forEach(w -> terms.computeIfAbsent(Fields.TEXT_ANY, f -> new HashSet<>()).addAll(w));
            }
            if (written.isEmpty()) {
                continue;
            }
            Map<Float, Query> bySources = claimsOfSources.apply(scored(sourcesWritten, sourcesInflected));
            if (bySources.containsKey(AS_WRITTEN)) {
                written.add(bySources.get(AS_WRITTEN));
            }
            if (bySources.containsKey(INFLECTED)) {
                inflected.add(bySources.get(INFLECTED));
            }
            all.add(scored(written, inflected), BooleanClause.Occur.MUST);
            parts++;
        }
        if (parts == 0) {
            throw new IllegalArgumentException("has no words to search for");
        }
        return new SearchQuery(all.build(), terms);
    }

    // each word by any of its stems, marked as the index marks them (Forms)
    private static List<List<String>> stemmed(List<Languages.Word> words) {
        return words.stream().map(w -> w.stems().stream().map(stem -> Forms.STEM + stem).toList()).toList();
    }

    // the words at following positions, each as any of its terms: a term, any of a few, or a phrase
    private static Query words(String field, List<List<String>> positions) {
        if (positions.size() == 1) {
            List<String> any = positions.get(0);
            if (any.size() == 1) {
                return new TermQuery(new Term(field, any.get(0)));
            }
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            any.forEach(t -> b.add(new TermQuery(new Term(field, t)), BooleanClause.Occur.SHOULD));
            return b.build();
        }
        if (positions.stream().allMatch(any -> any.size() == 1)) {
            return new PhraseQuery(field, positions.stream().map(any -> any.get(0)).toArray(String[]::new));
        }
        MultiPhraseQuery.Builder phrase = new MultiPhraseQuery.Builder();
        for (List<String> any : positions) {
            phrase.add(any.stream().map(t -> new Term(field, t)).toArray(Term[]::new));
        }
        return phrase.build();
    }

    // the best of: found as written in any way, found inflected in any way. Each side is one disjunction
    // that scores nothing itself, so a hit costs one comparison of two, not a look at every way it matched
    private static Query scored(List<Query> written, List<Query> inflected) {
        List<Query> sides = new ArrayList<>();
        if (!written.isEmpty()) {
            sides.add(new BoostQuery(new ConstantScoreQuery(anyOf(written)), AS_WRITTEN));
        }
        if (!inflected.isEmpty()) {
            sides.add(new BoostQuery(new ConstantScoreQuery(anyOf(inflected)), INFLECTED));
        }
        return sides.size() == 1 ? sides.get(0) : new DisjunctionMaxQuery(sides, 0f);
    }

    private static Query anyOf(List<Query> ways) {
        if (ways.size() == 1) {
            return ways.get(0);
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        ways.forEach(way -> any.add(way, BooleanClause.Occur.SHOULD));
        return any.build();
    }

    /**
     * The query's parts, each with the texts that may stand for it: the part itself, and when it is a
     * name (of one word or several following each other), every other name of that entity.
     */
    static List<List<String>> alternatives(QueryText text, NameBook names) {
        List<List<String>> parts = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (QueryText.Part part : text.parts()) {
            if (part.phrase()) {
                namesIn(words, names, parts);
                words.clear();
                parts.add(withNames(part.text(), names));
            } else {
                words.add(part.text());
            }
        }
        namesIn(words, names, parts);
        return parts;
    }

    // joins following words into the longest name they make, left to right
    private static void namesIn(List<String> words, NameBook names, List<List<String>> parts) {
        int i = 0;
        while (i < words.size()) {
            int taken = 1;
            Set<String> found = Set.of();
            for (int n = Math.min(names.longest(), words.size() - i); n >= 1; n--) {
                Set<String> like = names.namesLike(String.join(" ", words.subList(i, i + n)));
                if (!like.isEmpty()) {
                    taken = n;
                    found = like;
                    break;
                }
            }
            LinkedHashSet<String> alternatives = new LinkedHashSet<>();
            alternatives.add(String.join(" ", words.subList(i, i + taken)));
            alternatives.addAll(found);
            parts.add(List.copyOf(alternatives));
            i += taken;
        }
    }

    private static List<String> withNames(String text, NameBook names) {
        LinkedHashSet<String> alternatives = new LinkedHashSet<>();
        alternatives.add(text);
        alternatives.addAll(names.namesLike(text));
        return List.copyOf(alternatives);
    }
}
