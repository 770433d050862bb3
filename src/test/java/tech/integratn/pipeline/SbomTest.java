package tech.integratn.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The build's software bill of materials (target/bom.json, from the CycloneDX Maven plugin) is
 * valid against the CycloneDX 1.6 JSON schema, names the runtime libraries the image ships, and
 * holds nothing that changes from build to build (no serial number; the build's fixed time).
 */
class SbomTest {
  private static final String SCHEMAS = "http://cyclonedx.org/schema/";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theSbomIsValidCycloneDxAndReproducible() throws IOException {
    Path bom = Fixtures.projectRoot().resolve("target/bom.json");
    if (!Files.exists(bom)) {
      // The plugin runs only when Maven is online, as CI is; offline it is skipped.
      assertThat("true".equals(System.getenv("CI"))).as("CI builds the SBOM").isFalse();
      Assumptions.abort("no target/bom.json: Maven ran offline");
    }
    Map<String, String> schemas = new HashMap<>();
    for (String name : new String[] {"bom-1.6.schema.json", "spdx.schema.json", "jsf-0.82.schema.json"}) {
      try (InputStream in = SbomTest.class.getClassLoader().getResourceAsStream(name)) {
        assertThat(in).as(name).isNotNull();
        schemas.put(SCHEMAS + name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
        builder -> builder.schemas(schemas)).getSchema(SchemaLocation.of(SCHEMAS + "bom-1.6.schema.json"));
    JsonNode document = JSON.readTree(bom.toFile());

    assertThat(schema.validate(document)).isEmpty();
    assertThat(document.path("specVersion").asText()).isEqualTo("1.6");
    assertThat(document.has("serialNumber")).as("no random serial number").isFalse();
    String timestamp = document.at("/metadata/timestamp").asText("");
    assertThat(timestamp.isEmpty() || timestamp.startsWith("2026-11-30T00:00:00"))
        .as("no build time, or the build's fixed one: %s", timestamp).isTrue();
    assertThat(document.path("components").toString())
        .contains("picocli", "snakeyaml-engine", "freemarker", "json-schema-validator")
        .doesNotContain("junit").doesNotContain("assertj");
  }
}
