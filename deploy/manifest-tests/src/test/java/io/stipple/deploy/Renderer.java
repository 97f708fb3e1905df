package io.stipple.deploy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Renders an overlay: with {@code kubectl kustomize} when kubectl is on the PATH, otherwise with
 * {@link JavaKustomize}. {@code -Dstipple.manifests.renderer=java} forces the Java renderer.
 */
final class Renderer {
    private Renderer() {
    }

    static Manifests render(Path overlay) {
        return kubectlAvailable() ? kubectl(overlay) : JavaKustomize.render(overlay);
    }

    static boolean kubectlAvailable() {
        if ("java".equals(System.getProperty("stipple.manifests.renderer"))) {
            return false;
        }
        return kubectlPath() != null;
    }

    static Path kubectlPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            for (String exe : new String[] {"kubectl", "kubectl.exe"}) {
                Path candidate = Path.of(dir).resolve(exe);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    static Manifests kubectl(Path overlay) {
        Path kubectl = kubectlPath();
        if (kubectl == null) {
            throw new IllegalStateException("kubectl is not on the PATH");
        }
        ProcessBuilder builder = new ProcessBuilder(kubectl.toString(), "kustomize", overlay.toString());
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + overlay + " did not finish in 60 s");
            }
            String stdout = new String(out.join(), StandardCharsets.UTF_8);
            String stderr = new String(err.join(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + overlay + " failed (exit "
                        + process.exitValue() + "): " + stderr.strip());
            }
            return new Manifests(overlay.getFileName().toString(), "kubectl", Yaml.documents(stdout, overlay.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readAll(java.io.InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
