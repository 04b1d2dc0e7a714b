package dev.offloadbench.cli.wiring;

import com.google.inject.Key;
import com.google.inject.OutOfScopeException;
import com.google.inject.Provider;
import com.google.inject.Scope;
import java.util.HashMap;
import java.util.Map;

/**
 * The scope of one command: entered when a command starts (from the command line or a shell
 * line), left when it ends. Within it, a {@link CommandScoped} binding is made once, so the
 * configuration is read once per command, and read afresh by the next one (the shell keeps one
 * injector for all its lines). Commands run one at a time, on the thread that runs them.
 */
public final class CommandScope implements Scope {
    private final ThreadLocal<Map<Key<?>, Object>> values = new ThreadLocal<>();

    /** A command starts: its invocation (environment, folder, --config) is what it is wired with. */
    public Entered enter(Invocation invocation) {
        if (values.get() != null) {
            throw new IllegalStateException("a command is already running on this thread");
        }
        Map<Key<?>, Object> scoped = new HashMap<>();
        scoped.put(Key.get(Invocation.class), invocation);
        values.set(scoped);
        return () -> values.remove();
    }

    /** Leaves the scope; what it made is forgotten. */
    public interface Entered extends AutoCloseable {
        @Override
        void close();
    }

    @Override
    public <T> Provider<T> scope(Key<T> key, Provider<T> unscoped) {
        return () -> {
            Map<Key<?>, Object> scoped = values.get();
            if (scoped == null) {
                throw new OutOfScopeException("cannot provide " + key + " outside of a command");
            }
            @SuppressWarnings("unchecked")
            T current = (T) scoped.get(key);
            if (current == null && !scoped.containsKey(key)) {
                current = unscoped.get();
                scoped.put(key, current);
            }
            return current;
        };
    }

    /** For bindings whose value the scope is entered with ({@link Invocation}). */
    static <T> Provider<T> seeded(Class<T> type) {
        return () -> {
            throw new IllegalStateException(type.getSimpleName() + " is given when a command starts");
        };
    }

    @Override
    public String toString() {
        return "CommandScope";
    }
}
