package dev.offloadbench.adapters.storage;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.util.regex.Pattern;

/**
 * What is wrong with a JSON text, said in the user's words. Jackson's messages name its own
 * features and classes ({@code JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS}), which tell a user
 * nothing about the file in front of them, and their wording is no interface: the problem is
 * told from what is typed and structural instead, namely the exception's type
 * ({@link StreamConstraintsException}, {@link JsonEOFException} and the token it was decoding),
 * the parser's state (what is open, the last token read) and the text itself at the place Jackson
 * stopped (the token there, the character before it, whether that place is inside a string).
 */
final class JsonProblems {
    private static final String A_VALUE =
            "a value (a string in double quotes, a number, an object, an array, true, false or null)";
    private static final Pattern NON_NUMERIC = Pattern.compile("[-+]?(?:NaN|Infinity|INF)");

    private JsonProblems() {
    }

    /**
     * @param message what is wrong
     * @param back how many characters before Jackson's position the problem starts: Jackson points
     *     just past a token it does not know ({@code NaN}, {@code tru}); the user wants to see where it begins
     */
    record Problem(String message, int back) {
    }

    /** The problem {@code e} reports, {@code parser} having read {@code json} up to it. */
    static Problem describe(JsonProcessingException e, JsonParser parser, String json) {
        int at = offset(e, parser, json);
        if (e instanceof StreamConstraintsException) {
            return new Problem(limit(parser, json), 0);
        }
        boolean atEnd = json.substring(at).isBlank();
        if (e instanceof JsonEOFException || atEnd && wordBefore(json, at).isEmpty()) {
            return new Problem(endOfInput(e, parser, json), 0);
        }
        String word = wordBefore(json, at);
        if (!word.isEmpty() && !insideString(json, at)) {
            return new Problem(NON_NUMERIC.matcher(word).matches()
                    ? word + " is not a number JSON allows: a time must be a finite number of seconds (like 726.0),"
                            + " and JSON has no NaN or Infinity"
                    : "`" + shorten(word) + "` is not " + A_VALUE, word.length());
        }
        char here = json.charAt(at);
        int control = isControl(here) ? at : at > 0 && isControl(json.charAt(at - 1)) ? at - 1 : -1;
        if (control >= 0 && (insideString(json, control) || !isJsonWhitespace(json.charAt(control)))) {
            int code = json.charAt(control);
            return new Problem(insideString(json, control)
                    ? "a control character (code " + code + ") in a string: write it escaped, like \\n or \\u0001"
                    : "a control character (code " + code + ") between values: only spaces, tabs and line breaks"
                            + " may stand there", 0);
        }
        if (at > 0 && json.charAt(at - 1) == '\\' && insideString(json, at - 1)) {
            return new Problem("\\" + here + " is not an escape JSON knows (these are \\\", \\\\, \\/, \\b, \\f, \\n,"
                    + " \\r, \\t and \\uXXXX)", 0);
        }
        if (insideString(json, at)) {
            return new Problem("unexpected '" + here + "' in a string", 0);
        }
        int number = numberStart(json, at);
        if (number < at) {
            // Jackson stopped in, or just after, a number: read it as JSON's grammar does
            Object read = readNumber(json, number);
            if (read instanceof String malformed) {
                return new Problem(malformed, 0);
            }
            at = (Integer) read;
            here = at < json.length() ? json.charAt(at) : here;
        }
        return new Problem(unexpected(here, parser, json, at), 0);
    }

    /** Where Jackson stopped, as an offset into {@code json}. */
    private static int offset(JsonProcessingException e, JsonParser parser, String json) {
        JsonLocation location = e.getLocation();
        long offset = location != null && location.getCharOffset() >= 0 ? location.getCharOffset()
                : parser.currentLocation().getCharOffset();
        return (int) Math.max(0, Math.min(json.length(), offset));
    }

    /** A limit of {@link LocatedJson} was hit: which one the parser's depth and the text there tell. */
    private static String limit(JsonParser parser, String json) {
        if (parser.getParsingContext().getNestingDepth() > LocatedJson.MAX_NESTING) {
            return "objects and arrays nest deeper than " + LocatedJson.MAX_NESTING + " levels here; a results"
                    + " document needs a handful";
        }
        int end = (int) Math.min(json.length(), Math.max(0, parser.currentLocation().getCharOffset()));
        char last = end > 0 ? json.charAt(end - 1) : ' ';
        if (parser.currentToken() != JsonToken.VALUE_STRING && (Character.isDigit(last) || "+-.eE".indexOf(last) >= 0)) {
            return "a number written with more than " + LocatedJson.MAX_NUMBER_LENGTH + " characters; no time or"
                    + " count needs that many";
        }
        return "a string longer than " + LocatedJson.MAX_STRING_LENGTH + " characters; no field of a results"
                + " document needs one";
    }

    /** The text ends too early: inside a string, or with an object or array still open. */
    private static String endOfInput(JsonProcessingException e, JsonParser parser, String json) {
        boolean inString = e instanceof JsonEOFException eof && (eof.getTokenBeingDecoded() == JsonToken.VALUE_STRING
                || eof.getTokenBeingDecoded() == JsonToken.FIELD_NAME) || insideString(json, json.length());
        if (inString) {
            return "the document ends inside a string: its closing \" is missing";
        }
        JsonStreamContext open = parser.getParsingContext();
        if (open.inObject()) {
            return "the document ends before an object is closed: a '}' is missing";
        }
        if (open.inArray()) {
            return "the document ends before an array is closed: a ']' is missing";
        }
        return "the document ends too early: it is cut short";
    }

