package dev.offloadbench.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EditDistanceTest {
    @Test
    void countsInsertionsDeletionsAndSubstitutions() {
        assertThat(EditDistance.between("kitten", "sitting")).isEqualTo(3);
        assertThat(EditDistance.between("test", "test")).isZero();
        assertThat(EditDistance.between("", "abc")).isEqualTo(3);
        assertThat(EditDistance.between("abc", "")).isEqualTo(3);
        assertThat(EditDistance.between("test-offload", "test-integration-offload")).isEqualTo(12);
        assertThat(EditDistance.between("flaw", "lawn")).isEqualTo(2);
    }

    @Test
    void isSymmetric() {
        assertThat(EditDistance.between("integration", "intgration"))
                .isEqualTo(EditDistance.between("intgration", "integration"))
                .isEqualTo(1);
    }

    @Test
    void aSwapOfNeighboursIsOneEdit() {
        assertThat(EditDistance.between("rnu", "run")).isEqualTo(1);
        assertThat(EditDistance.between("machien", "machine")).isEqualTo(1);
    }
}
