package org.claimledger.search;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.claimledger.common.PartialDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The index as a plain object: what a historian's words find, filtered, counted and paged. */
class SearchIndexTest {

    static final Texts.SourceText KONEV = new Texts.SourceText("konev-1969", "Записки командующего фронтом",
            List.of("Ivan Konev"), "ru", "memoir", "soviet-state", PartialDate.parse("1969"), false);
    static final Texts.SourceText AK = new Texts.SourceText("ak-report-1945", "Raport Armii Krajowej o ocaleniu Krakowa",
            List.of("Jan Nowak"), "pl", "archival-document", "polish-home-army", PartialDate.parse("1945-03"), false);
    static final Texts.SourceText SLAG = new Texts.SourceText("slag-om-krakow", "De slag om Krakau",
            List.of("Piet de Vries"), "nl", "press", "independent", PartialDate.parse("2005-01-19"), false);
    static final Texts.SourceText UNDATED = new Texts.SourceText("leaflet", "Leaflet on the demining of the bridges",
            List.of(), "en", "other", "independent", null, false);

    static final Map<String, String> STATUS = Map.of(
            "krakow-1945/saved-by", "contested",
            "krakow-1945/intact", "corroborated",
            "krakow-1945/bridges", "single-line");

    Directory directory;
    SearchIndex index;

