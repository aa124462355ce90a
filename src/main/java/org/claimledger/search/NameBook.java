package org.claimledger.search;

import org.apache.lucene.analysis.Analyzer;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every entity's names, looked up by any one of them: {@code Krakau} gives Kraków, Cracow, Krakow and
 * Краков, so that a search for one spelling finds texts that use another. Names are compared folded
 * (no case, no diacritics), word by word.
 */
final class NameBook {

    private final Analyzer neutral = Languages.analyzer(Languages.NEUTRAL);
    private final Map<String, List<String>> namesOfEntity = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> entitiesOfName = new ConcurrentHashMap<>();
    private volatile int longest = 1;

    synchronized void put(Texts.EntityNames entity) {
        List<String> old = namesOfEntity.put(entity.id(), entity.names());
        if (old != null) {
            for (String name : old) {
                Set<String> ids = entitiesOfName.get(fold(name));
                if (ids != null) {
                    ids.remove(entity.id());
                }
            }
        }
        for (String name : entity.names()) {
            String folded = fold(name);
            if (!folded.isEmpty()) {
                entitiesOfName.computeIfAbsent(folded, k -> ConcurrentHashMap.newKeySet()).add(entity.id());
                longest = Math.max(longest, folded.split(" ").length);
            }
        }
    }

    /** The most words a name has: how far a query's words are joined when looking names up. */
    int longest() {
        return longest;
    }

    /** Every name of every entity that has {@code text} among its names; empty if none has. */
    Set<String> namesLike(String text) {
        Set<String> ids = entitiesOfName.get(fold(text));
        Set<String> names = new LinkedHashSet<>();
        if (ids != null) {
            for (String id : ids) {
                names.addAll(namesOfEntity.getOrDefault(id, List.of()));
            }
        }
        return names;
    }

    String fold(String text) {
        return String.join(" ", Analysis.terms(neutral, text));
    }

    synchronized void clear() {
        namesOfEntity.clear();
        entitiesOfName.clear();
        longest = 1;
    }
}
