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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The search model as a plain object: when it makes what it handled durable. */
class SearchModelTest {

    private final SearchModel model = new SearchModel();

    @BeforeEach
    void open() {
        model.dir = "memory";
        model.commitInterval = Duration.ofHours(1); // only a quiet log commits within the test
        model.open();
    }

    @AfterEach
    void close() throws Exception {
        model.close();
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
