package dev.offloadbench.cli.plugin;

import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.List;

/**
 * The parent of every plugin's class loader: the JDK (platform classes), plus the two packages
 * of the SPI from offload-bench itself, {@code domain.spi} and {@code domain.model}. Nothing else
 * of offload-bench (its services, adapters, libraries) is visible to a plugin, and none of its
 * resources (so its own service files stay its own).
 */
final class SpiOnlyClassLoader extends ClassLoader {
    /** The packages a plugin shares with offload-bench: the SPI artifact, offload-bench-spi. */
    static final List<String> SPI_PACKAGES = List.of("dev.offloadbench.domain.spi.", "dev.offloadbench.domain.model.");

    private final ClassLoader application;

    SpiOnlyClassLoader(ClassLoader application) {
        super("offload-bench-spi", ClassLoader.getPlatformClassLoader());
        this.application = application;
    }

    /** Whether a class is part of the SPI (subpackages are not). */
    static boolean isSpi(String className) {
        for (String spiPackage : SPI_PACKAGES) {
            if (className.startsWith(spiPackage) && className.indexOf('.', spiPackage.length()) < 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isSpi(name)) {
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
        return getParent().getResources(name);
    }
}