    /**
     * A character that cannot stand where it is, outside strings: said by what the grammar
     * expects there, which the last character before it and what is open tell.
     */
    private static String unexpected(char found, JsonParser parser, String json, int at) {
        String unexpected = "unexpected '" + found + "'";
        if (found == '/' || found == '#') {
            return unexpected + ": JSON has no comments";
        }
        JsonStreamContext open = parser.getParsingContext();
        char before = lastNonBlankBefore(json, at);
        if (found == '}' || found == ']') {
            if (open.inRoot()) {
                return unexpected + ": nothing is open here to close";
            }
            if (open.inArray() && found == '}' || open.inObject() && found == ']') {
                String closer = open.inArray() ? "]" : "}";
                return unexpected + ": the open " + (open.inArray() ? "array" : "object") + " here must be closed with '"
                        + closer + "' first";
            }
            if (open.inObject() && before == ',') {
                return unexpected + ": a ',' before it announces a field that is not there (remove the trailing"
                        + " comma)";
            }
            if (open.inObject() && parser.currentToken() == JsonToken.FIELD_NAME && before != ':') {
                return unexpected + ": a field name must be followed by ':' and its value";
            }
            return unexpected + ": expected " + A_VALUE;
        }
        if (before == ':' || before == '[' || before == ',' && open.inArray() || open.inRoot()) {
            return unexpected + ": expected " + A_VALUE;
        }
        if (before == '{' || before == ',') {
            return unexpected + ": a field name must be a string in double quotes";
        }
        if (open.inObject() && parser.currentToken() == JsonToken.FIELD_NAME) {
            return unexpected + ": a field name must be followed by ':' and its value";
        }
        if (open.inObject()) {
            return unexpected + ": the fields of an object are separated by ',' and the object ends with '}'";
        }
        return unexpected + ": the elements of an array are separated by ',' and the array ends with ']'";
    }

    /**
     * Reads the number starting at {@code start} as JSON's grammar does: where it ends (an
     * {@link Integer}, when it is a whole number: what follows it is the problem), or why it is no
     * number (a {@link String}).
     */
    private static Object readNumber(String json, int start) {
        int i = start;
        if (charAt(json, i) == '+') {
            return "a number must not start with '+'";
        }
        if (charAt(json, i) == '-') {
            i++;
        }
        if (!Character.isDigit(charAt(json, i))) {
            return "unexpected '" + charAt(json, i) + "' in a number";
        }
        if (charAt(json, i) == '0') {
            i++;
            if (Character.isDigit(charAt(json, i))) {
                return "a number must not start with 0 (write 7, not 07)";
            }
        } else {
            i = digits(json, i);
        }
        if (charAt(json, i) == '.') {
            i++;
            if (!Character.isDigit(charAt(json, i))) {
                return "unexpected '" + charAt(json, i) + "' in a number: a decimal point must be followed by a digit"
                        + " (write 1.0)";
            }
            i = digits(json, i);
        }
        if (charAt(json, i) == 'e' || charAt(json, i) == 'E') {
            i++;
            if (charAt(json, i) == '+' || charAt(json, i) == '-') {
                i++;
            }
            if (!Character.isDigit(charAt(json, i))) {
                return "unexpected '" + charAt(json, i) + "' in a number: an exponent needs digits (write 1e3)";
            }
            i = digits(json, i);
        }
        return i;
    }

    private static int digits(String json, int from) {
        int i = from;
        while (Character.isDigit(charAt(json, i))) {
            i++;
        }
        return i;
    }

    /** The character at {@code i}, or a space past the end. */
    private static char charAt(String json, int i) {
        return i < json.length() ? json.charAt(i) : ' ';
    }

    /** Where the characters a number may hold that end just before {@code at} begin ({@code at} when there are none). */
    private static int numberStart(String json, int at) {
        int start = at;
        while (start > 0 && "0123456789.eE+-".indexOf(json.charAt(start - 1)) >= 0) {
            start--;
        }
        return start;
    }

    /** A bare word ending just before {@code at} ({@code tru}, {@code NaN}, {@code -Infinity}), or "". */
    private static String wordBefore(String json, int at) {
        int start = at;
        while (start > 0 && isWordChar(json.charAt(start - 1))) {
            start--;
        }
        String word = json.substring(start, at);
        int letter = word.startsWith("-") || word.startsWith("+") ? 1 : 0;
        return word.length() > letter && Character.isLetter(word.charAt(letter)) ? word : "";
    }

    /**
     * Whether {@code at} lies inside a string: JSON strings cannot hold a raw line break, so an odd
     * number of unescaped quotes before it on its line says so.
     */
    private static boolean insideString(String json, int at) {
        int lineStart = at == 0 ? 0 : json.lastIndexOf('\n', at - 1) + 1;
        boolean inside = false;
        for (int i = lineStart; i < at && i < json.length(); i++) {
            char c = json.charAt(i);
            if (inside && c == '\\') {
                i++;
            } else if (c == '"') {
                inside = !inside;
            } else if (c == '\n') {
                inside = false;
            }
        }
        return inside;
    }

    private static char lastNonBlankBefore(String json, int at) {
        for (int i = at - 1; i >= 0; i--) {
            if (!isJsonWhitespace(json.charAt(i))) {
                return json.charAt(i);
            }
        }
        return 0;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '+' || c == '-' || c == '.';
    }

    private static boolean isControl(char c) {
        return c < 0x20;
    }

    private static boolean isJsonWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static String shorten(String token) {
        return token.length() > 40 ? token.substring(0, 40) + "..." : token;
    }
}
