package org.claimledger.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each kind of update as subscribers receive it: the contract's field names, in its order, and nothing else. */
class UpdateDataTest {

    static final Instant AT = Instant.parse("2026-12-02T12:00:00.123456Z");

    @Test
    void a_claim_update_names_its_proposition_subject_and_claim_and_a_reason_only_when_there_is_one() {
        ObjectNode claim = new ObjectMapper().createObjectNode().put("id", "konev/intact").put("sourceId", "konev")
                .put("stance", "asserts");
        UpdateData recorded = new UpdateData.ClaimChanged(UpdateType.CLAIM_RECORDED, 42, "krakow-1945/intact",
                null, claim, null, AT);
        assertThat(recorded.json()).isEqualTo("{\"type\":\"claim-recorded\",\"position\":42,"
                + "\"proposition\":\"krakow-1945/intact\",\"subject\":null,"
                + "\"claim\":{\"id\":\"konev/intact\",\"sourceId\":\"konev\",\"stance\":\"asserts\"},"
                + "\"recordedAt\":\"2026-12-02T12:00:00.123456Z\"}");
        assertThat(recorded.aboutSource()).isEqualTo("konev");
        UpdateData withdrawn = new UpdateData.ClaimChanged(UpdateType.CLAIM_WITHDRAWN, 43, "krakow-1945/intact",
                "krakow", claim, "misread", AT);
        assertThat(withdrawn.json()).contains("\"subject\":\"krakow\"").contains("\"reason\":\"misread\",\"recordedAt\"");
    }

    @Test
    void a_source_update_carries_only_the_particulars_of_its_kind() {
        UpdateData retracted = new UpdateData.SourceChanged(UpdateType.SOURCE_RETRACTED, 7, "diaries", null, null,
                "forged", "1983-05-06", "reviewer-1", AT);
        assertThat(retracted.json()).isEqualTo("{\"type\":\"source-retracted\",\"position\":7,\"source\":\"diaries\","
                + "\"reason\":\"forged\",\"date\":\"1983-05-06\",\"recordedBy\":\"reviewer-1\","
                + "\"recordedAt\":\"2026-12-02T12:00:00.123456Z\"}");
        assertThat(retracted.aboutProposition()).isNull();
        assertThat(new UpdateData.SourceChanged(UpdateType.SOURCE_ASSESSED, 8, "diaries", "E", "forged", null, null,
                null, AT).json()).contains("\"grade\":\"E\",\"rationale\":\"forged\",\"recordedAt\"");
    }

    @Test
    void a_verdict_change_names_from_to_and_the_lead_even_when_none_leads() {
        UpdateData changed = new UpdateData.VerdictChanged(UpdateType.VERDICT_CHANGED, 9, "p", "krakow", "single-line",
                "discredited", null, "SourceRetracted", "diaries", AT);
        assertThat(changed.json()).isEqualTo("{\"type\":\"verdict-changed\",\"position\":9,\"proposition\":\"p\","
                + "\"subject\":\"krakow\",\"from\":\"single-line\",\"to\":\"discredited\",\"leading\":null,"
                + "\"cause\":\"SourceRetracted\",\"causeSource\":\"diaries\",\"recordedAt\":\"2026-12-02T12:00:00.123456Z\"}");
        assertThatThrownBy(() -> new UpdateData.VerdictChanged(UpdateType.CLAIM_RECORDED, 9, "p", "s", "a", "b", null,
                "c", null, AT)).isInstanceOf(IllegalArgumentException.class);
    }
}
