package dev.offloadbench.adapters.storage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON document read into a small tree whose every node knows where it was written
 * (line:column) and its path from the root ({@code projects[0].runs[2].seconds}), so that a
 * problem found later, while mapping, can be reported exactly where the user has to look.
 * Numbers are kept as the text that was written, never as a double. Nesting, strings and numbers
 * are bounded, so that no document, however hostile, costs more than its size to read.
 */
final class LocatedJson {
    /** How deep objects and arrays may nest: a results or session document needs six levels. */
    static final int MAX_NESTING = 64;
    /** The longest string: a command, a path or a note is far shorter. */
    static final int MAX_STRING_LENGTH = 1_000_000;
    /** The most characters of one number: a time or a count is far shorter. */
    static final int MAX_NUMBER_LENGTH = 100;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING)
                    .maxStringLength(MAX_STRING_LENGTH).maxNameLength(MAX_STRING_LENGTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH).build())
            .build();
    private static final int QUOTED_STRING_LIMIT = 40;
    private static final String TRAILING = "unexpected text after the end of the document: a document is one JSON"
            + " value (here an object), and nothing may follow its closing '}'";

    private LocatedJson() {
    }

    /** Where a node starts: a 1-based line and column, counted in characters. */
    record Position(int line, int column) {
        static Position of(JsonLocation location) {
            return new Position(location.getLineNr(), location.getColumnNr());
        }

        @Override
        public String toString() {
            return line + ":" + column;
        }
    }

    sealed interface Node permits Obj, Arr, Scalar {
        /** The path from the root, empty for the root itself. */
        String path();

        Position position();

        /** The node as an error message quotes it: {@code "abc"}, {@code -1.5}, {@code an object}. */
        String describe();
    }

    record Obj(String path, Position position, Map<String, Node> fields) implements Node {
        /** Whether the field is there with a value other than {@code null}. */
        boolean has(String name) {
            Node value = fields.get(name);
            return value != null && !(value instanceof Scalar scalar && scalar.token() == JsonToken.VALUE_NULL);
        }

        @Override
        public String describe() {
            return "an object";
        }
    }

    record Arr(String path, Position position, List<Node> elements) implements Node {
        @Override
        public String describe() {
            return "an array";
        }
    }

    /** A string, number, boolean or null; {@code text} is the string's value or the literal as written. */
    record Scalar(String path, Position position, JsonToken token, String text) implements Node {
        boolean isNumber() {
            return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
        }

        @Override
        public String describe() {
            return token == JsonToken.VALUE_STRING ? quote(text) : text;
        }
    }

    /** A document that is not JSON, or not one JSON value; {@code path} is empty when unknown. */
    static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Position position;
        private final String path;

        SyntaxError(Position position, String path, String message) {
            super(message);
            this.position = position;
            this.path = path;
        }

        Position position() {
            return position;
        }

        String path() {
            return path;
        }
    }

    /** The prefix of every located message: {@code file:line:column: path: }. */
    static String locate(String file, Position position, String path) {
        return file + ":" + position + ": " + (path.isEmpty() ? "" : path + ": ");
    }

    /** Reads exactly one JSON value; a repeated field name is an error, as is anything after the value. */
    static Node parse(String json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            Node root;
            try {
                if (parser.nextToken() == null) {
                    throw new SyntaxError(Position.of(parser.currentLocation()), "", "the document holds no JSON value");
                }
                root = read(parser, "");
            } catch (JsonProcessingException e) {
                JsonProblems.Problem problem = JsonProblems.describe(e, parser, json);
                throw new SyntaxError(position(parser, e, problem.back()), "", problem.message());
            }
            try {
                if (parser.nextToken() != null) {
                    throw new SyntaxError(Position.of(parser.currentTokenLocation()), "", TRAILING);
                }
            } catch (JsonProcessingException e) {
                throw new SyntaxError(position(parser, e, JsonProblems.describe(e, parser, json).back()), "", TRAILING);
            }
            return root;
        } catch (IOException e) {
            // The text is already in memory; a parser over a String has nothing else to fail on.
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where the failure is: Jackson's location (moved {@code back} to the start of a token it did
     * not know), or the parser's where a limit (which has none) was hit.
     */
    private static Position position(JsonParser parser, JsonProcessingException e, int back) {
        JsonLocation location = e.getLocation();
        if (location == null || location.getLineNr() < 1) {
            location = parser.currentLocation();
        }
        Position position = Position.of(location);
        return back > 0 && position.column() > back ? new Position(position.line(), position.column() - back)
                : position;
    }

    private static Node read(JsonParser parser, String path) throws IOException {
        Position position = Position.of(parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, Node> fields = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                Node earlier = fields.get(name);
                if (earlier != null) {
                    throw new SyntaxError(Position.of(parser.currentTokenLocation()), path,
                            "field \"" + name + "\" appears twice (first at " + earlier.position()
                                    + "); keep one of them");
                }
                parser.nextToken();
                fields.put(name, read(parser, path.isEmpty() ? name : path + "." + name));
            }
            return new Obj(path, position, Collections.unmodifiableMap(fields));
        }
        if (token == JsonToken.START_ARRAY) {
            List<Node> elements = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                elements.add(read(parser, path + "[" + elements.size() + "]"));
            }
            return new Arr(path, position, List.copyOf(elements));
        }
        return new Scalar(path, position, token, parser.getText());
    }

    private static String quote(String text) {
        String shown = text.length() > QUOTED_STRING_LIMIT ? text.substring(0, QUOTED_STRING_LIMIT) + "..." : text;
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : shown.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> quoted.append(c < ' ' ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return quoted.append('"').toString();
    }
}
