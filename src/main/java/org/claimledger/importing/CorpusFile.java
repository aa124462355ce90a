package org.claimledger.importing;

/**
 * One file of a corpus: {@code <case>/entities.yaml}, {@code <case>/propositions.yaml} or
 * {@code <case>/sources/<source-id>.yaml}, its path relative to the corpus root.
 */
public record CorpusFile(String path, Kind kind, YamlTree tree, java.util.Set<String> invalidEntries) {

    public CorpusFile(String path, Kind kind, YamlTree tree) {
        this(path, kind, tree, java.util.Set.of());
    }

    /** Whether the entry at {@code pointer} ({@code /claims/3}) failed its schema and is left out of the import. */
    public boolean invalid(String pointer) {
        return invalidEntries.contains(pointer);
    }

    /** The three kinds of corpus file, each with its JSON Schema. */
    public enum Kind {
        ENTITIES("entities"), PROPOSITIONS("propositions"), SOURCE("source");

        final String schema;

        Kind(String schema) {
            this.schema = schema;
        }

        public String schema() {
            return schema;
        }
    }

    /** The kind a path names, or null when it is not a corpus file. */
    public static Kind kindOf(String path) {
        String[] parts = path.replace('\\', '/').split("/");
        String name = parts[parts.length - 1];
        if (name.equals("entities.yaml")) {
            return Kind.ENTITIES;
        }
        if (name.equals("propositions.yaml")) {
            return Kind.PROPOSITIONS;
        }
        if (parts.length >= 2 && parts[parts.length - 2].equals("sources") && name.endsWith(".yaml")) {
            return Kind.SOURCE;
        }
        return null;
    }
}
