package org.claimledger.search;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSet;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The claims of a set of sources, by number. A query whose word is common in titles finds thousands of
 * sources; asked as terms of the claims' source field, each was looked up in every segment's terms. Here
 * each segment lists its claims by source once (from the number every claim carries, read when the
 * segment is first searched, kept while it lives), and the claims of a source are a slice of that list.
 */
final class ClaimsOfSources extends Query {

    private static final Map<IndexReader.CacheKey, BySource> SEGMENTS = new ConcurrentHashMap<>();

    private final FixedBitSet sources;

    ClaimsOfSources(FixedBitSet sources) {
        this.sources = sources;
    }

    /** A segment's claims sorted by source number: {@code docs[start[s - first] .. start[s - first + 1])}. */
    record BySource(int first, int[] start, int[] docs) {

        static BySource of(LeafReader reader) throws IOException {
            NumericDocValues facts = reader.getNumericDocValues(Fields.FACTS);
            int first = Integer.MAX_VALUE;
            int last = -1;
            int[] sourceOf = new int[reader.maxDoc()];
            java.util.Arrays.fill(sourceOf, -1);
            for (int doc = facts == null ? DocIdSetIterator.NO_MORE_DOCS : facts.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS;
                 doc = facts.nextDoc()) {
                int source = SearchIndex.sourceOf(facts.longValue());
                if (source >= 0) {
                    sourceOf[doc] = source;
                    first = Math.min(first, source);
                    last = Math.max(last, source);
                }
            }
            if (last < 0) {
                return new BySource(0, new int[] {0}, new int[0]);
            }
            int[] start = new int[last - first + 2];
            for (int source : sourceOf) {
                if (source >= 0) {
                    start[source - first + 1]++;
                }
            }
            for (int i = 1; i < start.length; i++) {
                start[i] += start[i - 1];
            }
            int[] docs = new int[start[start.length - 1]];
            int[] next = java.util.Arrays.copyOf(start, start.length - 1);
            for (int doc = 0; doc < sourceOf.length; doc++) {
                if (sourceOf[doc] >= 0) {
                    docs[next[sourceOf[doc] - first]++] = doc;
                }
            }
            return new BySource(first, start, docs);
        }

        void addTo(int source, BitSet hits) {
            int i = source - first;
            if (i >= 0 && i < start.length - 1) {
                for (int p = start[i]; p < start[i + 1]; p++) {
                    hits.set(docs[p]);
                }
            }
        }
    }

    static BySource bySource(LeafReader reader) throws IOException {
        IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
        if (helper == null) {
            return BySource.of(reader);
        }
        BySource known = SEGMENTS.get(helper.getKey());
        if (known == null) {
            known = BySource.of(reader);
            if (SEGMENTS.putIfAbsent(helper.getKey(), known) == null) {
                helper.addClosedListener(SEGMENTS::remove);
            }
        }
        return known;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new ConstantScoreWeight(this, boost) {
            @Override
            public Scorer scorer(LeafReaderContext context) throws IOException {
                BySource bySource = bySource(context.reader());
                FixedBitSet hits = new FixedBitSet(context.reader().maxDoc());
                for (int s = sources.nextSetBit(0); s != DocIdSetIterator.NO_MORE_DOCS;
                     s = s + 1 < sources.length() ? sources.nextSetBit(s + 1) : DocIdSetIterator.NO_MORE_DOCS) {
                    bySource.addTo(s, hits);
                }
                int cardinality = hits.cardinality();
                return cardinality == 0 ? null
                        : new ConstantScoreScorer(this, score(), scoreMode, new BitSetIterator(hits, cardinality));
            }

            @Override
            public boolean isCacheable(LeafReaderContext context) {
                return false;
            }
        };
    }

    @Override
    public String toString(String field) {
        return "claims of " + sources.cardinality() + " sources";
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && sources.equals(((ClaimsOfSources) other).sources);
    }

    @Override
    public int hashCode() {
        return classHash() ^ sources.hashCode();
    }
}
