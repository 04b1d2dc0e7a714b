package dev.offloadbench.cli.wiring;

import com.google.inject.ConfigurationException;
import com.google.inject.Injector;
import picocli.CommandLine;

/** Lets picocli create commands through Guice; anything Guice does not bind, picocli makes itself. */
public final class GuiceFactory implements CommandLine.IFactory {
    private final Injector injector;

    public GuiceFactory(Injector injector) {
        this.injector = injector;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            return injector.getInstance(type);
        } catch (ConfigurationException notBound) {
            return CommandLine.defaultFactory().create(type);
        }
    }
}
