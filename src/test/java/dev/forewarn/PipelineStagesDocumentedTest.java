package dev.forewarn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/architecture.md shows the stage lists as they are in {@link Pipeline}, in order, with who runs each. */
class PipelineStagesDocumentedTest {

    @Test
    void theArchitecturePageListsTheStagesOfBothPathsAsTheCodeOrdersThem() throws IOException {
        String doc = Files.readString(Path.of("docs", "architecture.md"));
        for (List<Pipeline.Stage> path : List.of(Pipeline.REGION_STAGES, Pipeline.TICKET_STAGES)) {
            assertThat(doc).contains("**" + path.stream().map(Pipeline.Stage::name)
                    .collect(Collectors.joining(" → ")) + "**");
            for (Pipeline.Stage stage : path) {
                assertThat(doc).contains("| " + stage.name() + " | " + stage.runBy().replaceAll("([A-Z][A-Za-z]+(\\.[a-z]+)?)", "`$1`") + " |");
            }
        }
    }
}
