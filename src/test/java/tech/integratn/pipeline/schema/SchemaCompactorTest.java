package tech.integratn.pipeline.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tech.integratn.pipeline.Fixtures;
import tech.integratn.pipeline.UpstreamSchemas;
import tech.integratn.pipeline.schema.JsonSchemas;
import tech.integratn.pipeline.schema.JsonTree;
import tech.integratn.pipeline.schema.SchemaCompactor;

/**
 * The jar ships the chart schemas without annotations; they must judge Helm values exactly as
 * the upstream files do.
 */
@Tag("slow")
class SchemaCompactorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static List<String> versions() {
    return UpstreamSchemas.chartVersions();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("versions")
  void theJarShipsTheUpstreamSchemaCompacted(String version) throws IOException {
    JsonNode shipped;
    try (InputStream in = getClass().getClassLoader()
        .getResourceAsStream("vcluster-chart/values.schema-" + version + ".json")) {
      assertThat(in).as("the build's compacted schema").isNotNull();
      shipped = JsonTree.read(in);
    }
    JsonNode upstream = UpstreamSchemas.chartSchemaFile(UpstreamSchemas.schemaFileOf(version));
    assertThat(shipped).isEqualTo(SchemaCompactor.compact(upstream));
    assertThat(shipped.toString().length()).isLessThan(upstream.toString().length() / 2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("versions")
  void compactedAndUpstreamSchemasReportTheSameErrors(String version) throws IOException {
    JsonNode upstream = UpstreamSchemas.chartSchemaFile(UpstreamSchemas.schemaFileOf(version));
    Schema full = JsonSchemas.compile(upstream, SpecificationVersion.DRAFT_2020_12, "urn:full");
    Schema compact = JsonSchemas.compile(SchemaCompactor.compact(upstream),
        SpecificationVersion.DRAFT_2020_12, "urn:compact");
    List<JsonNode> samples = new ArrayList<>();
    for (JsonNode values : goldenHelmValues()) {
      samples.add(values);
      samples.addAll(mutations(values));
    }
    assertThat(samples).hasSizeGreaterThan(200);
    int invalid = 0;
    for (JsonNode sample : samples) {
      List<String> expected = errors(full, sample);
      assertThat(errors(compact, sample)).as(sample.toString()).isEqualTo(expected);
      invalid += expected.isEmpty() ? 0 : 1;
    }
    assertThat(invalid).as("mutations the chart rejects").isGreaterThan(100);
  }

  @Test
  void onlyAnnotationsInSchemaPositionsAreRemoved() throws IOException {
    JsonNode schema = JSON.readTree("""
        {"$schema": "https://json-schema.org/draft/2020-12/schema", "description": "root",
         "properties": {
           "description": {"type": "string", "description": "a property called description"},
           "mode": {"enum": [{"description": "data"}], "default": {"description": "data"}},
           "list": {"items": {"title": "t", "type": "integer"}},
           "either": {"anyOf": [{"$comment": "c", "type": "string"}, true]}},
         "$defs": {"x": {"examples": [1], "const": {"title": "data"}}},
         "additionalProperties": false}""");
    assertThat(SchemaCompactor.compact(schema)).isEqualTo(JSON.readTree("""
        {"$schema": "https://json-schema.org/draft/2020-12/schema",
         "properties": {
           "description": {"type": "string"},
           "mode": {"enum": [{"description": "data"}]},
           "list": {"items": {"type": "integer"}},
           "either": {"anyOf": [{"type": "string"}, true]}},
         "$defs": {"x": {"const": {"title": "data"}}},
         "additionalProperties": false}"""));
  }

  private static List<String> errors(Schema schema, JsonNode instance) {
    return schema.validate(instance).stream()
        .map(e -> e.getInstanceLocation() + " " + e.getKeyword() + " " + e.getMessage())
        .toList();
  }

  /** The vcluster Helm values of every golden case. */
  private static List<JsonNode> goldenHelmValues() throws IOException {
    List<JsonNode> values = new ArrayList<>();
    for (Path fixture : Fixtures.cases()) {
      for (JsonNode document : Fixtures.expectedDocuments(fixture)) {
        values.addAll(Fixtures.helmValues(document));
      }
    }
    assertThat(values).hasSizeGreaterThan(10);
    return values;
  }

  /** Each object gains an unknown key; each scalar becomes a value of another type, or other text. */
  private static List<JsonNode> mutations(JsonNode values) {
    List<JsonNode> mutated = new ArrayList<>();
    List<String> objects = new ArrayList<>();
    List<String> scalars = new ArrayList<>();
    paths(values, "", objects, scalars);
    for (String path : objects) {
      JsonNode copy = values.deepCopy();
      ((ObjectNode) copy.at(path.isEmpty() ? "" : path)).put("notAChartKey", true);
      mutated.add(copy);
    }
    for (String path : scalars) {
      JsonNode copy = values.deepCopy();
      int slash = path.lastIndexOf('/');
      JsonNode parent = copy.at(path.substring(0, slash));
      if (parent instanceof ObjectNode object) {
        String key = path.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (object.get(key).isTextual()) {
          JsonNode otherText = copy.deepCopy();
          ((ObjectNode) otherText.at(path.substring(0, slash))).put(key, "not-an-allowed-value");
          mutated.add(otherText);
          object.put(key, 7);
        } else {
          object.put(key, "seven");
        }
        mutated.add(copy);
      }
    }
    return mutated;
  }

  private static void paths(JsonNode node, String path, List<String> objects, List<String> scalars) {
    if (node.isObject()) {
      objects.add(path);
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        paths(field.getValue(), path + "/" + field.getKey().replace("~", "~0").replace("/", "~1"),
            objects, scalars);
      }
    } else if (node.isValueNode()) {
      scalars.add(path);
    }
  }
}
