package io.floe.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SliceContractTest {
    @Test
    void demoIceIsTheSharedContractByteForByte() throws IOException {
        Path ours = SharedFolder.repositoryRoot().resolve("floe-demo/src/main/slice/Demo.ice");
        Path shared = SharedFolder.expected().resolve("interop/Demo.ice");
        assumeTrue(Files.isRegularFile(shared), () -> "no " + shared + " to compare with");

        assertThat(Files.readAllBytes(ours))
                .as("%s must equal %s", ours, shared)
                .isEqualTo(Files.readAllBytes(shared));
    }
}
