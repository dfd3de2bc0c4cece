package dev.dynarecord.spring.boot;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Collections;
import java.util.Enumeration;

/**
 * The core in a class loader of its own that cannot see {@code dynarecord-local}'s service entry,
 * as in an application without the embedded engine on its classpath.
 */
final class WithoutEmbeddedEngine extends URLClassLoader {

    private static final String SERVICE = "META-INF/services/dev.dynarecord.spi.EmbeddedEngineProvider";

    WithoutEmbeddedEngine() {
        super(new URL[] {dev.dynarecord.Session.class.getProtectionDomain().getCodeSource().getLocation()},
                WithoutEmbeddedEngine.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            if (name.startsWith("dev.dynarecord.") && !name.startsWith("dev.dynarecord.local.")) {
                Class<?> c = findLoadedClass(name);
                return c != null ? c : findClass(name);
            }
            return super.loadClass(name, resolve);
        }
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return SERVICE.equals(name) ? Collections.emptyEnumeration() : super.getResources(name);
    }

    /** @return what opening a session with adapter LOCAL throws there */
    static Throwable openLocalSession() throws Exception {
        try (WithoutEmbeddedEngine loader = new WithoutEmbeddedEngine()) {
            Class<?> configClass = loader.loadClass("dev.dynarecord.config.Config");
            Class<?> adapterClass = loader.loadClass("dev.dynarecord.config.Adapter");
            Object builder = configClass.getMethod("builder").invoke(null);
            Object local = adapterClass.getField("LOCAL").get(null);
            builder.getClass().getMethod("adapter", adapterClass).invoke(builder, local);
            Object config = builder.getClass().getMethod("build").invoke(builder);
            try {
                loader.loadClass("dev.dynarecord.Session").getMethod("open", configClass).invoke(null, config);
            } catch (InvocationTargetException e) {
                return e.getCause();
            }
            throw new AssertionError("a LOCAL session opened without the embedded engine");
        }
    }
}
