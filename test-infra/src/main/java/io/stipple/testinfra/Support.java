package io.stipple.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Small helpers shared by the embedded servers. Not part of the public API. */
final class Support {

    /** Logger categories of the broker and of the PostgreSQL wrapper that are noisy at INFO. */
    private static final String[] QUIET_CATEGORIES = {
        "kafka", "org.apache.kafka", "state.change.logger", "io.zonky.test"
    };

    /** JUL loggers may be garbage collected together with their level; keep them reachable. */
    private static final List<Logger> QUIETED = new ArrayList<>();

    private Support() {
    }

    /**
     * Puts the broker's and embedded PostgreSQL's logger categories at WARN. Works when slf4j is bound
     * to the JBoss LogManager (Quarkus tests, where {@code java.util.logging.manager} is the JBoss
     * LogManager) or to java.util.logging. Set {@code -Dstipple.testinfra.verbose=true} to keep INFO.
     */
    static synchronized void quietLogging() {
        if (Boolean.getBoolean("stipple.testinfra.verbose") || !QUIETED.isEmpty()) {
            return;
        }
        for (String category : QUIET_CATEGORIES) {
            Logger logger = Logger.getLogger(category);
            logger.setLevel(Level.WARNING);
            QUIETED.add(logger);
        }
        // slf4j-jboss-logmanager logs into the JBoss LogContext even when the JBoss LogManager is not the
        // JUL LogManager of this JVM (e.g. a plain launcher): set the levels there too, if it is present.
        try {
            Class<?> contextClass = Class.forName("org.jboss.logmanager.LogContext", true, Support.class.getClassLoader());
            Object context = contextClass.getMethod("getLogContext").invoke(null);
            for (String category : QUIET_CATEGORIES) {
                Object logger = contextClass.getMethod("getLogger", String.class).invoke(context, category);
                if (logger instanceof Logger) {
                    ((Logger) logger).setLevel(Level.WARNING);
                    QUIETED.add((Logger) logger);
                }
            }
        } catch (ClassNotFoundException e) {
            // no JBoss LogManager: the JUL loggers above are all there is
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // best effort only
        }
    }

    /** A port that was free on 127.0.0.1 a moment ago, different from every port in {@code avoid}. */
    static int freePort(int... avoid) {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                int port = socket.getLocalPort();
                boolean clash = false;
                for (int a : avoid) {
                    clash |= a == port;
                }
                if (!clash) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not find a free port", e);
            }
        }
        throw new IllegalStateException("Could not find a free port");
    }

    /** True if a listening socket can be bound on 127.0.0.1:port right now (with SO_REUSEADDR, as servers do). */
    static boolean isPortFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits (briefly sleeping between checks: there is no event to wait for) until the port can be bound. */
    static void awaitPortFree(int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isPortFree(port)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Port " + port + " is still in use " + timeout.toMillis() + " ms after shutdown");
            }
            sleep(50);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                    if (exc instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw exc;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("[stipple-test-infra] could not delete " + dir + ": " + e);
        }
    }

    /**
     * Runs {@code action} with this library's class loader as the thread context class loader, so that
     * threads the servers create (and classes they load by name) belong to a class loader that lives
     * as long as the JVM, not to a Quarkus test class loader that is closed when the application stops.
     */
    static <T> T withOwnContextClassLoader(Callable<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Support.class.getClassLoader());
        try {
            return action.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    static RuntimeException unwrap(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof java.util.concurrent.ExecutionException
                || cause instanceof java.lang.reflect.InvocationTargetException
                || cause instanceof java.util.concurrent.CompletionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RuntimeException) {
            return (RuntimeException) cause;
        }
        if (cause instanceof Error) {
            throw (Error) cause;
        }
        return new IllegalStateException(cause.getMessage(), cause);
    }
}
