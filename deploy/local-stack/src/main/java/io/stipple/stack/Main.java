package io.stipple.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one-command local stack: {@code deploy/local-stack/run} (see the root README).
 *
 * <p>Options: {@code --clean} starts from empty data; {@code --data-dir DIR} (default {@code .stipple-local}
 * in the repository); {@code --no-seed} skips the demo clinic; {@code --replicas N} runs every service as N instances
 * behind a round-robin proxy on its usual port ({@link RoundRobinProxy}).
 */
public final class Main {

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("stipple.root", ".")).toAbsolutePath().normalize();
        Path dataDir = root.resolve(".stipple-local");
        boolean clean = false;
        boolean seed = true;
        int replicas = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--clean" -> clean = true;
                case "--no-seed" -> seed = false;
                case "--data-dir" -> dataDir = Path.of(args[++i]).toAbsolutePath();
                case "--replicas" -> replicas = replicas(i + 1 < args.length ? args[++i] : "");
                case "-h", "--help" -> {
                    System.out.println("usage: run [--clean] [--data-dir DIR] [--no-seed] [--replicas N] [--train]");
                    return;
                }
                default -> {
                    System.err.println("unknown option " + args[i] + " (try --help)");
                    System.exit(2);
                }
            }
        }
        PrintStream out = System.out;
        if (clean && Files.exists(dataDir)) {
            out.println("Removing " + dataDir + " (--clean)");
            deleteTree(dataDir);
        }
        out.println("Stipple local stack — data in " + dataDir);
        // The hook is registered before anything starts, so Ctrl-C while starting also leaves nothing behind: the
        // services are child processes and would outlive this JVM (PostgreSQL has zonky's own hook; Kafka and the
        // SMTP sink live in this JVM).
        AtomicReference<LocalStack> running = new AtomicReference<>();
        AtomicBoolean stopping = new AtomicBoolean();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!stopping.compareAndSet(false, true)) {
                return; // a failed start already stopped everything
            }
            out.println();
            out.println("Stopping Stipple ...");
            LocalStack stack = running.get();
            if (stack != null) {
                stack.close();
                out.println("Stopped; ports are free. Data kept in " + stack.dataDirForDisplay());
            } else {
                stopChildProcesses();
                out.println("Start-up interrupted; services stopped.");
            }
            stopped.countDown();
        }, "local-stack-shutdown"));
        try {
            running.set(LocalStack.start(LocalStack.Options.defaults(root, dataDir, out).withReplicas(replicas)));
        } catch (RuntimeException e) {
            if (stopping.compareAndSet(false, true)) {
                out.println();
                out.println("FAILED: " + e.getMessage());
                out.println("Everything that had started was stopped.");
                System.exit(1);
            }
            return;
        }
        LocalStack stack = running.get();

        DemoData.Seeded demo = seed ? new DemoData(stack, out).seed() : DemoData.Seeded.none();
        new Banner(stack, demo, out).print();
        stopped.await();
    }

    private static int replicas(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= 4) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        System.err.println("--replicas takes a number from 1 to 4, not '" + value + "'");
        System.exit(2);
        return 1;
    }

    /** Stops the services started so far (child processes of this JVM), gracefully and then forcibly. */
    private static void stopChildProcesses() {
        List<ProcessHandle> children = ProcessHandle.current().children().toList();
        children.forEach(ProcessHandle::destroy);
        for (ProcessHandle child : children) {
            try {
                child.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                child.destroyForcibly();
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private Main() {
    }
}
