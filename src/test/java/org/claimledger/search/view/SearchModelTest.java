package org.claimledger.search.view;

import org.claimledger.claim.ClaimContent;
import org.claimledger.claim.ClaimEvent;
import org.claimledger.claim.Stance;
import org.claimledger.common.PartialDate;
import org.claimledger.common.Value;
import org.claimledger.readmodel.LocalReadModel.Progress;
import org.claimledger.source.SourceDetails;
import org.claimledger.source.SourceEvent;
import org.claimledger.source.SourceKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The search model as a plain object: when it makes what it handled durable. */
class SearchModelTest {

    private final SearchModel model = new SearchModel();

    @BeforeEach
    void open() {
        model.dir = "memory";
        model.commitInterval = Duration.ofHours(1); // only a quiet log commits within the test
        model.statuses = new Statuses() { // no verdicts in these tests
            @Override
            public synchronized Map<String, String> changed() {
                return Map.of();
            }
        };
        model.open();
    }

    @AfterEach
    void close() throws Exception {
        model.close();
    }

    @Test
    void a_batch_writes_each_claim_once_with_its_last_text_and_its_source_as_it_ends() throws Exception {
        SourceDetails kronika = new SourceDetails("Kronika Krakowska", List.of("Jan Kowalski"), SourceKind.PRESS,
                PartialDate.parse("1945-01"), "pl", "independent", List.of(), null);
        List<Object> batch = new java.util.ArrayList<>();
        batch.add(new SourceEvent.SourceRegistered("kronika-1945", kronika));
        for (int i = 0; i < 600; i++) { // long enough to be written on every core
            batch.add(new ClaimEvent.ClaimRecorded("kronika-1945/c" + i, "kronika-1945", content("Most ocalał, numer " + i)));
        }
        batch.add(new ClaimEvent.ClaimRevised("kronika-1945/c1", "kronika-1945", content("Miasto ocalało"), "misread"));
        batch.add(new ClaimEvent.ClaimWithdrawn("kronika-1945/c2", "kronika-1945", "krakow-1945/saved-by", "not in this source"));
        batch.add(new SourceEvent.SourceRevised("kronika-1945", new SourceDetails("Dziennik Polski", kronika.authors(),
                kronika.kind(), kronika.published(), "pl", "independent", List.of(), null), "the paper's real name"));
        model.handle(batch, new Progress("ledger-1", "token", batch.size()));
        model.settle(); // as the reader does when the log has nothing more

        assertThat(model.search(org.claimledger.search.SearchRequest.of("most").limit(1)).total()).isEqualTo(599);
        var revised = model.search(org.claimledger.search.SearchRequest.of("miasto")).hits();
        assertThat(revised).extracting(h -> h.claimId()).containsExactly("kronika-1945/c1");
        assertThat(revised.get(0).sourceTitle()).isEqualTo("Dziennik Polski");
        assertThat(model.search(org.claimledger.search.SearchRequest.of("dziennik")).total()).as("every claim has the source's new title")
                .isEqualTo(600);
        assertThat(model.search(org.claimledger.search.SearchRequest.of("\"numer 2\"")).hits())
                .extracting(h -> h.withdrawn()).containsExactly(true);
    }

