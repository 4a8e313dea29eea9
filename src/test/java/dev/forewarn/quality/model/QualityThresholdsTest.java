package dev.forewarn.quality.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QualityThresholdsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertThat(QualityThresholds.DEFAULTS)
                .isEqualTo(new QualityThresholds(3.6, 3.1, 2.6, 0.2, 0.5, 0.5));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                // MOS above the scale
                Arguments.of(new double[] {4.6, 3.1, 2.6, 0.2, 0.5, 0.5}, "degradedMedianMos"),
                // MOS below the scale
                Arguments.of(new double[] {3.6, 0.5, 2.6, 0.2, 0.5, 0.5}, "degradedWorstDecileMos"),
                // NaN is no limit
                Arguments.of(new double[] {3.6, 3.1, Double.NaN, 0.2, 0.5, 0.5}, "outageMedianMos"),
                // negative share
                Arguments.of(new double[] {3.6, 3.1, 2.6, -0.1, 0.5, 0.5}, "degradedUnreachableShare"),
                // share above one
                Arguments.of(new double[] {3.6, 3.1, 2.6, 0.2, 1.5, 0.5}, "outageUnreachableShare"),
                // reporting share above one
                Arguments.of(new double[] {3.6, 3.1, 2.6, 0.2, 0.5, 1.1}, "minReportingShare"),
                // outage MOS limit above the degraded one
                Arguments.of(new double[] {3.0, 3.1, 3.2, 0.2, 0.5, 0.5}, "outageMedianMos"),
                // outage share below the degraded one
                Arguments.of(new double[] {3.6, 3.1, 2.6, 0.6, 0.5, 0.5}, "outageUnreachableShare"));
    }

    @ParameterizedTest(name = "rejects {1}")
    @MethodSource("invalid")
    void rejectsOutOfRangeValuesNamingTheField(double[] v, String field) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new QualityThresholds(v[0], v[1], v[2], v[3], v[4], v[5]))
                .withMessageContaining(field);
    }
}
