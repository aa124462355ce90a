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
        Map<String, String> l = labels == null ? Map.of() : new TreeMap<>(labels);
        if (l.isEmpty()) {
            checks.fail("labels", "needs at least one label, keyed by language (e.g. {\"pl\":\"Kraków\"})");
        }
        l.forEach((lang, label) -> {
            if (!LanguageTags.isValid(lang)) {
                checks.fail("labels." + lang, "'" + lang + "' is not a BCP 47 language tag");
            }
            checks.text("labels." + lang, label, true, Checks.MAX_SHORT_TEXT);
        });
        List<String> a = aliases == null ? List.of() : aliases;
        for (int i = 0; i < a.size(); i++) {
            checks.text("aliases[" + i + "]", a.get(i), true, Checks.MAX_SHORT_TEXT);
        }
        if (wikidata != null && !wikidata.matches("Q[1-9][0-9]{0,11}")) {
            checks.fail("wikidata", "must be a Wikidata item id such as Q31487");
        }
        checks.throwIfAny();
        return new EntityCommand.DefineEntity(id, new EntityDetails(k, l, a, wikidata));
    }
}
