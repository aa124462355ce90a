package org.claimledger.claim;

import org.claimledger.common.Checks;
import org.claimledger.common.PartialDate;
import org.claimledger.common.Value;
import org.claimledger.common.Values;

import java.util.Map;

/**
 * A claim as a client writes it (over HTTP or in a corpus file), checked all at once before it
 * becomes a command. {@code reason} is only read for revisions.
 */
public record ClaimInput(
        String id,
        String propositionId,
        String stance,
        Map<String, Object> value,
        String locator,
        String quote,
        String quoteLanguage,
        String translation,
        String via,
        String note,
        String when,
        String reason) {

    public static final int MAX_QUOTE = Checks.MAX_LONG_TEXT;

    public ClaimContent content(Checks checks) {
        String p = checks.slug("propositionId", propositionId, true);
        Stance s = checks.oneOf("stance", Stance.class, stance, true);
        Value v = Values.parse(checks, "value", value);
        String l = checks.text("locator", locator, false, Checks.MAX_SHORT_TEXT);
        String q = checks.text("quote", quote, false, MAX_QUOTE);
        String ql = checks.language("quoteLanguage", quoteLanguage, q != null);
        String t = checks.text("translation", translation, false, MAX_QUOTE);
        String viaId = checks.slug("via", via, false);
        String n = checks.text("note", note, false, Checks.MAX_LONG_TEXT);
        PartialDate w = checks.parsed("when", when, false, PartialDate::parse);
        return new ClaimContent(p, s, v, l, q, ql, t, viaId, n, w);
    }

    public ClaimCommand.RecordClaim toRecord(String sourceId) {
        Checks checks = new Checks();
        checks.slug("id", id, true);
        ClaimContent content = content(checks);
        checks.throwIfAny();
        return new ClaimCommand.RecordClaim(id, sourceId, content);
    }

    public ClaimCommand.ReviseClaim toRevise(String claimId, String sourceId, Long expectedVersion) {
        Checks checks = new Checks();
        if (id != null && !id.equals(claimId)) {
            checks.fail("id", "does not match the claim id in the path ('" + claimId + "')");
        }
        ClaimContent content = content(checks);
        String why = checks.text("reason", reason, true, Checks.MAX_LONG_TEXT);
        checks.throwIfAny();
        return new ClaimCommand.ReviseClaim(claimId, sourceId, content, why, expectedVersion);
    }
}
