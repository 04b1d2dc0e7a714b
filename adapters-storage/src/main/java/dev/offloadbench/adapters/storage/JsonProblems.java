package dev.offloadbench.adapters.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is wrong with a JSON text, said in the user's words: Jackson's messages name its own
 * features and classes ({@code JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS}), which tell a user
 * nothing about the file in front of them.
 */
final class JsonProblems {
    private static final String A_VALUE =
            "a value (a string in double quotes, a number, an object, an array, true, false or null)";
    private static final Pattern NON_NUMERIC = Pattern.compile("Non-standard token '(-?\\+?(?:NaN|Infinity|INF))'.*");
    private static final Pattern UNRECOGNIZED = Pattern.compile("Unrecognized token '(.*)': was expecting.*",
            Pattern.DOTALL);
    private static final Pattern UNEXPECTED = Pattern.compile(
            "Unexpected character \\('(.+)' \\(code (\\d+)\\)\\)( in numeric value)?: (.*)", Pattern.DOTALL);
    private static final Pattern CLOSE_MARKER = Pattern.compile("Unexpected close marker '(.)': expected '(.)'(.*)",
            Pattern.DOTALL);
    private static final Pattern CONTROL = Pattern.compile("Illegal (unquoted )?character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*",
            Pattern.DOTALL);
    private static final Pattern ESCAPE = Pattern.compile("Unrecognized character escape '(.+)' \\(code (\\d+)\\).*",
            Pattern.DOTALL);
    private static final Pattern FEATURE_HINT = Pattern.compile("[:;]? ?(?:enable|Feature) [`'][A-Za-z_.]+[`'].*$");

    private JsonProblems() {
    }

    /**
     * How many characters before Jackson's position the problem starts: Jackson points just past
     * a token it does not know ({@code NaN}, {@code tru}); the user wants to see where it begins.
     */
    static int tokenLength(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        Matcher m = NON_NUMERIC.matcher(message);
        if (m.matches()) {
            return m.group(1).length();
        }
        m = UNRECOGNIZED.matcher(message);
        return m.matches() ? m.group(1).length() : 0;
    }

    static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            return limit(message);
        }
        Matcher m = NON_NUMERIC.matcher(message);
        if (m.matches()) {
            return m.group(1) + " is not a number JSON allows: a time must be a finite number of seconds"
                    + " (like 726.0), and JSON has no NaN or Infinity";
        }
        m = UNRECOGNIZED.matcher(message);
        if (m.matches()) {
            return "`" + shorten(m.group(1)) + "` is not " + A_VALUE;
        }
        if (message.startsWith("Unexpected end-of-input")) {
            if (message.contains("closing quote")) {
                return "the document ends inside a string: its closing \" is missing";
            }
            // "expected close marker for Object", "within/between Object entries", and the same for arrays
            if (message.contains("Object")) {
                return "the document ends before an object is closed: a '}' is missing";
            }
            if (message.contains("Array")) {
                return "the document ends before an array is closed: a ']' is missing";
            }
            return "the document ends too early: it is cut short";
        }
        m = CLOSE_MARKER.matcher(message);
        if (m.matches()) {
            return m.group(3).contains("for root")
                    ? "unexpected '" + m.group(1) + "': nothing is open here to close"
                    : "unexpected '" + m.group(1) + "': the open " + (m.group(2).equals("]") ? "array" : "object")
                            + " here must be closed with '" + m.group(2) + "' first";
        }
        if (message.contains("Leading zeroes not allowed")) {
            return "a number must not start with 0 (write 7, not 07)";
        }
        m = UNEXPECTED.matcher(message);
        if (m.matches()) {
            return unexpected(m.group(1), m.group(3) != null, m.group(4));
        }
        m = CONTROL.matcher(message);
        if (m.matches()) {
            return m.group(1) != null
                    ? "a control character (code " + m.group(2) + ") in a string: write it escaped, like \\n or \\u0001"
                    : "a control character (code " + m.group(2) + ") between values: only spaces, tabs and line"
                            + " breaks may stand there";
        }
        m = ESCAPE.matcher(message);
        if (m.matches()) {
            return "\\" + m.group(1) + " is not an escape JSON knows (these are \\\", \\\\, \\/, \\b, \\f, \\n, \\r,"
                    + " \\t and \\uXXXX)";
        }
        if (message.contains("Invalid UTF-8")) {
            return "the text is not UTF-8";
        }
        return "invalid JSON: " + FEATURE_HINT.matcher(message).replaceAll("");
    }

    private static String unexpected(String character, boolean inNumber, String detail) {
        String found = "unexpected '" + character + "'";
        if (inNumber) {
            if (detail.contains("Decimal point not followed by a digit")) {
                return found + " in a number: a decimal point must be followed by a digit (write 1.0)";
            }
            if (detail.contains("Exponent indicator not followed by a digit")) {
                return found + " in a number: an exponent needs digits (write 1e3)";
            }
            if (detail.contains("plus sign")) {
                return "a number must not start with '+'";
            }
            return found + " in a number";
        }
        if (detail.contains("comment")) {
            return found + ": JSON has no comments";
        }
        if (detail.contains("double-quote to start field name")) {
            return character.equals("}") ? found + ": a ',' before it announces a field that is not there (remove"
                    + " the trailing comma)" : found + ": a field name must be a string in double quotes";
        }
        if (detail.contains("colon to separate field name and value")) {
            return found + ": a field name must be followed by ':' and its value";
        }
        if (detail.contains("comma to separate Object entries")) {
            return found + ": the fields of an object are separated by ',' and the object ends with '}'";
        }
        if (detail.contains("comma to separate Array entries")) {
            return found + ": the elements of an array are separated by ',' and the array ends with ']'";
        }
        if (detail.contains("expected a value") || detail.contains("expected a valid value")) {
            return found + ": expected " + A_VALUE;
        }
        return found;
    }

    private static String limit(String message) {
        if (message.contains("nesting depth")) {
            return "objects and arrays nest deeper than " + LocatedJson.MAX_NESTING + " levels here; a results"
                    + " document needs a handful";
        }
        if (message.contains("String value length")) {
            return "a string longer than " + LocatedJson.MAX_STRING_LENGTH + " characters; no field of a results"
                    + " document needs one";
        }
        if (message.contains("Number value length")) {
            return "a number written with more than " + LocatedJson.MAX_NUMBER_LENGTH + " characters; no time or"
                    + " count needs that many";
        }
        return "the document is larger than offload-bench reads";
    }

    private static String shorten(String token) {
        return token.length() > 40 ? token.substring(0, 40) + "..." : token;
    }
}
