package org.claimledger.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
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
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.claimledger.common.PartialDate;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The search index: one document per claim, holding its words analysed in every language that applies
 * and the numbers of its question, source and language; one per source, holding its title and authors
 * (a search finds a source's claims by them); and one per question, entity and language, so that an
 * index opened again knows their names and numbers. What a question or source is (a status, a subject,
 * a kind, a date) is looked up by its number when searching, never copied into claims: a revised source
 * or a changed status rewrites no claim.
 *
 * <p>Written by one thread (the reader of the log), searched by any. Writes become visible at
 * {@link #refresh()} and durable at {@link #commit(Map)}, which also keeps how far the log was read.
 */
public final class SearchIndex implements Closeable {

    static final String CLAIM = "claim";
    static final String SOURCE_DOC = "source";
    static final String QUESTION_DOC = "question";
    static final String ENTITY_DOC = "entity";
    static final String LANGUAGE_DOC = "language";
    /** The date of an undated source: it sorts last and is never "published before". */
    static final int UNDATED = Integer.MAX_VALUE;
    static final int FACET_VALUES = 50;

    private static final String KEY = "key";
    private static final String KEEP = "keep.";
    private static final String SEP = "\u001f";

    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<String, Texts.SourceText> sources = new ConcurrentHashMap<>();
    private final Map<String, String> subjects = new ConcurrentHashMap<>();
    // the verdicts' statuses, told by the search's caller (they are not in the log this index reads), kept
    // across a rebuild of the index
    private final Map<String, String> statuses = new ConcurrentHashMap<>();
    private final NameBook names = new NameBook();
    // Questions, sources and languages are numbered at first sight (the number kept in a document of its
    // own) and a claim carries the three numbers in one value. A search reads that one value per hit and
    // counts and filters by number in arrays; what a question or source is (status, subject, kind, origin,
    // date) is looked up by number, so a revised source or a changed status rewrites no claim.
    private final Numbers questions = new Numbers();
    private final Numbers sourceNumbers = new Numbers();
    private final Numbers languages = new Numbers();
    private final Numbers values = new Numbers(); // facet values (statuses, subjects, kinds, origins), in memory only
    private final Column questionStatus = new Column(-1);
    private final Column questionSubject = new Column(-1);
    private final Column sourceKind = new Column(-1);
    private final Column sourceOrigin = new Column(-1);
    private final Column sourcePublished = new Column(UNDATED);
    // claims are analysed on every core in a long run (a catch-up); a handful, one by one on the caller's thread
    private static final int WRITERS = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static final int PARALLEL_FROM = 256;
    private ExecutorService writers;
    private ExecutorService refresher;
    private Future<?> refreshing;
    private static final ThreadLocal<Tally[]> TALLIES = ThreadLocal.withInitial(() -> new Tally[] {new Tally(), new Tally()});

    private SearchIndex(IndexWriter writer) throws IOException {
        this.writer = writer;
        this.searchers = new SearcherManager(writer, new SearcherFactory() {
            // no query cache: queries differ, and caching the few that repeat built bitsets over whole segments
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setQueryCache(null);
                return searcher;
            }
        });
        load();
    }

    /**
     * How documents are made and analysed. An index written in another format (or before formats were
     * named) is started again empty when opened, so its reader reads the log into it from the start:
     * Lucene refuses a field whose indexing options changed, and an analysis changed would find words
     * differently in old and new documents. Raise it with any such change.
     */
    static final String FORMAT = "5";
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
        int number = sourceNumbers.number(source.id());
        Document doc = keyed(SOURCE_DOC, source.id());
        keep(doc, "number", Integer.toString(number));
        keep(doc, "title", source.title());
        keep(doc, "authors", String.join(SEP, source.authors()));
        keep(doc, "language", source.language());
        keep(doc, "kind", source.kind());
        keep(doc, "origin", source.origin());
        keep(doc, "published", source.published() == null ? null : source.published().toString());
        keep(doc, "retracted", Boolean.toString(source.retracted()));
        // its words are searched here, once, not copied into each of its claims: a search finds a source's
        // claims by the source (SearchQuery), so a revised title rewrites no claim
        sourceText(doc, source.title(), source.language());
        for (String author : source.authors()) {
            sourceText(doc, author, null);
        }
        writer.updateDocument(new Term(KEY, key(SOURCE_DOC, source.id())), doc);
        describe(number, source);
        sources.put(source.id(), source);
    }

    private void describe(int number, Texts.SourceText source) {
        sourceKind.set(number, value(source.kind()));
        sourceOrigin.set(number, value(source.origin()));
        sourcePublished.set(number, source.published() == null ? UNDATED : day(source.published()));
    }

    private int value(String value) {
        return value == null ? -1 : values.number(value);
    }

    public void putSubject(String propositionId, String subject) throws IOException {
        subjects.put(propositionId, subject);
        int number = numberQuestion(propositionId, -1); // its number, given now if it has none
        questionSubject.set(number, value(subject));
        writer.updateDocument(new Term(KEY, key(QUESTION_DOC, propositionId)), questionDocument(propositionId, subject, number));
    }

    /**
     * The verdicts' statuses of questions that changed (or all of them): a search filters and counts by
     * the status of each hit's question as it stands, so statuses are not copied into claims.
     */
    public void statuses(Map<String, String> changed) {
        changed.forEach((propositionId, status) -> {
            statuses.put(propositionId, status);
            int number = questions.of(propositionId);
            if (number >= 0) {
                questionStatus.set(number, value(status));
            }
        });
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
    public void putClaims(Collection<Texts.ClaimText> claims) throws IOException {
        putClaims(claims, id -> false);
    }

    /**
     * As {@link #putClaims(Collection)}; a claim {@code absent} says the index does not hold is
     * added without first deleting whatever it held under its id (a lookup in every segment at the next
     * flush, which a rebuild would pay for every claim). The caller must know: a claim added twice is
     * found twice.
     */
    public void putClaims(Collection<Texts.ClaimText> claims, Predicate<String> absent)
            throws IOException {
        Map<String, Texts.ClaimText> last = new LinkedHashMap<>();
        claims.forEach(c -> last.put(c.id(), c));
        List<Texts.ClaimText> distinct = List.copyOf(last.values());
        int threads = Math.min(WRITERS, distinct.size() / PARALLEL_FROM + 1);
        if (threads <= 1) {
            for (Texts.ClaimText claim : distinct) {
                put(claim, absent);
            }
            return;
        }
        List<Future<?>> parts = new ArrayList<>();
        // in parts of an eighth of a thread's share, taken in turn: a thread done early takes the next part
        // instead of waiting for the other's half (claims differ in length)
        int size = Math.max(PARALLEL_FROM / 4, (distinct.size() + 8 * threads - 1) / (8 * threads));
        for (int from = 0; from < distinct.size(); from += size) {
            List<Texts.ClaimText> part = distinct.subList(from, Math.min(distinct.size(), from + size));
            parts.add(writers().submit(() -> {
                for (Texts.ClaimText claim : part) {
                    put(claim, absent);
                }
                return null;
            }));
        }
        for (Future<?> part : parts) {
            Futures.await(part, "claims were written");
        }
    }

    private void put(Texts.ClaimText claim, Predicate<String> absent) throws IOException {
        if (absent.test(claim.id())) {
            writer.addDocument(claimDocument(claim));
        } else {
            putClaim(claim);
        }
    }

    private synchronized ExecutorService writers() {
        if (writers == null) {
            writers = Executors.newFixedThreadPool(WRITERS, r -> {
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
        names.clear();
        for (Numbers numbers : List.of(questions, sourceNumbers, languages)) {
            numbers.clear();
        }
        for (Column column : List.of(questionStatus, questionSubject, sourceKind, sourceOrigin, sourcePublished)) {
            column.clear();
        }
    }

    /** Makes every write so far visible to searches. */
    public void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /**
     * Makes the writes so far visible soon, on a thread of the index's own, while the caller goes on
     * writing: a refresh flushes what every writer holds into a new segment, and while a long run is
     * written that is a good part of the work (done in line, the writers waited for it).
     */
    public void refreshAside() {
        synchronized (this) {
            if (refreshing != null && !refreshing.isDone()) {
                return;
            }
            if (refresher == null) {
                refresher = Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "search-refresher");
                    t.setDaemon(true);
                    return t;
                });
            }
            refreshing = refresher.submit(() -> {
                searchers.maybeRefreshBlocking();
                return null;
            });
        }
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
            if (refresher != null) {
                refresher.shutdown(); // never interrupted: an interrupt closes Lucene's file channels
                try {
                    refresher.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
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
     * Runs {@code request}: every hit counted into the facets, the page after the cursor kept. Statuses are
     * those last told by {@link #statuses}.
     */
    public SearchResults search(SearchRequest request) throws IOException {
        Key after = request.after() == null ? null : Key.decode(request.after());
        IndexSearcher searcher = searchers.acquire();
        try {
            SearchQuery query = SearchQuery.of(request.text(), names, part -> claimsOfSources(searcher, part));
            BooleanQuery.Builder b = new BooleanQuery.Builder().add(query.query(), BooleanClause.Occur.MUST);
            // a source's claims are few: its postings lead the search; the other filters are tested per hit
            filter(b, Fields.SOURCE, request.source());
            // the numbers' tables read after the searcher: they know every number its documents carry
            Collector collector = new Collector(wanted(request), after, request.limit() + 1);
            searcher.search(b.build(), collector);
            List<Found> page = collector.page();
            boolean more = page.size() > request.limit();
            if (more) {
                page = page.subList(0, request.limit());
            }
            List<SearchResults.Hit> hits = new ArrayList<>();
            StoredFields stored = searcher.storedFields();
            for (Found f : page) {
                hits.add(hit(stored.document(f.doc()), f, query));
            }
            String next = more ? page.get(page.size() - 1).key().encode() : null;
            return new SearchResults(collector.total, hits, collector.facets(), next);
        } finally {
            searchers.release(searcher);
        }
    }

    // the claims of the sources whose title or authors match a part, found among the few source documents
    // in one pass; sources found as written and sources found only inflected give a way each
    private Map<Float, Query> claimsOfSources(IndexSearcher searcher, Query part) {
        Map<Float, FixedBitSet> byScore = new HashMap<>();
        int capacity = Math.max(1, sourceNumbers.names().length);
        try {
            searcher.search(part, new SimpleCollector() {
                private Scorable scorer;
                private SortedDocValues id;

                @Override
                public void setScorer(Scorable scorer) {
                    this.scorer = scorer;
                }

                @Override
                protected void doSetNextReader(LeafReaderContext context) throws IOException {
                    id = context.reader().getSortedDocValues(Fields.ID);
                }

                @Override
                public void collect(int doc) throws IOException {
                    if (id != null && id.advanceExact(doc)) {
                        int number = sourceNumbers.of(id.lookupOrd(id.ordValue()).utf8ToString());
                        if (number >= 0 && number < capacity) {
                            byScore.computeIfAbsent(scorer.score(), s -> new FixedBitSet(capacity)).set(number);
                        }
                    }
                }

                @Override
                public ScoreMode scoreMode() {
                    return ScoreMode.COMPLETE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Float, Query> claims = new HashMap<>();
        byScore.forEach((score, sources) -> claims.put(score, new ClaimsOfSources(sources)));
        return claims;
    }

    // the filters as numbers: ANY when not asked, NOTHING for a value the index has never seen
    private Wanted wanted(SearchRequest request) {
        return new Wanted(want(values, request.status()), want(languages, request.lang() == null ? null : Languages.primary(request.lang())),
                want(values, request.subject()), want(values, request.kind()), want(values, request.origin()),
                request.publishedBefore() == null ? Wanted.ANY : day(request.publishedBefore()));
    }

    private static int want(Numbers numbers, String value) {
        if (value == null || value.isBlank()) {
            return Wanted.ANY;
        }
        int n = numbers.of(value);
        return n < 0 ? Wanted.NOTHING : n;
    }

    /** What a hit must be: a number each, or {@link #ANY}; {@code before}, a day a hit's source must be dated before. */
    record Wanted(int status, int language, int subject, int kind, int origin, int before) {
        static final int ANY = Integer.MIN_VALUE;
        static final int NOTHING = -2; // no question, source or language carries it

        boolean any() {
            return status == ANY && language == ANY && subject == ANY && kind == ANY && origin == ANY && before == ANY;
        }
    }

    private SearchResults.Hit hit(Document doc, Found found, SearchQuery query) {
        String language = doc.get("quoteLanguage");
        Texts.SourceText source = sources.get(doc.get(Fields.SOURCE));
        String proposition = doc.get(Fields.PROPOSITION);
        return new SearchResults.Hit(doc.get(Fields.ID), doc.get(Fields.SOURCE),
                source == null ? null : source.title(), source == null ? List.of() : source.authors(), proposition,
                subjects.get(proposition), statuses.get(proposition),
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

    // a question the log has not defined before its claim is numbered here, and its number kept as putSubject keeps it
    private int questionOfClaim(String propositionId) throws IOException {
        int known = questions.of(propositionId);
        if (known >= 0) {
            return known;
        }
        int n = numberQuestion(propositionId, -1);
        writer.updateDocument(new Term(KEY, key(QUESTION_DOC, propositionId)), questionDocument(propositionId, null, n));
        return n;
    }

    // numbered, then its status looked up: a status told meanwhile finds the number (see statuses)
    private int numberQuestion(String propositionId, int kept) {
        int n = questions.take(propositionId, kept);
        String status = statuses.get(propositionId);
        if (status != null) {
            questionStatus.set(n, value(status));
        }
        return n;
    }

    private int languageOfClaim(String language) throws IOException {
        if (language == null) {
            return -1;
        }
        int known = languages.of(language);
        if (known >= 0) {
            return known;
        }
        int n = languages.take(language, -1);
        Document doc = keyed(LANGUAGE_DOC, language);
        keep(doc, "number", Integer.toString(n));
        writer.updateDocument(new Term(KEY, key(LANGUAGE_DOC, language)), doc);
        return n;
    }

    // a claim's question, source and language in one value: what a search reads of every hit
    private static final int QUESTION_SHIFT = 34;
    private static final int SOURCE_SHIFT = 8;
    private static final long SOURCE_MASK = (1L << (QUESTION_SHIFT - SOURCE_SHIFT)) - 1;
    private static final long LANGUAGE_MASK = (1L << SOURCE_SHIFT) - 1;

    static int sourceOf(long facts) {
        return (int) ((facts >>> SOURCE_SHIFT) & SOURCE_MASK) - 1;
    }

    static long facts(int question, int source, int language) {
        if (question + 1L >= 1L << (63 - QUESTION_SHIFT) || source + 1L > SOURCE_MASK || language + 1L > LANGUAGE_MASK) {
            throw new IllegalStateException("more questions, sources or languages than the index format numbers");
        }
        return ((question + 1L) << QUESTION_SHIFT) | ((source + 1L) << SOURCE_SHIFT) | (language + 1L);
    }

    private Document claimDocument(Texts.ClaimText claim) throws IOException {
        Document doc = keyed(CLAIM, claim.id());
        doc.add(new StringField(Fields.SOURCE, claim.sourceId(), Field.Store.YES));
        doc.add(new StoredField(Fields.PROPOSITION, claim.propositionId())); // read with a hit, never searched
        String lang = claim.quoteLanguage() == null ? null : Languages.primary(claim.quoteLanguage());
        doc.add(new NumericDocValuesField(Fields.FACTS,
                facts(questionOfClaim(claim.propositionId()), sourceNumbers.of(claim.sourceId()), languageOfClaim(lang))));
        store(doc, "quote", claim.quote());
        store(doc, "quoteLanguage", claim.quoteLanguage());
        store(doc, "translation", claim.translation());
        store(doc, "note", claim.note());
        store(doc, Fields.WITHDRAWN, Boolean.toString(claim.withdrawn()));
        text(doc, claim.quote(), claim.quoteLanguage());
        text(doc, claim.translation(), "en");
        text(doc, claim.note(), "en");
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

    // words with their positions (for phrases), without norms: every part of a query scores a fixed
    // amount (SearchQuery), so a text's length is never asked, and norms cost time at every flush
    private static final org.apache.lucene.document.FieldType WORDS = words();

    private static org.apache.lucene.document.FieldType words() {
        org.apache.lucene.document.FieldType type = new org.apache.lucene.document.FieldType(TextField.TYPE_NOT_STORED);
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }

    // a text goes to its language's field, each word as written and stemmed (Forms); a text in a language
    // without a stemmer, to the neutral field, as written
    private static void text(Document doc, String text, String language) {
        text(doc, text, language, UnaryOperator.identity());
    }

    // a source's words in fields of their own: looking a part up among the sources reads only their postings
    private static void sourceText(Document doc, String text, String language) {
        text(doc, text, language, Fields::ofSources);
    }

    private static void text(Document doc, String text, String language, UnaryOperator<String> field) {
        if (text == null || text.isBlank()) {
            return;
        }
        doc.add(new Field(field.apply(Fields.text(Languages.of(language))), text, WORDS));
    }

    /** A date as a number that orders as the date does, at its earliest day. */
    static int day(PartialDate date) {
        return date.year() * 10_000 + (date.month() == null ? 1 : date.month()) * 100
                + (date.day() == null ? 1 : date.day());
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
            for (String type : List.of(SOURCE_DOC, QUESTION_DOC, ENTITY_DOC, LANGUAGE_DOC)) {
                for (var sd : searcher.search(new TermQuery(new Term(Fields.TYPE, type)), Math.max(1, reader.maxDoc())).scoreDocs) {
                    Document d = stored.document(sd.doc);
                    String id = d.get(Fields.ID);
                    switch (type) {
                        case SOURCE_DOC -> {
                            Texts.SourceText source = new Texts.SourceText(id, d.get(KEEP + "title"), split(d.get(KEEP + "authors")),
                                    d.get(KEEP + "language"), d.get(KEEP + "kind"), d.get(KEEP + "origin"),
                                    d.get(KEEP + "published") == null ? null : PartialDate.parse(d.get(KEEP + "published")),
                                    Boolean.parseBoolean(d.get(KEEP + "retracted")));
                            sources.put(id, source);
                            describe(sourceNumbers.take(id, Integer.parseInt(d.get(KEEP + "number"))), source);
                        }
                        case QUESTION_DOC -> {
                            int n = numberQuestion(id, Integer.parseInt(d.get(KEEP + "number")));
                            if (d.get(KEEP + "subject") != null) {
                                subjects.put(id, d.get(KEEP + "subject"));
                                questionSubject.set(n, value(d.get(KEEP + "subject")));
                            }
                        }
                        case LANGUAGE_DOC -> languages.take(id, Integer.parseInt(d.get(KEEP + "number")));
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

    /** One pass over every hit: the filters, the facet counts, and the page after the cursor. */
    private final class Collector extends SimpleCollector {
        private final Wanted wanted;
        private final boolean filtered;
        private final Key after;
        private final int size;
        private final PriorityQueue<Found> best;
        long total;

        // the tables by number, as they stood when the search began
        private final int[] statusOf = questionStatus.values();
        private final int[] subjectOf = questionSubject.values();
        private final int[] kindOf = sourceKind.values();
        private final int[] originOf = sourceOrigin.values();
        private final int[] publishedOf = sourcePublished.values();
        private final Tally questionHits;
        private final Tally sourceHits;
        private final long[] languageHits = new long[languages.names().length];

        private Scorable scorer;
        private int base;
        private NumericDocValues facts;
        private SortedDocValues ids;
        private int ordDoc;
        private int ord;
        private int afterPosition;
        private Found placed; // the kept hit from another segment whose id was last looked up in this one
        private int placedPosition;

        Collector(Wanted wanted, Key after, int size) {
            this.wanted = wanted;
            this.filtered = !wanted.any();
            this.after = after;
            this.size = size;
            this.best = new PriorityQueue<>(size + 1, Comparator.comparing(Found::key).reversed());
            Tally[] tallies = TALLIES.get();
            this.questionHits = tallies[0].reset(questions.names().length);
            this.sourceHits = tallies[1].reset(sourceNumbers.names().length);
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
            base = context.docBase;
            afterPosition = Integer.MIN_VALUE;
            placed = null;
            ordDoc = -1;
            facts = context.reader().getNumericDocValues(Fields.FACTS);
            ids = context.reader().getSortedDocValues(Fields.ID);
        }

        @Override
        public void collect(int doc) throws IOException {
            if (facts == null || !facts.advanceExact(doc)) {
                return; // not a claim
            }
            long f = facts.longValue();
            int question = (int) (f >>> QUESTION_SHIFT) - 1;
            int source = (int) ((f >>> SOURCE_SHIFT) & SOURCE_MASK) - 1;
            int language = (int) (f & LANGUAGE_MASK) - 1;
            int published = at(publishedOf, source, UNDATED);
            if (filtered && !wanted(question, source, language, published)) {
                return;
            }
            total++;
            if (question >= 0) {
                questionHits.add(question);
            }
            if (source >= 0) {
                sourceHits.add(source);
            }
            if (language >= 0) {
                languageHits[language]++;
            }
            float score = scorer.score();
            // ids are compared by their ordinals in this segment, read only for a tie on score and date; an
            // id itself is read (and its block decompressed) only for a hit that is kept
            if (after != null && !after(score, published, doc)) {
                return;
            }
            if (best.size() == size && !beats(best.peek(), score, published, doc)) {
                return;
            }
            int idOrd = ord(doc);
            best.add(new Found(base + doc, new Key(score, published, ids.lookupOrd(idOrd).utf8ToString()), base, idOrd));
            if (best.size() > size) {
                best.poll();
            }
        }

        private boolean wanted(int question, int source, int language, int published) {
            return (wanted.status() == Wanted.ANY || at(statusOf, question, -1) == wanted.status())
                    && (wanted.subject() == Wanted.ANY || at(subjectOf, question, -1) == wanted.subject())
                    && (wanted.language() == Wanted.ANY || language == wanted.language())
                    && (wanted.kind() == Wanted.ANY || at(kindOf, source, -1) == wanted.kind())
                    && (wanted.origin() == Wanted.ANY || at(originOf, source, -1) == wanted.origin())
                    && (wanted.before() == Wanted.ANY || published < wanted.before());
        }

        private int ord(int doc) throws IOException {
            if (ordDoc != doc) {
                ids.advanceExact(doc);
                ord = ids.ordValue();
                ordDoc = doc;
            }
            return ord;
        }

        // whether the hit comes after the cursor
        private boolean after(float score, long date, int doc) throws IOException {
            if (score != after.score()) {
                return score < after.score();
            }
            if (date != after.published()) {
                return date > after.published();
            }
            if (afterPosition == Integer.MIN_VALUE) {
                afterPosition = ids.lookupTerm(new BytesRef(after.id()));
            }
            int idOrd = ord(doc);
            return afterPosition >= 0 ? idOrd > afterPosition : idOrd >= -afterPosition - 1;
        }

        // whether the hit ranks before the worst one kept
        private boolean beats(Found worst, float score, long date, int doc) throws IOException {
            if (score != worst.key().score()) {
                return score > worst.key().score();
            }
            if (date != worst.key().published()) {
                return date < worst.key().published();
            }
            int idOrd = ord(doc);
            if (worst.base() == base) {
                return idOrd < worst.idOrd();
            }
            if (worst != placed) {
                placed = worst;
                placedPosition = ids.lookupTerm(new BytesRef(worst.key().id()));
            }
            return placedPosition >= 0 ? idOrd < placedPosition : idOrd < -placedPosition - 1;
        }

        List<Found> page() {
            List<Found> page = new ArrayList<>(best);
            page.sort(Comparator.comparing(Found::key));
            return page;
        }

        // counted by question, source and language; told by value once per number with hits
        Map<String, Map<String, Long>> facets() {
            int valueCount = values.names().length;
            long[] status = new long[valueCount];
            long[] subject = new long[valueCount];
            long[] kind = new long[valueCount];
            long[] origin = new long[valueCount];
            for (int i = 0; i < questionHits.size(); i++) {
                int q = questionHits.number(i);
                count(status, at(statusOf, q, -1), questionHits.count(q));
                count(subject, at(subjectOf, q, -1), questionHits.count(q));
            }
            for (int i = 0; i < sourceHits.size(); i++) {
                int s = sourceHits.number(i);
                count(kind, at(kindOf, s, -1), sourceHits.count(s));
                count(origin, at(originOf, s, -1), sourceHits.count(s));
            }
            String[] valueNames = values.names();
            Map<String, Map<String, Long>> top = new LinkedHashMap<>();
            top.put("status", top(status, valueNames));
            top.put(Fields.LANG, top(languageHits, languages.names()));
            top.put(Fields.KIND, top(kind, valueNames));
            top.put(Fields.ORIGIN, top(origin, valueNames));
            top.put(Fields.SUBJECT, top(subject, valueNames));
            return top;
        }

        private static void count(long[] counts, int value, int hits) {
            if (value >= 0 && value < counts.length) {
                counts[value] += hits;
            }
        }

        private static Map<String, Long> top(long[] counts, String[] names) {
            Map<String, Long> sorted = new LinkedHashMap<>();
            java.util.stream.IntStream.range(0, Math.min(counts.length, names.length)).filter(i -> counts[i] > 0).boxed()
                    .sorted(Comparator.<Integer>comparingLong(i -> counts[i]).reversed().thenComparing(i -> names[i]))
                    .limit(FACET_VALUES)
                    .forEach(i -> sorted.put(names[i], counts[i]));
            return sorted;
        }
    }

    private static int at(int[] column, int n, int none) {
        return n >= 0 && n < column.length ? column[n] : none;
    }
}
