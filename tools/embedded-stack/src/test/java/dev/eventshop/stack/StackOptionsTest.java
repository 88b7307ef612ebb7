package dev.eventshop.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StackOptionsTest {

    @Test
    void withoutArgumentsTheDataStaysInTheDefaultDirectoryAndIsKept() {
        StackOptions options = StackOptions.parse();

        assertThat(options.fresh()).isFalse();
        assertThat(options.dataDir()).isEqualTo(Path.of(".eventshop/data"));
    }

    @Test
    void freshAndDataDirCanBeGivenInAnyOrder() {
        StackOptions options = StackOptions.parse("--data-dir", "/tmp/shop", "--fresh");

        assertThat(options.fresh()).isTrue();
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/shop"));
    }

    @Test
    void dataDirWithoutAPathIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> StackOptions.parse("--data-dir"))
                .withMessage("--data-dir needs a path");
    }

    @Test
    void anUnknownOptionIsRejectedByName() {
        assertThatIllegalArgumentException().isThrownBy(() -> StackOptions.parse("--fersh"))
                .withMessage("unknown option: --fersh");
    }
}
