package se.motesdagen.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import se.motesdagen.platform.test.ContractSchemas;

/**
 * Every contract in {@code contracts/} has its example, and the example passes its own schema: the
 * examples are what consumers' tests send, so one that its schema refuses would test nothing (or
 * everything would go to the dead-letter topic in production, as a too-strict format once did).
 */
class ContractExamplesTests {

    private static final Path CONTRACTS = Path.of("..", "contracts");

    @Test
    void everySchemaHasAnExampleThatPassesIt() throws IOException {
        List<String> types;
        try (Stream<Path> schemas = Files.list(CONTRACTS.resolve("schemas"))) {
            types = schemas.map(p -> p.getFileName().toString().replaceFirst("\\.json$", ""))
                    .sorted()
                    .toList();
        }
        assertThat(types).hasSizeGreaterThan(30);
        for (String type : types) {
            Path example = CONTRACTS.resolve("examples").resolve(type + ".json");
            assertThat(example).as("the example of %s", type).exists();
            assertThat(ContractSchemas.violations(type, Files.readString(example)))
                    .as("the example of %s against its schema", type)
                    .isEmpty();
        }
    }
}
