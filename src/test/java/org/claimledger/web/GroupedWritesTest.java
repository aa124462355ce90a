package org.claimledger.web;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.claimledger.claim.ClaimCommand;
import org.claimledger.claim.ClaimInput;
import org.claimledger.common.Rejection;
import org.claimledger.testing.Api;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.testing.Api.post;
import static org.claimledger.testing.Api.unique;

/** One group, one transaction: each request in it fares exactly as it would alone. */
@QuarkusTest
class GroupedWritesTest {

    @Inject
    LedgerWriter writer;

    @Inject
    DataSource dataSource;

    @Test
    void requests_in_one_group_see_each_other_and_a_refused_one_leaves_no_trace() throws Exception {
        String city = unique("city");
        String source = unique("source");
        Api.questionAndSource(city, source);
        String q = city + "/q";
        String missing = unique("missing") + "/q";

        long transactions = writer.transactions();
        long grouped = writer.grouped();
        List<List<LedgerWriter.Attempt>> answers = writer.writeTogether(List.of(
                List.of(claim(source, "a", q, "first")),
                List.of(claim(source, "b1", q, "fine"), claim(source, "b2", missing, "refused")),
                List.of(claim(source, "a", q, "other content")),         // clashes with the first request
                List.of(claim(source, "c1", q, "fine"), claim(source, "c2", q, "fine")),
                List.of(claim(source, "a", q, "first"))),                 // a replay of the first
                "group-test");

        assertThat(answers.get(0)).singleElement().satisfies(a -> assertThat(a.outcome().changed()).isTrue());
        assertThat(answers.get(1).get(0).rejection()).isNull();
        assertThat(answers.get(1).get(1).rejection().kind()).isEqualTo(Rejection.Kind.NOT_FOUND);
        assertThat(answers.get(2)).singleElement()
                .satisfies(a -> assertThat(a.rejection().kind()).isEqualTo(Rejection.Kind.CONFLICT));
        assertThat(answers.get(3)).allSatisfy(a -> assertThat(a.outcome().changed()).isTrue());
        assertThat(answers.get(4)).singleElement().satisfies(a -> assertThat(a.outcome().changed()).isFalse());

        assertThat(writer.transactions() - transactions).as("one transaction for the group").isEqualTo(1);
        assertThat(writer.grouped() - grouped).as("three requests recorded in it").isEqualTo(3);
        assertThat(streams(source + "/a", source + "/c1", source + "/c2")).isEqualTo(3);
        assertThat(streams(source + "/b1", source + "/b2")).as("nothing of the refused batch").isZero();
        assertThat(recordedBy(source + "/c2")).isEqualTo("group-test");
    }

    private static ClaimCommand.RecordClaim claim(String source, String id, String proposition, String text) {
        return new ClaimInput(source + "/" + id, proposition, "asserts", Map.of("text", text),
                null, null, null, null, null, null, null, null).toRecord(source);
    }

    private long streams(String... claimIds) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("varchar",
                    java.util.Arrays.stream(claimIds).map(id -> "claim:" + id).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String recordedBy(String claimId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT meta_data ->> 'recordedBy' FROM domain_event_entry WHERE aggregate_identifier = ?")) {
            ps.setString(1, "claim:" + claimId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
