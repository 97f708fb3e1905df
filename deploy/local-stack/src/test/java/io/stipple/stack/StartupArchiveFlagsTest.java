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
    void withoutAnArchiveTheServiceStartsWithout() {
        assertThat(LocalStack.startupArchiveFlags(app, 25)).isEmpty();
    }
}
