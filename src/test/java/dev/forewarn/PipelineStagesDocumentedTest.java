package dev.forewarn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/architecture.md shows the stage lists as they are in {@link Pipeline}, in order, with what runs each. */
class PipelineStagesDocumentedTest {

    @Test
    void theArchitecturePageListsTheStagesOfEveryPathAsTheCodeOrdersThem() throws IOException {
        String doc = Files.readString(Path.of("docs", "architecture.md"));
        for (List<Pipeline.Stage> path : List.of(Pipeline.REGION_STAGES, Pipeline.MAINTENANCE_STAGES,
                Pipeline.TICKET_STAGES)) {
            String table = path.stream().map(s -> "| " + s.name() + " | " + code(s.runBy()) + " |")
                    .collect(Collectors.joining("\n", "| stage | run by |\n|---|---|\n", "\n"));
            String order = "**" + path.stream().map(Pipeline.Stage::name).collect(Collectors.joining(" → ")) + "**";
            assertThat(doc).contains(order + "\n\n" + table);
        }
    }

    /** Class names (and a member after one, {@code IncidentChange.muted}) as Markdown code. */
    private static String code(String runBy) {
        return runBy.replaceAll("([A-Z][A-Za-z]+(\\.[a-z]+)?)", "`$1`");
    }
}
