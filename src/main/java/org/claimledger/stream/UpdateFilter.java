package org.claimledger.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Which updates a subscriber wants: by subject entity, by proposition, by type; empty means any. */
public record UpdateFilter(Set<String> subjects, Set<String> propositions, Set<String> types) {

    public static final Set<String> TYPES = UpdateType.names();

    public static final UpdateFilter ANY = new UpdateFilter(Set.of(), Set.of(), Set.of());

    public boolean matches(Update u) {
        return (subjects.isEmpty() || (u.subject() != null && subjects.contains(u.subject())))
                && (propositions.isEmpty() || (u.propositionId() != null && propositions.contains(u.propositionId())))
                && (types.isEmpty() || types.contains(u.type()));
    }

    /** The same filter as SQL over update_feed, with its parameters appended to {@code args}. */
    String where(List<Object> args) {
        List<String> parts = new ArrayList<>();
        if (!subjects.isEmpty()) {
            parts.add("subject = ANY(?)");
            args.add(subjects.toArray(String[]::new));
        }
        if (!propositions.isEmpty()) {
            parts.add("proposition_id = ANY(?)");
            args.add(propositions.toArray(String[]::new));
        }
        if (!types.isEmpty()) {
            parts.add("type = ANY(?)");
            args.add(types.toArray(String[]::new));
        }
        return parts.isEmpty() ? "TRUE" : String.join(" AND ", parts);
    }
}