    @BeforeEach
    void corpus() throws IOException {
        directory = new ByteBuffersDirectory();
        index = SearchIndex.open(directory);
        fill(index);
        index.refresh();
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    static void fill(SearchIndex index) throws IOException {
        index.putNames(new Texts.EntityNames("krakow", List.of("Kraków", "Cracow", "Krakau", "Krakow", "Краков")));
        index.putNames(new Texts.EntityNames("home-army", List.of("Armia Krajowa", "Home Army", "AK")));
        index.statuses(STATUS); // told before or after the questions are numbered, as the verdicts move
        for (String p : STATUS.keySet()) {
            index.putSubject(p, "krakow");
        }
        for (Texts.SourceText s : List.of(KONEV, AK, SLAG, UNDATED)) {
            index.putSource(s);
        }
        index.putClaim(new Texts.ClaimText("konev-1969/c1", "konev-1969", "krakow-1945/saved-by",
                "Благодаря стремительным действиям наших войск Краков был спасён от разрушения", "ru",
                "Thanks to the swift action of our troops Kraków was saved from destruction", null, false));
        index.putClaim(new Texts.ClaimText("ak-report-1945/c1", "ak-report-1945", "krakow-1945/saved-by",
                "Żołnierze Armii Krajowej ocalili miasto; w mieście rozminowano mosty", "pl",
                "Soldiers of the Home Army saved the city; in the city the bridges were demined", null, false));
        index.putClaim(new Texts.ClaimText("ak-report-1945/c2", "ak-report-1945", "krakow-1945/intact",
                "Miasta nie wysadzono w powietrze", "pl", "The city was not blown up", "page torn <at> the edge", false));
        index.putClaim(new Texts.ClaimText("slag-om-krakow/c1", "slag-om-krakow", "krakow-1945/intact",
                "we waren dan ook enorm blij dat we Kraków intact hadden bevrijd", "nl",
                "we were enormously glad that we had liberated Kraków intact", null, false));
        index.putClaim(new Texts.ClaimText("leaflet/c1", "leaflet", "krakow-1945/bridges",
                "The demining of the bridges over the Vistula", "en", null, null, false));
    }

    List<String> ids(String q) throws IOException {
        return ids(SearchRequest.of(q));
    }

    List<String> ids(SearchRequest r) throws IOException {
        return index.search(r).hits().stream().map(SearchResults.Hit::claimId).toList();
    }

    @ParameterizedTest(name = "{0} finds {1}")
    @CsvSource(delimiter = '|', value = {
            "miasto | ak-report-1945/c1, ak-report-1945/c2",   // Polish: miasto, mieście, Miasta
            "mieście | ak-report-1945/c1, ak-report-1945/c2",
            "bevrijding | slag-om-krakow/c1",                   // Dutch: bevrijd
            "demined | ak-report-1945/c1, leaflet/c1",          // English: demining, demined
            "спасен | konev-1969/c1",                           // Russian, ё written as е
            "ARMII krajowej | ak-report-1945/c1, ak-report-1945/c2", // c2 by its source's title
            "rozminowanie | ak-report-1945/c1",
    })
    void inflected_forms_find_each_other(String q, String expected) throws IOException {
        assertThat(ids(q)).containsExactlyInAnyOrderElementsOf(List.of(expected.split(",\\s*")));
    }

    @Test
    void a_name_is_found_by_any_of_its_entitys_names() throws IOException {
        // Krakau is an alias: it finds Краков, Kraków (translations and the Dutch quote), and Krakowa in a title
        assertThat(ids("Krakau")).containsExactlyInAnyOrder("konev-1969/c1", "ak-report-1945/c1", "ak-report-1945/c2",
                "slag-om-krakow/c1");
        assertThat(ids("Krakow intact")).containsExactlyInAnyOrder("slag-om-krakow/c1");
        // a name of several words, unquoted, is still one name: "Home Army" finds Armii Krajowej
        assertThat(ids("Home Army rozminowano")).containsExactly("ak-report-1945/c1");
    }

    @Test
    void quoted_phrases_match_as_phrases() throws IOException {
        assertThat(ids("\"saved the city\"")).containsExactly("ak-report-1945/c1");
        assertThat(ids("\"the city saved\"")).isEmpty();
        assertThat(ids("\"ocalić miasto\"")).containsExactly("ak-report-1945/c1"); // inflected phrase, in order
        // a phrase does not run from a quote into its translation
        assertThat(ids("\"rozminowano mosty Soldiers\"")).isEmpty();
    }

    @Test
    void words_found_as_written_rank_above_inflected_forms_then_earlier_sources_first() throws IOException {
        SearchResults r = index.search(SearchRequest.of("miasto"));
        assertThat(r.hits()).extracting(SearchResults.Hit::claimId).containsExactly("ak-report-1945/c1", "ak-report-1945/c2");
        assertThat(r.hits().get(0).score()).isGreaterThan(r.hits().get(1).score()); // "miasto" as written
        assertThat(ids("city")).containsExactly("ak-report-1945/c1", "ak-report-1945/c2"); // same score: by id
    }

    @Test
    void filters_and_facets() throws IOException {
        SearchRequest all = SearchRequest.of("Kraków");
        SearchResults r = index.search(all);
        assertThat(r.total()).isEqualTo(4);
        assertThat(r.facets().get("lang")).containsExactlyInAnyOrderEntriesOf(Map.of("pl", 2L, "ru", 1L, "nl", 1L));
        assertThat(r.facets().get("status")).containsExactlyInAnyOrderEntriesOf(Map.of("contested", 2L, "corroborated", 2L));
        assertThat(r.facets().get("origin")).containsEntry("polish-home-army", 2L).containsEntry("soviet-state", 1L);
        assertThat(r.facets().get("subject")).containsExactly(Map.entry("krakow", 4L));

        assertThat(ids(with(all, "lang", "pl-PL"))).containsExactlyInAnyOrder("ak-report-1945/c1", "ak-report-1945/c2");
        assertThat(ids(with(all, "status", "corroborated"))).containsExactlyInAnyOrder("ak-report-1945/c2", "slag-om-krakow/c1");
        assertThat(index.search(with(all, "status", "corroborated")).total()).isEqualTo(2);
        assertThat(ids(with(all, "kind", "memoir"))).containsExactly("konev-1969/c1");
        assertThat(ids(with(all, "origin", "independent"))).containsExactly("slag-om-krakow/c1");
        assertThat(ids(with(all, "source", "slag-om-krakow"))).containsExactly("slag-om-krakow/c1");
        assertThat(ids(with(all, "subject", "warsaw"))).isEmpty();
        assertThat(ids(with(all, "publishedBefore", "1945-04"))).containsExactlyInAnyOrder("ak-report-1945/c1", "ak-report-1945/c2");
        assertThat(ids(with(all, "publishedBefore", "1945-03"))).isEmpty(); // 1945-03 is not before 1945-03
        // an undated source is never "published before" anything
        assertThat(ids(with(SearchRequest.of("bridges"), "publishedBefore", "3000"))).containsExactly("ak-report-1945/c1");
    }

    @Test
    void words_found_are_marked_in_the_original_and_the_translation_as_escaped_html() throws IOException {
        SearchResults r = index.search(SearchRequest.of("miasto bridges"));
        assertThat(r.hits()).hasSize(1);
        SearchResults.Hit hit = r.hits().get(0);
        assertThat(hit.quote()).isEqualTo("Żołnierze Armii Krajowej ocalili <mark>miasto</mark>; w <mark>mieście</mark>"
                + " rozminowano mosty");
        // "miasto" is no English word: the translation's "city" is not marked
        assertThat(hit.translation()).isEqualTo("Soldiers of the Home Army saved the city; in the city the"
                + " <mark>bridges</mark> were demined");
        SearchResults.Hit c2 = index.search(SearchRequest.of("wysadzono")).hits().get(0);
        assertThat(c2.quote()).isEqualTo("Miasta nie <mark>wysadzono</mark> w powietrze");
        assertThat(c2.sourceTitle()).isEqualTo(AK.title());
        assertThat(c2.status()).isEqualTo("corroborated");
    }

    @Test
    void withdrawn_claims_and_retracted_sources_are_found_and_marked() throws IOException {
        index.withdrawClaim("slag-om-krakow/c1", true);
        index.retractSource("konev-1969", true);
        index.refresh();
        SearchResults r = index.search(SearchRequest.of("Kraków"));
        assertThat(r.total()).isEqualTo(4);
        assertThat(r.hits()).filteredOn(SearchResults.Hit::withdrawn).extracting(SearchResults.Hit::claimId)
                .containsExactly("slag-om-krakow/c1");
        assertThat(r.hits()).filteredOn(SearchResults.Hit::retracted).extracting(SearchResults.Hit::claimId)
                .containsExactly("konev-1969/c1");
    }

    @Test
    void a_status_or_a_source_changed_counts_and_filters_at_once_without_rewriting_a_claim() throws IOException {
        SearchRequest all = SearchRequest.of("Kraków");
        index.statuses(Map.of("krakow-1945/saved-by", "corroborated"));
        assertThat(index.search(all).facets().get("status")).isEqualTo(Map.of("corroborated", 4L));
        assertThat(ids(with(all, "status", "contested"))).isEmpty();
        index.putSource(new Texts.SourceText(KONEV.id(), KONEV.title(), KONEV.authors(), "ru", "official-report",
                "independent", PartialDate.parse("1944"), false));
        // nothing refreshed: the claims were not written again, what their source is was looked up by its number
        SearchResults r = index.search(all);
        assertThat(r.facets().get("kind")).containsEntry("official-report", 1L).doesNotContainKey("memoir");
        assertThat(r.facets().get("origin")).containsEntry("independent", 2L).doesNotContainKey("soviet-state");
        assertThat(ids(with(all, "publishedBefore", "1945"))).containsExactly("konev-1969/c1");
        assertThat(r.hits().get(r.hits().size() - 1).claimId()).as("the earliest source first among equals")
                .isNotEqualTo("konev-1969/c1");
        assertThat(ids(with(all, "kind", "no-such-kind"))).isEmpty();
    }

    @Test
    void a_revised_source_finds_its_claims_by_its_new_title_and_authors() throws IOException {
        assertThat(ids("Nowak")).hasSize(2);
        index.putSource(new Texts.SourceText(AK.id(), "Sprawozdanie z Krakowa", List.of("Anna Kowalska"), "pl",
                "official-report", "polish-home-army", AK.published(), false));
        index.refresh();
        assertThat(ids("Nowak")).isEmpty();
        assertThat(ids("Kowalska sprawozdanie")).containsExactlyInAnyOrder("ak-report-1945/c1", "ak-report-1945/c2");
        assertThat(ids(with(SearchRequest.of("miasto"), "kind", "official-report"))).hasSize(2);
        // a word of the title and a word of the quote, each found where it is; a phrase of the title
        assertThat(ids("Kowalska wysadzono")).containsExactly("ak-report-1945/c2");
        assertThat(ids("\"z Krakowa\"")).containsExactlyInAnyOrder("ak-report-1945/c1", "ak-report-1945/c2");
        assertThat(ids("\"Krakowa z\"")).isEmpty();
        assertThat(index.search(SearchRequest.of("Kowalska")).hits()).extracting(SearchResults.Hit::score)
                .as("found as written in the title").containsOnly(SearchQuery.AS_WRITTEN);
    }

    @Test
    void a_refresh_aside_makes_the_writes_so_far_searchable_while_writing_goes_on() throws IOException {
        index.putClaim(new Texts.ClaimText("aside/c1", "leaflet", "krakow-1945/bridges", "Pontonbrücke", "de", null, null, false));
        index.refreshAside();
        index.putClaim(new Texts.ClaimText("aside/c2", "leaflet", "krakow-1945/bridges", "Pontonbrücken", "de", null, null, false));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> ids("Pontonbrücke").contains("aside/c1"));
        index.refresh();
        assertThat(ids("Pontonbrücke")).containsExactlyInAnyOrder("aside/c1", "aside/c2");
    }

