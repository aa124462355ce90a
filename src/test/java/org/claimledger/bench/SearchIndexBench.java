package org.claimledger.bench;

import org.apache.lucene.store.FSDirectory;
import org.claimledger.common.PartialDate;
import org.claimledger.search.QueryText;
import org.claimledger.search.SearchIndex;
import org.claimledger.search.SearchRequest;
import org.claimledger.search.Texts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * The search index alone, in this process: no log, no service, no HTTP. Claims shaped as the
 * {@code search} part's (SyntheticTexts, 200 claims a source, a question for every ten claims) are
 * written straight into a {@link SearchIndex} on disk in batches as the reader hands them over, then the
 * {@code search} part's three kinds of query are run against it. It tells the index's own share of the
 * service's figures apart from reading the log and HTTP, and is quick enough to run after each change.
 *
 * <pre>./mvnw -B -Pbench -DskipTests package exec:java -Dbench.main=org.claimledger.bench.SearchIndexBench -Dbench.claims=1000000</pre>
 */
public final class SearchIndexBench {

    private static final String[] STATUSES = {"corroborated", "contested", "unresolved", "uncorroborated"};

    public static void main(String[] args) throws Exception {
        int claims = Integer.getInteger("bench.claims", 1_000_000);
        int samples = Integer.getInteger("bench.samples", 1000);
        int batch = Integer.getInteger("bench.batch", 1000);
        Path dir = Path.of("target", "bench", "search-index");
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir);
        SyntheticTexts texts = new SyntheticTexts();
        Random random = new Random(42);
        int questions = Math.max(100, claims / 10);
        Map<String, String> statuses = new HashMap<>();
        try (SearchIndex index = SearchIndex.open(FSDirectory.open(dir))) {
            for (int q = 0; q < questions; q++) {
                index.putSubject("bench/p" + q, "bench-place-" + (q % 100));
                statuses.put("bench/p" + q, STATUSES[q % STATUSES.length]);
            }
            index.statuses(statuses);
            long t0 = System.nanoTime();
            List<Texts.ClaimText> waiting = new ArrayList<>();
            int written = 0;
            int sources = 0;
            long lastRefresh = System.nanoTime();
            while (written < claims) {
                String source = "bench-s" + sources++;
                int language = sources % SyntheticTexts.LANGUAGES.length;
                index.putSource(new Texts.SourceText(source, texts.sentence(language, random, 6),
                        List.of("Author " + random.nextInt(1000)), SyntheticTexts.LANGUAGES[language], "scholarship",
                        SyntheticLedger.ORIGINS[random.nextInt(SyntheticLedger.ORIGINS.length)],
                        PartialDate.parse(String.valueOf(1945 + random.nextInt(80))), false));
                for (int i = 0; i < SyntheticLedger.CLAIMS_PER_SOURCE && written < claims; i++, written++) {
                    waiting.add(new Texts.ClaimText(source + "/c" + i, source, "bench/p" + random.nextInt(questions),
                            texts.sentence(language, random, 12 + random.nextInt(14)), SyntheticTexts.LANGUAGES[language],
                            language == SyntheticTexts.english() ? null
                                    : texts.sentence(SyntheticTexts.english(), random, 12 + random.nextInt(14)),
                            null, false));
                    if (waiting.size() == batch) {
                        index.putClaims(waiting, id -> true); // a fresh index: every claim is new
                        waiting.clear();
                    }
                }
                if (System.nanoTime() - lastRefresh > 10_000_000_000L) {
                    index.refreshAside();
                    lastRefresh = System.nanoTime();
                }
            }
            index.putClaims(waiting, id -> true); // a fresh index: every claim is new
            index.commit(Map.of());
            double seconds = (System.nanoTime() - t0) / 1e9;
            long bytes;
            try (var files = Files.walk(dir)) {
                bytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
            }
            System.out.printf(Locale.ROOT, "index alone, in process: %,d claims in %.1f s: %,.0f claims/s; %,d bytes/claim%n",
                    claims, seconds, claims / seconds, bytes / claims);
            record Query(String name, IntFunction<String> text) {
            }
            for (Query q : List.of(
                    new Query("one word", i -> texts.word(i % 5, new Random(i))),
                    new Query("three words", i -> {
                        Random r = new Random(i);
                        return texts.word(i % 5, r) + " " + texts.word(i % 5, r) + " " + texts.word(i % 5, r);
                    }),
                    new Query("a phrase of two words", i -> {
                        Random r = new Random(i);
                        return "\"" + texts.word(i % 5, r) + " " + texts.word(i % 5, r) + "\"";
                    }))) {
                for (int i = 0; i < samples / 5; i++) { // warm-up
                    index.search(SearchRequest.of(q.text().apply(i)));
                }
                double[] ms = new double[samples];
                long hits = 0;
                for (int i = 0; i < samples; i++) {
                    SearchRequest request = new SearchRequest(QueryText.parse(q.text().apply(i)), null, null, null, null,
                            null, null, null, 20, null);
                    long s = System.nanoTime();
                    hits += index.search(request).total();
                    ms[i] = (System.nanoTime() - s) / 1e6;
                }
                Arrays.sort(ms);
                System.out.printf(Locale.ROOT, "%s: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%,d hits on average)%n", q.name(),
                        ms[samples / 2], ms[(int) (samples * 0.99)], ms[samples - 1], hits / samples);
            }
        }
        System.exit(0);
    }
}
