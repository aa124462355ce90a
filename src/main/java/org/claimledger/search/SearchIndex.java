package org.claimledger.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.claimledger.common.PartialDate;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The search index: one document per claim, holding its words and its source's, analysed in every
 * language that applies, and the facts a historian filters by. Sources, questions' subjects and
 * entities' names are kept beside the claims (so that an index opened again knows them) and copied into
 * each claim: a source revised or retracted rewrites its claims.
 *
 * <p>Written by one thread (the reader of the log), searched by any. Writes become visible at
 * {@link #refresh()} and durable at {@link #commit(Map)}, which also keeps how far the log was read.
 */
public final class SearchIndex implements Closeable {

    static final String CLAIM = "claim";
    static final String SOURCE_DOC = "source";
    static final String QUESTION_DOC = "question";
    static final String ENTITY_DOC = "entity";
    static final int FACET_VALUES = 50;

    private static final String KEY = "key";
    private static final String KEEP = "keep.";
    private static final String SEP = "\u001f";

    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<String, Texts.SourceText> sources = new ConcurrentHashMap<>();
    private final Map<String, String> subjects = new ConcurrentHashMap<>();
    private final NameBook names = new NameBook();
    // every question a number, kept in its question document: hits are counted per number in one array
    // for the whole index, so a search tells each question's status once, not once per segment
    private final Map<String, Integer> questionNumbers = new ConcurrentHashMap<>();
    private volatile String[] questionIds = new String[1024];
    // claims are analysed on every core in a long run (a catch-up); a handful, one by one on the caller's thread
    private static final int WRITERS = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static final int PARALLEL_FROM = 256;
    private java.util.concurrent.ExecutorService writers;

    private SearchIndex(IndexWriter writer) throws IOException {
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
        load();
    }

    /**
     * How documents are made and analysed. An index written in another format (or before formats were
     * named) is started again empty when opened, so its reader reads the log into it from the start:
     * Lucene refuses a field whose indexing options changed, and an analysis changed would find words
     * differently in old and new documents. Raise it with any such change.
     */
    static final String FORMAT = "2";
    static final String FORMAT_KEY = "format";

    /** Opens the index in {@code directory}, or starts an empty one there (also in place of one of another format). */
    public static SearchIndex open(Directory directory) throws IOException {
        boolean current = DirectoryReader.indexExists(directory)
                && FORMAT.equals(org.apache.lucene.index.SegmentInfos.readLatestCommit(directory).getUserData().get(FORMAT_KEY));
        IndexWriterConfig config = new IndexWriterConfig(Fields.INDEXING)
                .setOpenMode(current ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(64);
        IndexWriter writer = new IndexWriter(directory, config);
        if (!current) {
            writer.setLiveCommitData(Map.of(FORMAT_KEY, FORMAT).entrySet());
            writer.commit();
        }
        return new SearchIndex(writer);
    }

    // --- writes ---

    public void putSource(Texts.SourceText source) throws IOException {
        Document doc = keyed(SOURCE_DOC, source.id());
        keep(doc, "title", source.title());
        keep(doc, "authors", String.join(SEP, source.authors()));
        keep(doc, "language", source.language());
        keep(doc, "kind", source.kind());
        keep(doc, "origin", source.origin());
        keep(doc, "published", source.published() == null ? null : source.published().toString());
        keep(doc, "retracted", Boolean.toString(source.retracted()));
        writer.updateDocument(new Term(KEY, key(SOURCE_DOC, source.id())), doc);
        Texts.SourceText before = sources.put(source.id(), source);
        if (before != null && !before.equals(source)) {
            rewriteClaims(Fields.SOURCE, source.id());
        }
    }

    public void putSubject(String propositionId, String subject) throws IOException {
        writer.updateDocument(new Term(KEY, key(QUESTION_DOC, propositionId)),
                questionDocument(propositionId, subject, questionNumber(propositionId)));
        String before = subjects.put(propositionId, subject);
        if (before != null && !before.equals(subject)) {
            rewriteClaims(Fields.PROPOSITION, propositionId);
        }
    }

    public void putNames(Texts.EntityNames entity) throws IOException {
        Document doc = keyed(ENTITY_DOC, entity.id());
        keep(doc, "names", String.join(SEP, entity.names()));
        writer.updateDocument(new Term(KEY, key(ENTITY_DOC, entity.id())), doc);
        names.put(entity);
    }

    public void putClaim(Texts.ClaimText claim) throws IOException {
        writer.updateDocument(new Term(KEY, key(CLAIM, claim.id())), claimDocument(claim));
    }

    /**
     * Writes claims as {@link #putClaim} would one after the other, the last text of a claim winning. Their
     * sources and subjects must be known already. A long run is analysed on every core (each claim on one
     * thread: they are distinct), which is most of what indexing costs.
     */
    public void putClaims(java.util.Collection<Texts.ClaimText> claims) throws IOException {
        Map<String, Texts.ClaimText> last = new LinkedHashMap<>();
        claims.forEach(c -> last.put(c.id(), c));
        List<Texts.ClaimText> distinct = List.copyOf(last.values());
        int threads = Math.min(WRITERS, distinct.size() / PARALLEL_FROM + 1);
        if (threads <= 1) {
            for (Texts.ClaimText claim : distinct) {
                putClaim(claim);
            }
            return;
        }
        List<java.util.concurrent.Future<?>> parts = new ArrayList<>();
        int size = (distinct.size() + threads - 1) / threads;
        for (int from = 0; from < distinct.size(); from += size) {
            List<Texts.ClaimText> part = distinct.subList(from, Math.min(distinct.size(), from + size));
            parts.add(writers().submit(() -> {
                for (Texts.ClaimText claim : part) {
                    putClaim(claim);
                }
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> part : parts) {
            try {
                part.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while claims were written");
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
    }

    private synchronized java.util.concurrent.ExecutorService writers() {
        if (writers == null) {
            writers = java.util.concurrent.Executors.newFixedThreadPool(WRITERS, r -> {
                Thread t = new Thread(r, "search-writer");
                t.setDaemon(true);
                return t;
            });
        }
        return writers;
    }

    /** Marks a claim withdrawn (or not); a claim the index does not hold is left alone. */
    public void withdrawClaim(String claimId, boolean withdrawn) throws IOException {
        Optional<Texts.ClaimText> claim = claim(claimId);
        if (claim.isPresent()) {
            putClaim(claim.get().withdrawn(withdrawn));
        }
    }

    public void retractSource(String sourceId, boolean retracted) throws IOException {
        Texts.SourceText source = sources.get(sourceId);
        if (source != null) {
            putSource(source.retracted(retracted));
        }
    }

    /** Whether the source is retracted, as far as the index knows. */
    public boolean retracted(String sourceId) {
        Texts.SourceText source = sources.get(sourceId);
        return source != null && source.retracted();
    }

    /** The claim as the index holds it, with every write so far seen. */
    public Optional<Texts.ClaimText> claim(String claimId) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            List<Texts.ClaimText> found = claims(reader, new TermQuery(new Term(KEY, key(CLAIM, claimId))));
            return found.stream().findFirst();
        }
    }

    /** Empties the index, for a rebuild from the start of the log. */
    public void clear() throws IOException {
        writer.deleteAll();
        sources.clear();
        subjects.clear();
        synchronized (this) {
            questionNumbers.clear();
            questionIds = new String[1024];
        }
        names.clear();
    }

    /** Makes every write so far visible to searches. */
    public void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /** Makes every write so far durable, with {@code data} (how far the log was read) beside it. */
    public void commit(Map<String, String> data) throws IOException {
        Map<String, String> kept = new HashMap<>(data);
        kept.put(FORMAT_KEY, FORMAT);
        writer.setLiveCommitData(kept.entrySet());
        writer.commit();
        refresh();
    }

    /** What the last commit kept beside the index; empty for a new index. */
    public Map<String, String> committed() {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        return data;
    }

    public long claims() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return searcher.count(new TermQuery(new Term(Fields.TYPE, CLAIM)));
        } finally {
            searchers.release(searcher);
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (writers != null) {
                writers.shutdownNow();
            }
        }
        searchers.close();
        writer.close();
    }

    // --- search ---

    /** Whether {@code cursor} is one this index gave out as {@code next}: checked before a search, to name it. */
    public static void checkCursor(String cursor) {
        Key.decode(cursor);
    }

    /**
     * Runs {@code request}. {@code statusOf} gives the verdict's status of a question (it changes far more
     * often than the claims, so it is asked at search time, not copied into the index).
     */
    public SearchResults search(SearchRequest request, Function<String, String> statusOf) throws IOException {
        SearchQuery query = SearchQuery.of(request.text(), names);
        BooleanQuery.Builder b = new BooleanQuery.Builder()
                .add(query.query(), BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(Fields.TYPE, CLAIM)), BooleanClause.Occur.FILTER);
        filter(b, Fields.LANG, request.lang() == null ? null : Languages.primary(request.lang()));
        filter(b, Fields.SUBJECT, request.subject());
        filter(b, Fields.SOURCE, request.source());
        filter(b, Fields.KIND, request.kind());
        filter(b, Fields.ORIGIN, request.origin());
        if (request.publishedBefore() != null) {
            b.add(IntPoint.newRangeQuery(Fields.PUBLISHED, Integer.MIN_VALUE, day(request.publishedBefore()) - 1),
                    BooleanClause.Occur.FILTER);
        }
        Key after = request.after() == null ? null : Key.decode(request.after());
        IndexSearcher searcher = searchers.acquire();
        try {
            Collector collector = new Collector(request.status(), statusOf, questionIds, after, request.limit() + 1);
            searcher.search(b.build(), collector);
            List<Found> page = collector.page();
            boolean more = page.size() > request.limit();
            if (more) {
                page = page.subList(0, request.limit());
            }
            List<SearchResults.Hit> hits = new ArrayList<>();
            StoredFields stored = searcher.storedFields();
            for (Found f : page) {
                hits.add(hit(stored.document(f.doc()), f, statusOf, query));
            }
            String next = more ? page.get(page.size() - 1).key().encode() : null;
            return new SearchResults(collector.total, hits, collector.facets(), next);
        } finally {
            searchers.release(searcher);
        }
    }

    private SearchResults.Hit hit(Document doc, Found found, Function<String, String> statusOf, SearchQuery query) {
        String language = doc.get("quoteLanguage");
        Texts.SourceText source = sources.get(doc.get(Fields.SOURCE));
        String proposition = doc.get(Fields.PROPOSITION);
        return new SearchResults.Hit(doc.get(Fields.ID), doc.get(Fields.SOURCE),
                source == null ? null : source.title(), source == null ? List.of() : source.authors(), proposition,
                subjects.get(proposition), statusOf.apply(proposition),
                Marks.of(doc.get("quote"), language, query.terms()), language,
                Marks.of(doc.get("translation"), "en", query.terms()),
                Boolean.parseBoolean(doc.get(Fields.WITHDRAWN)), source != null && source.retracted(), found.key().score());
    }

    private static void filter(BooleanQuery.Builder b, String field, String value) {
        if (value != null && !value.isBlank()) {
            b.add(new TermQuery(new Term(field, value)), BooleanClause.Occur.FILTER);
        }
    }

    // --- documents ---

    private static Document questionDocument(String propositionId, String subject, int number) {
        Document doc = keyed(QUESTION_DOC, propositionId);
        keep(doc, "subject", subject);
        keep(doc, "number", Integer.toString(number));
        return doc;
    }

    /** The question's number, given at its first sight (claims are written on several threads). */
    private int questionNumber(String propositionId) {
        Integer known = questionNumbers.get(propositionId);
        return known != null ? known : number(propositionId, null);
    }

    // a question the log has not defined before its claim is numbered here, and its number kept as putSubject keeps it
    private int questionOfClaim(String propositionId, String subject) throws IOException {
        Integer known = questionNumbers.get(propositionId);
        if (known != null) {
            return known;
        }
        int n = number(propositionId, null);
        writer.updateDocument(new Term(KEY, key(QUESTION_DOC, propositionId)), questionDocument(propositionId, subject, n));
        return n;
    }

    private synchronized int number(String propositionId, Integer kept) {
        Integer known = questionNumbers.get(propositionId);
        if (known != null) {
            return known;
        }
        int n = kept != null ? kept : questionNumbers.size();
        String[] ids = questionIds;
        if (n >= ids.length) {
            ids = Arrays.copyOf(ids, Math.max(n + 1, ids.length * 2));
        }
        ids[n] = propositionId;
        questionIds = ids; // published before any document carrying the number can be searched
        questionNumbers.put(propositionId, n);
        return n;
    }

    private Document claimDocument(Texts.ClaimText claim) throws IOException {
        Texts.SourceText source = sources.get(claim.sourceId());
        String subject = subjects.get(claim.propositionId());
        Document doc = keyed(CLAIM, claim.id());
        facet(doc, Fields.SOURCE, claim.sourceId());
        facet(doc, Fields.PROPOSITION, claim.propositionId());
        doc.add(new NumericDocValuesField(Fields.QUESTION, questionOfClaim(claim.propositionId(), subject)));
        facet(doc, Fields.SUBJECT, subject);
        String lang = claim.quoteLanguage() == null ? null : Languages.primary(claim.quoteLanguage());
        facet(doc, Fields.LANG, lang);
        store(doc, "quote", claim.quote());
        store(doc, "quoteLanguage", claim.quoteLanguage());
        store(doc, "translation", claim.translation());
        store(doc, "note", claim.note());
        store(doc, Fields.WITHDRAWN, Boolean.toString(claim.withdrawn()));
        text(doc, claim.quote(), claim.quoteLanguage());
        text(doc, claim.translation(), "en");
        text(doc, claim.note(), "en");
        int published = Integer.MAX_VALUE; // an undated source sorts last and is never "published before"
        if (source != null) {
            facet(doc, Fields.KIND, source.kind());
            facet(doc, Fields.ORIGIN, source.origin());
            text(doc, source.title(), source.language());
            for (String author : source.authors()) {
                text(doc, author, null);
            }
            if (source.published() != null) {
                published = day(source.published());
            }
        }
        doc.add(new IntPoint(Fields.PUBLISHED, published));
        doc.add(new NumericDocValuesField(Fields.PUBLISHED, published));
        return doc;
    }

    private static Document keyed(String type, String id) {
        Document doc = new Document();
        doc.add(new StringField(KEY, key(type, id), Field.Store.NO));
        doc.add(new StringField(Fields.TYPE, type, Field.Store.NO));
        doc.add(new StoredField(Fields.ID, id));
        doc.add(new SortedDocValuesField(Fields.ID, new BytesRef(id)));
        return doc;
    }

    private static String key(String type, String id) {
        return type + ":" + id;
    }

    private static void store(Document doc, String field, String value) {
        if (value != null) {
            doc.add(new StoredField(field, value));
        }
    }

    // what the index keeps of sources, questions and entities, under names no claim field uses
    private static void keep(Document doc, String field, String value) {
        if (value != null) {
            doc.add(new StoredField(KEEP + field, value));
        }
    }

    private static void facet(Document doc, String field, String value) {
        if (value != null) {
            doc.add(new StringField(field, value, Field.Store.YES));
            doc.add(new SortedDocValuesField(field, new BytesRef(value)));
        }
    }

    // words with their positions (for phrases), without norms: every part of a query scores a fixed
    // amount (SearchQuery), so a text's length is never asked, and norms cost time at every flush
    private static final org.apache.lucene.document.FieldType WORDS = words();

    private static org.apache.lucene.document.FieldType words() {
        org.apache.lucene.document.FieldType type = new org.apache.lucene.document.FieldType(TextField.TYPE_NOT_STORED);
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }

    // a text goes to its language's field (when that language has a stemmer) and, as written, to the neutral one
    private static void text(Document doc, String text, String language) {
        if (text == null || text.isBlank()) {
            return;
        }
        String stemmed = Languages.of(language);
        if (!stemmed.equals(Languages.NEUTRAL)) {
            doc.add(new Field(Fields.text(stemmed), text, WORDS));
        }
        doc.add(new Field(Fields.TEXT_ANY, text, WORDS));
    }

    /** A date as a number that orders as the date does, at its earliest day. */
    static int day(PartialDate date) {
        return date.year() * 10_000 + (date.month() == null ? 1 : date.month()) * 100
                + (date.day() == null ? 1 : date.day());
    }

    private void rewriteClaims(String field, String value) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            Query q = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(field, value)), BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(Fields.TYPE, CLAIM)), BooleanClause.Occur.FILTER).build();
            for (Texts.ClaimText claim : claims(reader, q)) {
                putClaim(claim);
            }
        }
    }

    private static List<Texts.ClaimText> claims(DirectoryReader reader, Query q) throws IOException {
        IndexSearcher searcher = new IndexSearcher(reader);
        List<Integer> docs = new ArrayList<>();
        searcher.search(q, new SimpleCollector() {
            int base;

            @Override
            protected void doSetNextReader(LeafReaderContext context) {
                base = context.docBase;
            }

            @Override
            public void collect(int doc) {
                docs.add(base + doc);
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        });
        StoredFields stored = searcher.storedFields();
        List<Texts.ClaimText> claims = new ArrayList<>();
        for (int doc : docs) {
            Document d = stored.document(doc);
            claims.add(new Texts.ClaimText(d.get(Fields.ID), d.get(Fields.SOURCE), d.get(Fields.PROPOSITION),
                    d.get("quote"), d.get("quoteLanguage"), d.get("translation"), d.get("note"),
                    Boolean.parseBoolean(d.get(Fields.WITHDRAWN))));
        }
        return claims;
    }

    // an index opened again knows its sources, subjects and names from the documents it keeps for them
    private void load() throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            StoredFields stored = searcher.storedFields();
            for (String type : List.of(SOURCE_DOC, QUESTION_DOC, ENTITY_DOC)) {
                for (var sd : searcher.search(new TermQuery(new Term(Fields.TYPE, type)), Math.max(1, reader.maxDoc())).scoreDocs) {
                    Document d = stored.document(sd.doc);
                    String id = d.get(Fields.ID);
                    switch (type) {
                        case SOURCE_DOC -> sources.put(id, new Texts.SourceText(id, d.get(KEEP + "title"), split(d.get(KEEP + "authors")),
                                d.get(KEEP + "language"), d.get(KEEP + "kind"), d.get(KEEP + "origin"),
                                d.get(KEEP + "published") == null ? null : PartialDate.parse(d.get(KEEP + "published")),
                                Boolean.parseBoolean(d.get(KEEP + "retracted"))));
                        case QUESTION_DOC -> {
                            if (d.get(KEEP + "subject") != null) {
                                subjects.put(id, d.get(KEEP + "subject"));
                            }
                            number(id, Integer.parseInt(d.get(KEEP + "number")));
                        }
                        default -> names.put(new Texts.EntityNames(id, split(d.get(KEEP + "names"))));
                    }
                }
            }
        }
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(SEP));
    }

    // --- ordering and paging ---

    /** Where a hit stands in the results: by score, then the source's date (earliest first), then its id. */
    record Key(float score, long published, String id) implements Comparable<Key> {
        // ids in code point order: the order of their UTF-8 bytes, the order of a segment's id ordinals
        static final Comparator<Key> ORDER = Comparator.comparing(Key::score).reversed()
                .thenComparingLong(Key::published).thenComparing(Key::id, Key::byCodePoint);

        static int byCodePoint(String a, String b) {
            int i = 0;
            int j = 0;
            while (i < a.length() && j < b.length()) {
                int x = a.codePointAt(i);
                int y = b.codePointAt(j);
                if (x != y) {
                    return Integer.compare(x, y);
                }
                i += Character.charCount(x);
                j += Character.charCount(y);
            }
            return Integer.compare(a.length() - i, b.length() - j);
        }

        @Override
        public int compareTo(Key o) {
            return ORDER.compare(this, o);
        }

        String encode() {
            String s = Float.floatToIntBits(score) + SEP + published + SEP + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
        }

        static Key decode(String cursor) {
            try {
                String[] p = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(SEP, 3);
                return new Key(Float.intBitsToFloat(Integer.parseInt(p[0])), Long.parseLong(p[1]), p[2]);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("is not a cursor this service gave out");
            }
        }
    }

    /** A hit kept for the page; {@code base} names its segment and {@code idOrd} its id's ordinal there. */
    record Found(int doc, Key key, int base, int idOrd) {
    }

    /** One pass over every hit: the status filter, the facet counts, and the page after the cursor. */
    private static final class Collector extends SimpleCollector {
        private final String status;
        private final Function<String, String> statusOf;
        private final Key after;
        private final int size;
        private final PriorityQueue<Found> best;
        private final Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        long total;

        private Scorable scorer;
        private int base;
        private SortedDocValues ids;
        private NumericDocValues questions;
        private final String[] questionIds;
        private final long[] hitsPerQuestion; // the status facet: counted per question, told by status at the end
        private final String[] statusOfQuestion;
        private NumericDocValues published;
        // per segment, in arrays: a hit costs a few ordinal reads and increments, no map lookups
        private static final List<String> COUNTED = Fields.FACETS.stream().filter(f -> !f.equals("status")).toList();
        private final SortedDocValues[] facetValues = new SortedDocValues[COUNTED.size()];
        private final long[][] facetCounts = new long[COUNTED.size()][];
        private int afterPosition;
        private Found placed; // the kept hit from another segment whose id was last looked up in this one
        private int placedPosition;

        Collector(String status, Function<String, String> statusOf, String[] questionIds, Key after, int size) {
            this.status = status;
            this.questionIds = questionIds;
            this.hitsPerQuestion = new long[questionIds.length];
            this.statusOfQuestion = new String[questionIds.length];
            this.statusOf = statusOf;
            this.after = after;
            this.size = size;
            this.best = new PriorityQueue<>(size + 1, Comparator.comparing(Found::key).reversed());
            for (String facet : Fields.FACETS) {
                facets.put(facet, new HashMap<>());
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE;
        }

        @Override
        public void setScorer(Scorable scorer) {
            this.scorer = scorer;
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            flushCounts();
            base = context.docBase;
            afterPosition = Integer.MIN_VALUE;
            placed = null;
            var leaf = context.reader();
            ids = leaf.getSortedDocValues(Fields.ID);
            questions = leaf.getNumericDocValues(Fields.QUESTION);
            published = leaf.getNumericDocValues(Fields.PUBLISHED);
            for (int f = 0; f < COUNTED.size(); f++) {
                SortedDocValues values = leaf.getSortedDocValues(COUNTED.get(f));
                facetValues[f] = values;
                facetCounts[f] = new long[values == null ? 0 : values.getValueCount()];
            }
        }

        @Override
        public void collect(int doc) throws IOException {
            int question = -1;
            if (questions != null && questions.advanceExact(doc)) {
                question = (int) questions.longValue();
            }
            if (status != null && (question < 0 || !status.equals(statusOf(question)))) {
                return;
            }
            total++;
            if (question >= 0) {
                hitsPerQuestion[question]++;
            }
            for (int f = 0; f < facetValues.length; f++) {
                SortedDocValues values = facetValues[f];
                if (values != null && values.advanceExact(doc)) {
                    facetCounts[f][values.ordValue()]++;
                }
            }
            float score = scorer.score();
            long date = published != null && published.advanceExact(doc) ? published.longValue() : Integer.MAX_VALUE;
            ids.advanceExact(doc);
            int idOrd = ids.ordValue();
            // ids are compared by their ordinals in this segment: an id is read (and its block decompressed)
            // only for a hit that is kept, not for every hit that ties on score and date
            if (after != null && !after(score, date, idOrd)) {
                return;
            }
            if (best.size() == size && !beats(best.peek(), score, date, idOrd)) {
                return;
            }
            best.add(new Found(base + doc, new Key(score, date, ids.lookupOrd(idOrd).utf8ToString()), base, idOrd));
            if (best.size() > size) {
                best.poll();
            }
        }

        // whether the hit comes after the cursor
        private boolean after(float score, long date, int idOrd) throws IOException {
            if (score != after.score()) {
                return score < after.score();
            }
            if (date != after.published()) {
                return date > after.published();
            }
            if (afterPosition == Integer.MIN_VALUE) {
                afterPosition = ids.lookupTerm(new BytesRef(after.id()));
            }
            return afterPosition >= 0 ? idOrd > afterPosition : idOrd >= -afterPosition - 1;
        }

        // whether the hit ranks before the worst one kept
        private boolean beats(Found worst, float score, long date, int idOrd) throws IOException {
            if (score != worst.key().score()) {
                return score > worst.key().score();
            }
            if (date != worst.key().published()) {
                return date < worst.key().published();
            }
            if (worst.base() == base) {
                return idOrd < worst.idOrd();
            }
            if (worst != placed) {
                placed = worst;
                placedPosition = ids.lookupTerm(new BytesRef(worst.key().id()));
            }
            return placedPosition >= 0 ? idOrd < placedPosition : idOrd < -placedPosition - 1;
        }

        // the question's status, asked once per question and search ("" for a question without a verdict)
        private String statusOf(int question) {
            String verdict = statusOfQuestion[question];
            if (verdict == null) {
                verdict = statusOf.apply(questionIds[question]);
                statusOfQuestion[question] = verdict = verdict == null ? "" : verdict;
            }
            return verdict;
        }

        private void flushCounts() throws IOException {
            for (int f = 0; f < facetValues.length; f++) {
                long[] counts = facetCounts[f];
                for (int ord = 0; counts != null && ord < counts.length; ord++) {
                    if (counts[ord] > 0) {
                        facets.get(COUNTED.get(f)).merge(facetValues[f].lookupOrd(ord).utf8ToString(), counts[ord], Long::sum);
                    }
                }
                facetValues[f] = null;
                facetCounts[f] = null;
            }
        }

        List<Found> page() {
            List<Found> page = new ArrayList<>(best);
            page.sort(Comparator.comparing(Found::key));
            return page;
        }

        Map<String, Map<String, Long>> facets() throws IOException {
            flushCounts();
            for (int question = 0; question < hitsPerQuestion.length; question++) {
                if (hitsPerQuestion[question] > 0 && !statusOf(question).isEmpty()) {
                    facets.get("status").merge(statusOf(question), hitsPerQuestion[question], Long::sum);
                }
            }
            Map<String, Map<String, Long>> top = new LinkedHashMap<>();
            facets.forEach((facet, counts) -> {
                Map<String, Long> sorted = new LinkedHashMap<>();
                counts.entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                        .limit(FACET_VALUES)
                        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
                top.put(facet, sorted);
            });
            return top;
        }
    }
}