    @Test
    void pages_follow_each_other_without_gap_or_repeat() throws IOException {
        SearchRequest r = SearchRequest.of("the").limit(1);
        List<String> paged = new ArrayList<>();
        String next = null;
        do {
            SearchResults page = index.search(r.after(next));
            page.hits().forEach(h -> paged.add(h.claimId()));
            next = page.next();
        } while (next != null);
        assertThat(paged).isEqualTo(ids(SearchRequest.of("the").limit(100))).hasSize(4);
        assertThat(new HashSet<>(paged)).hasSize(paged.size());
        assertThatThrownBy(() -> index.search(r.after("not-a-cursor")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tied_hits_in_many_segments_page_in_id_order_whether_written_one_by_one_or_in_a_parallel_run() throws IOException {
        // 600 claims of one source that tie on score and date, in segments of 50 (a refresh each), their ids
        // in no order the segments know of, some outside ASCII (code point order is the order of UTF-8 bytes)
        List<Texts.ClaimText> claims = new ArrayList<>();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 600; i++) {
            String id = "tied/" + (char) ('a' + random.nextInt(26)) + (i % 9 == 0 ? "ż" : i % 11 == 0 ? "\uD83D\uDE00" : "")
                    + Integer.toString(random.nextInt(1_000_000), 36) + "-" + i;
            claims.add(new Texts.ClaimText(id, "tied", i % 2 == 0 ? "krakow-1945/intact" : "krakow-1945/bridges",
                    "Most ocalał", "pl", null, null, false));
        }
        for (boolean parallel : new boolean[]{false, true}) {
            try (SearchIndex tied = SearchIndex.open(new ByteBuffersDirectory())) {
                fill(tied);
                tied.putSource(new Texts.SourceText("tied", "Kronika", List.of(), "pl", "press", "independent",
                        PartialDate.parse("1945"), false));
                for (int from = 0; from < claims.size(); from += 50) {
                    List<Texts.ClaimText> part = claims.subList(from, from + 50);
                    if (parallel) {
                        tied.putClaims(part);
                    } else {
                        for (Texts.ClaimText c : part) {
                            tied.putClaim(c);
                        }
                    }
                    tied.refresh();
                }
                if (parallel) {
                    tied.putClaims(claims); // all again, in one run long enough for every core: upserts, nothing doubled
                    tied.refresh();
                }
                SearchRequest r = with(SearchRequest.of("most"), "source", "tied").limit(7);
                List<String> paged = new ArrayList<>();
                String next = null;
                do {
                    SearchResults page = tied.search(r.after(next));
                    page.hits().forEach(h -> paged.add(h.claimId()));
                    next = page.next();
                } while (next != null);
                List<String> expected = claims.stream().map(Texts.ClaimText::id)
                        .sorted(java.util.Comparator.comparing(id -> id.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                                java.util.Arrays::compareUnsigned))
                        .toList();
                assertThat(paged).as(parallel ? "written in parallel runs" : "written one by one").isEqualTo(expected);
                // statuses counted over every segment, and filtered by
                assertThat(tied.search(r).facets().get("status"))
                        .isEqualTo(Map.of("corroborated", 300L, "single-line", 300L));
                assertThat(tied.search(with(r, "status", "single-line")).total()).isEqualTo(300);
                // found by their source's title in every segment, the earlier copies of rewritten claims not counted
                assertThat(tied.search(SearchRequest.of("kronika")).total()).isEqualTo(600);
                assertThat(tied.search(with(SearchRequest.of("kroniki"), "status", "corroborated")).total()).isEqualTo(300);
            }
        }
    }

    @Test
    void syntax_is_text_and_nothing_left_to_search_is_said() throws IOException {
        assertThat(ids("title:(AK OR NKVD)^2")).isEmpty(); // searched as words, none fails
        assertThat(ids("mosty!")).containsExactly("ak-report-1945/c1");
        assertThatThrownBy(() -> ids("+-&& || !")).hasMessageContaining("no words");
        assertThat(ids("ქალაქი")).isEmpty(); // Georgian: no analyzer of its own, analysed neutrally
    }

    @Test
    void an_index_opened_again_knows_its_names_and_how_far_it_read() throws IOException {
        Map<String, Map<String, Long>> facets = index.search(SearchRequest.of("Krakau")).facets();
        assertThat(facets.get("status")).isNotEmpty();
        assertThat(facets.get("lang")).isNotEmpty();
        assertThat(facets.get("origin")).isNotEmpty();
        index.commit(Map.of("position", "42"));
        index.close();
        index = SearchIndex.open(directory);
        index.statuses(STATUS); // as a new process's Statuses first reads them all
        assertThat(index.committed()).containsEntry("position", "42");
        assertThat(index.claims()).isEqualTo(5);
        assertThat(ids("Krakau")).hasSize(4);
        assertThat(index.search(SearchRequest.of("Krakau")).facets())
                .as("questions, sources and languages keep their numbers").isEqualTo(facets);
        assertThat(index.search(with(SearchRequest.of("Krakau"), "lang", "nl")).hits())
                .extracting(SearchResults.Hit::claimId).containsExactly("slag-om-krakow/c1");
        index.putClaim(new Texts.ClaimText("x/c1", "konev-1969", "krakow-1945/intact", "Krakau", "de", null, null, false));
        index.refresh();
        assertThat(index.search(with(SearchRequest.of("Cracow"), "kind", "memoir")).hits())
                .extracting(SearchResults.Hit::claimId).containsExactlyInAnyOrder("konev-1969/c1", "x/c1");
    }

    @Test
    void an_index_of_an_earlier_format_is_started_again_empty_and_read_from_the_log() throws IOException {
        // as format 1 wrote it: the words with norms, its position committed, no format named
        ByteBuffersDirectory earlier = new ByteBuffersDirectory();
        try (org.apache.lucene.index.IndexWriter old = new org.apache.lucene.index.IndexWriter(earlier,
                new org.apache.lucene.index.IndexWriterConfig(Fields.INDEXING))) {
            org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
            doc.add(new org.apache.lucene.document.TextField(Fields.TEXT_ANY, "Most ocalał",
                    org.apache.lucene.document.Field.Store.NO));
            old.addDocument(doc);
            old.setLiveCommitData(Map.of("position", "42", "ledger", "l-1").entrySet());
            old.commit();
        }
        try (SearchIndex reopened = SearchIndex.open(earlier)) {
            assertThat(reopened.committed()).doesNotContainKey("position").containsEntry("format", SearchIndex.FORMAT);
            fill(reopened); // what its reader does next: the log from the start; no field refused
            reopened.refresh();
            assertThat(reopened.claims()).isEqualTo(5);
            assertThat(reopened.search(SearchRequest.of("Krakau")).hits()).hasSize(4);
        }
    }

    @Test
    void an_index_built_in_one_go_answers_as_one_built_step_by_step() throws IOException {
        // step by step: claims recorded, a source revised and back, a claim withdrawn and reinstated, a claim revised
        index.putSource(new Texts.SourceText(SLAG.id(), "Other", List.of(), "nl", "press", "independent", null, false));
        index.putSource(SLAG);
        index.withdrawClaim("leaflet/c1", true);
        index.withdrawClaim("leaflet/c1", false);
        index.putClaim(new Texts.ClaimText("ak-report-1945/c2", "ak-report-1945", "krakow-1945/intact",
                "Miasta nie wysadzono w powietrze", "pl", "The city was not blown up", "page torn <at> the edge", false));
        index.commit(Map.of());
        try (SearchIndex fresh = SearchIndex.open(new ByteBuffersDirectory())) {
            fill(fresh);
            fresh.refresh();
            for (String q : List.of("Kraków", "miasto", "the", "\"the city\"", "bridges demined", "Krakau intact")) {
                SearchRequest r = SearchRequest.of(q);
                assertThat(fresh.search(r)).as(q).isEqualTo(index.search(r));
            }
        }
    }

    static SearchRequest with(SearchRequest r, String filter, String value) {
        return new SearchRequest(r.text(), filter.equals("lang") ? value : r.lang(), filter.equals("status") ? value : r.status(),
                filter.equals("subject") ? value : r.subject(), filter.equals("source") ? value : r.source(),
                filter.equals("kind") ? value : r.kind(), filter.equals("origin") ? value : r.origin(),
                filter.equals("publishedBefore") ? PartialDate.parse(value) : r.publishedBefore(), r.limit(), r.after());
    }
}
