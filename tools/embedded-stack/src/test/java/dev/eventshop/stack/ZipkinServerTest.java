package dev.eventshop.stack;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipkinServerTest {

    @TempDir
    Path dataDir;

    @Test
    void a_missing_jar_is_reported_with_what_to_build_before_anything_starts() {
        ZipkinServer zipkin = new ZipkinServer(dataDir.resolve("zipkin-server.jar"), dataDir, 0);

        assertThatThrownBy(zipkin::start)
                .isInstanceOf(StartupFailedException.class)
                .hasMessageContaining("no Zipkin jar at " + dataDir.resolve("zipkin-server.jar"))
                .hasMessageContaining("build embedded-stack first");
    }
}
