package se.motesdagen.platform.test;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Validates JSON against the schemas of {@code contracts/}, which the build copies onto the classpath. */
public final class ContractSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private ContractSchemas() {}

    public static List<String> violations(String ceType, String json) {
        try (InputStream in = ContractSchemas.class.getResourceAsStream("/contracts/schemas/" + ceType + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("No contract schema for " + ceType);
            }
            Schema schema = REGISTRY.getSchema(in);
            return schema.validate(json, InputFormat.JSON).stream()
                    .map(Error::toString)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
