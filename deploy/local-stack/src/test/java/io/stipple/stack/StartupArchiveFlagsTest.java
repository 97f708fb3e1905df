package io.stipple.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Which start-up archive the local stack starts a packaged service with, by what its directory holds and the JDK. */
class StartupArchiveFlagsTest {

    @TempDir
    Path app;

    @Test
    void anAotCacheIsUsedFromJdk24OnAndNeverOfferedToAnOlderJvm() throws IOException {
        Files.writeString(app.resolve("app.aot"), "cache");
        assertThat(LocalStack.startupArchiveFlags(app, 25)).containsExactly("-XX:AOTCache=app.aot");
        assertThat(LocalStack.startupArchiveFlags(app, 17)).as("JDK 17 does not know -XX:AOTCache and would not start")
                .isEmpty();
    }

    @Test
    void anAppCdsArchiveIsUsedWhenThereIsNoCacheThisJvmCanRead() throws IOException {
        Files.writeString(app.resolve("app-cds.jsa"), "archive");
        assertThat(LocalStack.startupArchiveFlags(app, 17)).containsExactly("-XX:SharedArchiveFile=app-cds.jsa", "-Xshare:auto");
        Files.writeString(app.resolve("app.aot"), "cache");
        assertThat(LocalStack.startupArchiveFlags(app, 17)).containsExactly("-XX:SharedArchiveFile=app-cds.jsa", "-Xshare:auto");
        assertThat(LocalStack.startupArchiveFlags(app, 25)).containsExactly("-XX:AOTCache=app.aot");
    }

    @Test
    void aTrainingRunRecordsTheArchiveTheSameJdkStartsWith() throws IOException {
        assertThat(LocalStack.trainingFlags(17)).contains("-XX:ArchiveClassesAtExit=app-cds.jsa");
        assertThat(LocalStack.trainingFlags(25)).contains("-XX:AOTCacheOutput=app.aot");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LocalStack.trainingFlags(24))
                .as("JDK 24 has no -XX:AOTCacheOutput").isInstanceOf(IllegalStateException.class);
        for (int jdk : new int[] {17, 21, 25}) { // JDKs that can train
            Files.writeString(app.resolve(LocalStack.trainedArchiveName(jdk)), "trained");
            assertThat(LocalStack.startupArchiveFlags(app, jdk)).as("JDK %d starts with what its training wrote", jdk)
                    .anySatisfy(flag -> assertThat(flag).endsWith("=" + LocalStack.trainedArchiveName(jdk)));
        }
    }

    @Test
    void aMovableClockRunNamesTheMainClassTheJarLayoutHas() throws IOException {
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MAIN_CLASS,
                "io.quarkus.bootstrap.runner.AotQuarkusEntryPoint");
        Path jar = app.resolve("quarkus-run.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        assertThat(LocalStack.mainClass(jar)).isEqualTo("io.quarkus.bootstrap.runner.AotQuarkusEntryPoint");
    }

    @Test
    void withoutAnArchiveTheServiceStartsWithout() {
        assertThat(LocalStack.startupArchiveFlags(app, 25)).isEmpty();
    }
}