    @Test
    void a_batch_that_fails_part_written_is_read_again_without_finding_a_claim_twice_and_nothing_is_committed_meanwhile()
            throws Exception {
        SourceEvent.SourceRegistered kronika = new SourceEvent.SourceRegistered("kronika-1945", new SourceDetails(
                "Kronika Krakowska", List.of(), SourceKind.PRESS, PartialDate.parse("1945-01"), "pl", "independent", List.of(), null));
        ClaimEvent.ClaimRecorded first = new ClaimEvent.ClaimRecorded("kronika-1945/c1", "kronika-1945", content("Most ocalał"));
        // the second claim cannot be written (no source): the first is in the index when the batch fails
        ClaimEvent.ClaimRecorded broken = new ClaimEvent.ClaimRecorded("kronika-1945/c2", null, content("Most ocalał"));
        Progress after = new Progress("ledger-1", "token at 3", 3);
        model.handle(List.of(kronika, first, broken), after); // written aside: the failure is told at the next call
        assertThatThrownBy(model::idle).isInstanceOf(IllegalArgumentException.class);
        assertThat(model.progress()).as("read again from before the batch").isEmpty();
        model.idle();
        assertThat(model.durable()).as("a part-written batch is never committed").isEmpty();

        model.handle(List.of(kronika, first), after); // read again from before the batch
        model.settle();
        assertThat(model.search(org.claimledger.search.SearchRequest.of("most")).total()).isEqualTo(1);
        model.idle();
        assertThat(model.durable()).contains(after);

        model.handle(List.of(new ClaimEvent.ClaimRecorded("kronika-1945/c3", "kronika-1945", content("Most ocalał"))),
                new Progress("ledger-1", "token at 4", 4));
        model.settle();
        assertThat(model.search(org.claimledger.search.SearchRequest.of("most")).total()).as("past it, new claims are added").isEqualTo(2);
    }

    @Test
    void a_second_process_on_the_same_directory_keeps_its_own_index_in_memory(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        SearchModel first = onDisk(dir);
        SearchModel second = onDisk(dir); // the first holds the index writer's lock
        try {
            List<Object> batch = List.of(new SourceEvent.SourceRegistered("kronika-1945", new SourceDetails("Kronika",
                            List.of(), SourceKind.PRESS, PartialDate.parse("1945"), "pl", "independent", List.of(), null)),
                    new ClaimEvent.ClaimRecorded("kronika-1945/c1", "kronika-1945", content("Most ocalał")));
            second.handle(batch, new Progress("ledger-1", "token", batch.size()));
            second.settle();
            assertThat(second.search(org.claimledger.search.SearchRequest.of("most")).total()).isEqualTo(1);
            assertThat(first.search(org.claimledger.search.SearchRequest.of("most")).total())
                    .as("the second wrote to its own index, not to the directory").isZero();
        } finally {
            second.close();
            first.close();
        }
        // nothing but the index's files: no lock taken only to look
        try (var files = java.nio.file.Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).doesNotContain("probe.lock");
        }
    }

    private SearchModel onDisk(java.nio.file.Path dir) {
        SearchModel m = new SearchModel();
        m.dir = dir.toString();
        m.commitInterval = Duration.ofHours(1);
        m.statuses = model.statuses;
        m.open();
        return m;
    }

    private static ClaimContent content(String quote) {
        return new ClaimContent("krakow-1945/saved-by", Stance.ASSERTS, new Value.EntityRef("armia-krajowa"), null, quote,
                "pl", null, null, null, null);
    }

    @Test
    void the_end_of_a_catch_up_is_committed_once_the_log_is_quiet_not_at_the_next_write() throws Exception {
        Progress after = new Progress("ledger-1", "token at 2", 2);
        model.handle(List.of(
                new SourceEvent.SourceRegistered("kronika-1945", new SourceDetails("Kronika Krakowska", List.of("Jan Kowalski"),
                        SourceKind.PRESS, PartialDate.parse("1945-01"), "pl", "independent", List.of(), null)),
                new ClaimEvent.ClaimRecorded("kronika-1945/c1", "kronika-1945", new ClaimContent("krakow-1945/saved-by",
                        Stance.ASSERTS, new Value.EntityRef("armia-krajowa"), "s. 2", "Miasto ocalało dzięki żołnierzom AK.",
                        "pl", "The city survived thanks to the AK's soldiers.", null, null, null))), after);

        assertThat(model.progress()).contains(after);
        assertThat(model.durable()).as("handled, not yet committed").isEmpty();

        model.idle();
        assertThat(model.durable()).contains(after);
        model.idle(); // nothing new: nothing to do
        assertThat(model.durable()).contains(after);
    }
}
