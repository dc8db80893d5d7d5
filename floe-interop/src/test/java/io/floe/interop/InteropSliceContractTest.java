package io.floe.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class InteropSliceContractTest {
    @Test
    void interopIceIsTheSharedContractByteForByte() throws IOException {
        Path ours = Repository.root().resolve("floe-interop/src/main/slice/Interop.ice");
        Path shared = Repository.root().getParent().resolve("shared/interop/Interop.ice").normalize();
        assumeTrue(Files.isRegularFile(shared), () -> "no " + shared + " to compare with");

        assertThat(Files.readAllBytes(ours))
                .as("%s must equal %s", ours, shared)
                .isEqualTo(Files.readAllBytes(shared));
    }
}
