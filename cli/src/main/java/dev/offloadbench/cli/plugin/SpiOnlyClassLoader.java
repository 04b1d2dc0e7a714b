package dev.offloadbench.cli.plugin;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

/**
 * The parent of every plugin's class loader: the JDK (platform classes), plus the domain's
 * packages from offload-bench itself, which are the SPI. Nothing else of offload-bench leaks
 * into a plugin, and none of offload-bench's resources (so its own service files stay its own).
 */
final class SpiOnlyClassLoader extends ClassLoader {
    private static final String SPI_PACKAGE = "dev.offloadbench.domain.";

    private final ClassLoader application;

    SpiOnlyClassLoader(ClassLoader application) {
        super("offload-bench-spi", ClassLoader.getPlatformClassLoader());
        this.application = application;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(SPI_PACKAGE)) {
            return application.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
        return getParent().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return getParent() == null ? Collections.emptyEnumeration() : getParent().getResources(name);
    }
}
