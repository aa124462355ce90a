package org.claimledger.entity;

import org.claimledger.common.Checks;
import org.claimledger.common.LanguageTags;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An entity as a client writes it, checked all at once. */
public record EntityInput(
        String id,
        String kind,
        Map<String, String> labels,
        List<String> aliases,
        String wikidata) {

    public EntityCommand.DefineEntity toDefine() {
        Checks checks = new Checks();
        checks.slug("id", id, true);
        EntityKind k = checks.oneOf("kind", EntityKind.class, kind, false);
        Map<String, String> l = new TreeMap<>();
        if (labels == null || labels.isEmpty()) {
            checks.fail("labels", "needs at least one label, keyed by language (e.g. {\"pl\":\"Kraków\"})");
        } else {
            labels.forEach((lang, label) -> {
                if (!LanguageTags.isValid(lang)) {
                    checks.fail("labels." + lang, "'" + lang + "' is not a BCP 47 language tag");
                }
                l.put(lang, checks.text("labels." + lang, label, true, Checks.MAX_SHORT_TEXT));
            });
        }
        List<String> a = new java.util.ArrayList<>();
        if (aliases != null) {
            for (int i = 0; i < aliases.size(); i++) {
                a.add(checks.text("aliases[" + i + "]", aliases.get(i), true, Checks.MAX_SHORT_TEXT));
            }
        }
        if (wikidata != null && !wikidata.matches("Q[1-9][0-9]{0,11}")) {
            checks.fail("wikidata", "must be a Wikidata item id such as Q31487");
        }
        checks.throwIfAny();
        return new EntityCommand.DefineEntity(id, new EntityDetails(k, l, a, wikidata));
    }
}
