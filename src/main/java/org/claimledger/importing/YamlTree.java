package org.claimledger.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML file read as a JSON tree, remembering the line every value stands on (by JSON pointer), so
 * a problem found anywhere later can be reported with its line. Duplicate keys, aliases bombs and
 * huge files are refused.
 */
public final class YamlTree {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final JsonNode root;
    private final Map<String, Integer> lines;

    private YamlTree(JsonNode root, Map<String, Integer> lines) {
        this.root = root;
        this.lines = lines;
    }

    public static YamlTree parse(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit(5 * 1024 * 1024);
        Node node = new Yaml(options).compose(new StringReader(text));
        Map<String, Integer> lines = new HashMap<>();
        JsonNode root = node == null ? NODES.nullNode() : convert(node, "", lines);
        return new YamlTree(root, lines);
    }

    public JsonNode root() {
        return root;
    }

    /** The 1-based line of the value at {@code pointer}, or of its nearest enclosing value. */
    public int lineOf(String pointer) {
        String p = pointer;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            if (p.isEmpty()) {
                return 1;
            }
            p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
        }
    }

    private static JsonNode convert(Node node, String pointer, Map<String, Integer> lines) {
        lines.put(pointer, node.getStartMark().getLine() + 1);
        if (node instanceof MappingNode mapping) {
            ObjectNode object = NODES.objectNode();
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                    throw new IllegalArgumentException("line " + (tuple.getKeyNode().getStartMark().getLine() + 1)
                            + ": keys must be plain text");
                }
                String child = pointer + "/" + key.getValue().replace("~", "~0").replace("/", "~1");
                object.set(key.getValue(), convert(tuple.getValueNode(), child, lines));
            }
            return object;
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = NODES.arrayNode();
            for (int i = 0; i < sequence.getValue().size(); i++) {
                array.add(convert(sequence.getValue().get(i), pointer + "/" + i, lines));
            }
            return array;
        }
        ScalarNode scalar = (ScalarNode) node;
        String value = scalar.getValue();
        Tag tag = scalar.getTag();
        if (Tag.NULL.equals(tag)) {
            return NODES.nullNode();
        }
        if (Tag.BOOL.equals(tag)) {
            return NODES.booleanNode(value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes")
                    || value.equalsIgnoreCase("on"));
        }
        if (Tag.INT.equals(tag)) {
            try {
                return NODES.numberNode(new BigInteger(value.replace("_", "")));
            } catch (NumberFormatException e) {
                return NODES.textNode(value);
            }
        }
        if (Tag.FLOAT.equals(tag)) {
            try {
                return NODES.numberNode(new BigDecimal(value.replace("_", "")));
            } catch (NumberFormatException e) {
                return NODES.textNode(value);
            }
        }
        return NODES.textNode(value);
    }
}
