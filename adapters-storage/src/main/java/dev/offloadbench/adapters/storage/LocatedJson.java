package dev.offloadbench.adapters.storage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A JSON document read into a small tree whose every node knows where it was written
 * (line:column) and its path from the root ({@code projects[0].runs[2].seconds}), so that a
 * problem found later, while mapping, can be reported exactly where the user has to look.
 * Numbers are kept as the text that was written, never as a double.
 */
final class LocatedJson {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    /** Jackson quotes its own positions as "[Source: ...; line: 1, column: 7]"; we say "1:7". */
    private static final Pattern JACKSON_POSITION =
            Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");
    private static final int QUOTED_STRING_LIMIT = 40;

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
            if (parser.nextToken() == null) {
                throw new SyntaxError(Position.of(parser.currentLocation()), "", "the document holds no JSON value");
            }
            Node root = read(parser, "");
            if (parser.nextToken() != null) {
                throw new SyntaxError(Position.of(parser.currentTokenLocation()), "",
                        "unexpected content after the end of the document");
            }
            return root;
        } catch (StreamReadException e) {
            throw new SyntaxError(Position.of(e.getLocation()), "", "invalid JSON: " + shortReason(e));
        } catch (IOException e) {
            // The text is already in memory; a parser over a String has nothing to fail on.
            throw new UncheckedIOException(e);
        }
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

    private static String shortReason(StreamReadException e) {
        String reason = e.getOriginalMessage();
        return JACKSON_POSITION.matcher(reason == null ? "malformed JSON" : reason).replaceAll("$1:$2");
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
