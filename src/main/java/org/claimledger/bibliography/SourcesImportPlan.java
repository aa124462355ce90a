package org.claimledger.bibliography;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * What importing a bibliography does, or would do: every entry with its source id and title, and
 * whether it is registered, corrected (with the fields that change) or left unchanged.
 */
@Schema(description = "Every entry of the file and what importing it does: register, correct or unchanged")
public record SourcesImportPlan(
        @Schema(description = "True when this answer is of a commit (?commit=true); false for a dry run, which writes nothing")
        boolean committed,
        @Schema(description = "The file's format as read: csl-json or bibtex")
        String format,
        @Schema(description = "How many entries are (or would be) registered as new sources")
        int register,
        @Schema(description = "How many entries are (or would be) corrections of sources already recorded")
        int correct,
        @Schema(description = "How many entries match what is recorded: nothing to do")
        int unchanged,
        List<Entry> entries) {

    /** One entry: its key in the file, the source it becomes, and what happens to it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SourcesImportEntry", description = "One entry of the file and what importing it does")
    public record Entry(
            @Schema(description = "The entry as the file names it: its citation key, or its place (#3)")
            String entry,
            @Schema(description = "The source id it is recorded under")
            String id,
            String title,
            @Schema(description = "register, correct or unchanged", enumeration = {"register", "correct", "unchanged"})
            String action,
            @Schema(description = "For a correction: the fields that change (title, authors, kind, published, language, citation, csl)")
            List<String> changes) {
    }

    public static final String REGISTER = "register";
    public static final String CORRECT = "correct";
    public static final String UNCHANGED = "unchanged";
}
