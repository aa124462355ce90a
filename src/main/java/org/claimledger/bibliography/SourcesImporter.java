package org.claimledger.bibliography;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.claimledger.common.Checks;
import org.claimledger.common.FieldError;
import org.claimledger.source.SourceCommand;
import org.claimledger.source.SourceDetails;
import org.claimledger.web.LedgerWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Imports a bibliography: every entry checked first, then compared with what the ledger has under
 * its id, then (when asked to commit) written through the same commands as the API's, in one
 * transaction: all of it or nothing. Importing the same file twice changes nothing; a changed entry
 * becomes a correction whose reason names the fields that changed. What the bibliography does not
 * say (origin, derivedFrom) is kept as recorded: a historian's own judgement is not overwritten.
 */
@ApplicationScoped
public class SourcesImporter {

    /** Entries in one file at most. */
    public static final int MAX_ENTRIES = 5000;

    @Inject
    LedgerWriter writer;

    /** The file has entry problems: 422, every one named with its entry and field. */
    public static final class EntriesRefused extends RuntimeException {
        private final transient List<FieldError> errors;

        public EntriesRefused(List<FieldError> errors) {
            super(errors.size() == 1 ? "entry '" + errors.get(0).entry() + "', " + errors.get(0).field() + ": "
                    + errors.get(0).message() : errors.size() + " problems in the bibliography; nothing was written",
                    null, false, false);
            this.errors = List.copyOf(errors);
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    public SourcesImportPlan importFile(String text, BibliographyFile.Format format, boolean commit, String recordedBy) {
        List<BibliographyFile.Item> items = BibliographyFile.read(text, format);
        if (items.size() > MAX_ENTRIES) {
            throw new EntriesRefused(List.of(new FieldError("entries", "at most " + MAX_ENTRIES
                    + " entries in one file; this one has " + items.size(), "#" + (MAX_ENTRIES + 1))));
        }
        SourceMapping.Result mapped = SourceMapping.map(items);
        List<FieldError> problems = new ArrayList<>();
        mapped.problems().forEach(p -> problems.add(new FieldError(p.field(), p.message(), p.entry())));
        List<SourceDetails> details = new ArrayList<>();
        for (SourceMapping.Mapped m : mapped.sources()) {
            Checks checks = new Checks();
            details.add(m.input().details(checks));
            checks.errors().forEach(e -> problems.add(new FieldError(e.field(), e.message(), m.entry())));
        }
        if (!problems.isEmpty()) {
            throw new EntriesRefused(problems);
        }

        List<SourcesImportPlan.Entry> entries = new ArrayList<>();
        List<Object> commands = new ArrayList<>();
        List<String> commandEntries = new ArrayList<>();
        int register = 0;
        int correct = 0;
        int unchanged = 0;
        for (int i = 0; i < details.size(); i++) {
            SourceMapping.Mapped m = mapped.sources().get(i);
            SourceDetails imported = details.get(i);
            Optional<SourceDetails> recorded = writer.recordedSource(m.id());
            if (recorded.isEmpty()) {
                entries.add(new SourcesImportPlan.Entry(m.entry(), m.id(), imported.title(), SourcesImportPlan.REGISTER, null));
                commands.add(new SourceCommand.RegisterSource(m.id(), imported));
                commandEntries.add(m.entry());
                register++;
                continue;
            }
            SourceDetails was = recorded.get();
            SourceDetails now = new SourceDetails(imported.title(), imported.authors(), imported.kind(),
                    imported.published(), imported.language(), was.origin(), was.derivedFrom(), imported.citation(),
                    imported.bibliography());
            List<String> changes = changes(was, now);
            if (changes.isEmpty()) {
                entries.add(new SourcesImportPlan.Entry(m.entry(), m.id(), now.title(), SourcesImportPlan.UNCHANGED, null));
                unchanged++;
            } else {
                entries.add(new SourcesImportPlan.Entry(m.entry(), m.id(), now.title(), SourcesImportPlan.CORRECT, changes));
                commands.add(new SourceCommand.ReviseSource(m.id(), now, reason(changes), null));
                commandEntries.add(m.entry());
                correct++;
            }
        }
        if (commit && !commands.isEmpty()) {
            writer.sendAll(commands, recordedBy, i -> "entry '" + commandEntries.get(i) + "'");
        }
        return new SourcesImportPlan(commit, format == BibliographyFile.Format.BIBTEX ? "bibtex" : "csl-json",
                register, correct, unchanged, entries);
    }

    /** The reason a correction is recorded with, in the historian's words. */
    static String reason(List<String> changes) {
        return "re-imported from a bibliography: " + String.join(", ", changes) + " changed";
    }

    /** The fields in which two descriptions differ, by their API names. */
    static List<String> changes(SourceDetails was, SourceDetails now) {
        List<String> changes = new ArrayList<>();
        if (!Objects.equals(was.title(), now.title())) {
            changes.add("title");
        }
        if (!Objects.equals(was.authors(), now.authors())) {
            changes.add("authors");
        }
        if (was.kind() != now.kind()) {
            changes.add("kind");
        }
        if (!Objects.equals(was.published(), now.published())) {
            changes.add("published");
        }
        if (!Objects.equals(was.language(), now.language())) {
            changes.add("language");
        }
        if (!Objects.equals(was.citation(), now.citation())) {
            changes.add("citation");
        }
        // the record always changes with the fields made of it: named alone, when only it changed (a publisher, say)
        if (changes.isEmpty() && !Objects.equals(was.bibliography(), now.bibliography())) {
            changes.add("csl");
        }
        return changes;
    }
}
