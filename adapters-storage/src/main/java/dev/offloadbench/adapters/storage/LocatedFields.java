package dev.offloadbench.adapters.storage;

import com.fasterxml.jackson.core.JsonToken;
import dev.offloadbench.adapters.storage.LocatedJson.Arr;
import dev.offloadbench.adapters.storage.LocatedJson.Node;
import dev.offloadbench.adapters.storage.LocatedJson.Obj;
import dev.offloadbench.adapters.storage.LocatedJson.Scalar;
import dev.offloadbench.domain.BenchException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.function.Supplier;

/**
 * Path-aware access to a located tree: every accessor names the file, the field's path and its
 * line:column when the value is missing or of the wrong shape, and says what was expected.
 * Shared by the results and session mappings, so both report problems the same way.
 */
final class LocatedFields {
    /** A field of a document and what its value must be, as the error messages say it. */
    record Field(String name, String expected) {
    }

    /** The longest time a results document may hold: 10^7 seconds, about 115 days. */
    static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(10_000_000);
    /** Times are at most nanosecond-precise (9 decimal places). */
    static final int MAX_SECONDS_SCALE = 9;

    private final String file;

    LocatedFields(String file) {
        this.file = file;
    }

    /** Whether the field is there with a value other than {@code null}. */
    boolean present(Obj owner, Field field) {
        return owner.has(field.name());
    }

    Node value(Obj owner, Field field) {
        Node value = owner.fields().get(field.name());
        if (value == null) {
            throw error(owner, "missing required field \"" + field.name() + "\" (" + field.expected() + ")");
        }
        return value;
    }

    Obj object(Node node, String expected) {
        if (node instanceof Obj obj) {
            return obj;
        }
        throw mismatch(node, expected);
    }

    Obj object(Obj owner, Field field) {
        return object(value(owner, field), field.expected());
    }

    List<Node> array(Obj owner, Field field) {
        Node value = value(owner, field);
        if (value instanceof Arr arr) {
            return arr.elements();
        }
        throw mismatch(value, field.expected());
    }

    String string(Obj owner, Field field) {
        return string(value(owner, field), field.expected());
    }

    String string(Node value, String expected) {
        return scalar(value, expected, JsonToken.VALUE_STRING).text();
    }

    boolean bool(Obj owner, Field field) {
        Node value = value(owner, field);
        if (value instanceof Scalar scalar && scalar.token().isBoolean()) {
            return scalar.token() == JsonToken.VALUE_TRUE;
        }
        throw mismatch(value, field.expected());
    }

    int integer(Obj owner, Field field, int min) {
        return integer(value(owner, field), field.expected(), min, Integer.MAX_VALUE);
    }

    int integer(Obj owner, Field field, int min, int max) {
        return integer(value(owner, field), field.expected(), min, max);
    }

    int integer(Node node, String expected, int min) {
        return integer(node, expected, min, Integer.MAX_VALUE);
    }

    /** An integer in {@code [min, max]}; anything else names the field and says what it must be. */
    int integer(Node node, String expected, int min, int max) {
        Scalar value = scalar(node, expected, JsonToken.VALUE_NUMBER_INT);
        BigInteger number = new BigInteger(value.text());
        if (number.compareTo(BigInteger.valueOf(min)) < 0) {
            throw mismatch(value, expected);
        }
        if (number.compareTo(BigInteger.valueOf(max)) > 0) {
            throw error(value, "expected " + expected + ", found " + value.text() + ", which is too large");
        }
        return number.intValue();
    }

    /**
     * A time in seconds, exactly as written ({@code 726.0} keeps its scale): a finite number, more
     * than zero (or zero, where an execution may have been stopped at once), at most
     * {@link #MAX_SECONDS}, and no finer than a nanosecond, so that no arithmetic on it can blow up.
     */
    BigDecimal seconds(Obj owner, Field field, boolean zeroAllowed) {
        return seconds(value(owner, field), field.expected(), zeroAllowed);
    }

    BigDecimal seconds(Node value, String expected, boolean zeroAllowed) {
        if (!(value instanceof Scalar scalar && scalar.isNumber())) {
            throw mismatch(value, expected);
        }
        BigDecimal number;
        try {
            number = new BigDecimal(scalar.text());
        } catch (NumberFormatException e) {
            // an exponent beyond what any number can hold
            throw error(value, "expected " + expected + ", found " + scalar.text() + ", which is far too large");
        }
        if (number.signum() < 0 || number.signum() == 0 && !zeroAllowed) {
            throw mismatch(value, expected);
        }
        if (number.compareTo(MAX_SECONDS) > 0) {
            throw error(value, "expected " + expected + ", found " + scalar.text() + ", which is more than "
                    + MAX_SECONDS + " seconds (about 115 days)");
        }
        if (number.stripTrailingZeros().scale() > MAX_SECONDS_SCALE) {
            throw error(value, "expected " + expected + ", found " + scalar.text()
                    + ", which is finer than a nanosecond");
        }
        return number;
    }

    Scalar scalar(Obj owner, Field field, JsonToken token) {
        return scalar(value(owner, field), field.expected(), token);
    }

    Scalar scalar(Node value, String expected, JsonToken token) {
        if (value instanceof Scalar scalar && scalar.token() == token) {
            return scalar;
        }
        throw mismatch(value, expected);
    }

    /** A domain invariant the checks did not anticipate still points at the object that broke it. */
    <T> T construct(Node at, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw error(at, e.getMessage());
        }
    }

    BenchException mismatch(Node node, String expected) {
        return error(node, "expected " + expected + ", found " + node.describe());
    }

    BenchException error(Node node, String message) {
        return new BenchException(LocatedJson.locate(file, node.position(), node.path()) + message);
    }
}
