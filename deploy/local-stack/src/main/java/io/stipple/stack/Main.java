package io.stipple.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.CountDownLatch;

/**
 * The one-command local stack: {@code deploy/local-stack/run} (see the root README).
 *
 * <p>Options: {@code --clean} starts from empty data; {@code --data-dir DIR} (default {@code .stipple-local}
 * in the repository); {@code --no-seed} skips the demo clinic.
 */
public final class Main {

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("stipple.root", ".")).toAbsolutePath().normalize();
        Path dataDir = root.resolve(".stipple-local");
        boolean clean = false;
        boolean seed = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--clean" -> clean = true;
                case "--no-seed" -> seed = false;
                case "--data-dir" -> dataDir = Path.of(args[++i]).toAbsolutePath();
                case "-h", "--help" -> {
                    System.out.println("usage: run [--clean] [--data-dir DIR] [--no-seed]");
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
        LocalStack stack;
        try {
            stack = LocalStack.start(LocalStack.Options.defaults(root, dataDir, out));
        } catch (RuntimeException e) {
            out.println();
            out.println("FAILED: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println();
            out.println("Stopping Stipple ...");
            stack.close();
            out.println("Stopped; ports are free. Data kept in " + stack.dataDirForDisplay());
            stopped.countDown();
        }, "local-stack-shutdown"));

        DemoData.Seeded demo = seed ? new DemoData(stack, out).seed() : DemoData.Seeded.none();
        new Banner(stack, demo, out).print();
        stopped.await();
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
