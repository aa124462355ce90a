package org.claimledger.axon;

import org.claimledger.common.References;
import org.claimledger.common.ValueType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A "yes" from the log is remembered once committed; a "no", or a "yes" rolled back, is asked again. */
class RememberedReferencesTest {

    /** The log, as far as references go, counting how often it is asked. */
    static final class Log implements References {
        final Set<String> sources = new HashSet<>();
        final Set<String> entities = new HashSet<>();
        final Map<String, ValueType> propositions = new HashMap<>();
        int asked;

        @Override
        public boolean sourceExists(String sourceId) {
            asked++;
            return sources.contains(sourceId);
        }

        @Override
        public boolean entityExists(String entityId) {
            asked++;
            return entities.contains(entityId);
        }

        @Override
        public Optional<ValueType> propositionValueType(String propositionId) {
            asked++;
            return Optional.ofNullable(propositions.get(propositionId));
        }
    }

    /** A transaction that the test commits or rolls back. */
    static final class Transaction implements RememberedReferences.AfterCommit {
        final List<Runnable> steps = new ArrayList<>();

        @Override
        public void run(Runnable step) {
            steps.add(step);
        }

        void commit() {
            steps.forEach(Runnable::run);
            steps.clear();
        }

        void rollBack() {
            steps.clear();
        }
    }

    private final Log log = new Log();
    private final Transaction transaction = new Transaction();
    private final RememberedReferences references = new RememberedReferences(log, transaction);

    @Test
    void what_exists_is_asked_of_the_log_once_it_is_committed_and_then_never_again() {
        log.sources.add("soviet-report");
        log.entities.add("krakow");
        ValueType type = ValueType.ENTITY;
        log.propositions.put("krakow-1945/saved-by", type);

        for (int i = 0; i < 3; i++) {
            assertThat(references.sourceExists("soviet-report")).isTrue();
            assertThat(references.entityExists("krakow")).isTrue();
            assertThat(references.propositionValueType("krakow-1945/saved-by")).contains(type);
        }
        assertThat(log.asked).as("asked each time until the transaction commits").isEqualTo(9);
        transaction.commit();
        for (int i = 0; i < 3; i++) {
            assertThat(references.sourceExists("soviet-report")).isTrue();
            assertThat(references.entityExists("krakow")).isTrue();
            assertThat(references.propositionValueType("krakow-1945/saved-by")).contains(type);
        }
        assertThat(log.asked).isEqualTo(9);
    }

    @Test
    void what_does_not_exist_is_asked_every_time_so_a_later_registration_is_seen() {
        assertThat(references.sourceExists("memoir")).isFalse();
        assertThat(references.entityExists("ak")).isFalse();
        assertThat(references.propositionValueType("p")).isEmpty();
        transaction.commit();

        log.sources.add("memoir"); // registered meanwhile, by another request or replica
        log.entities.add("ak");
        log.propositions.put("p", ValueType.BOOLEAN);
        assertThat(references.sourceExists("memoir")).isTrue();
        assertThat(references.entityExists("ak")).isTrue();
        assertThat(references.propositionValueType("p")).isPresent();
        assertThat(log.asked).isEqualTo(6);
    }

    @Test
    void a_record_seen_in_a_transaction_that_rolled_back_is_not_remembered() {
        log.sources.add("written-in-this-transaction");
        assertThat(references.sourceExists("written-in-this-transaction")).isTrue();
        transaction.rollBack();
        log.sources.remove("written-in-this-transaction"); // it was never committed

        assertThat(references.sourceExists("written-in-this-transaction")).isFalse();
    }
}
