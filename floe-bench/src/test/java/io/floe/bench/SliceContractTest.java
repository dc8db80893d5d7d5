package io.floe.bench;

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
    void benchIceIsTheSharedContractByteForByte() throws IOException {
        Path ours = SharedFolder.repositoryRoot().resolve("floe-bench/src/main/slice/Bench.ice");
        Path shared = SharedFolder.expected().resolve("bench/Bench.ice");
        assumeTrue(Files.isRegularFile(shared), () -> "no " + shared + " to compare with");

        assertThat(Files.readAllBytes(ours))
                .as("%s must equal %s", ours, shared)
                .isEqualTo(Files.readAllBytes(shared));
    }
}
