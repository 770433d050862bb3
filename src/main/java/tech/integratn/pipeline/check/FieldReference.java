package tech.integratn.pipeline.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import tech.integratn.pipeline.install.BundledPromises;
import tech.integratn.pipeline.kind.PromiseKind;
import tech.integratn.pipeline.read.CrdSchema;
import tech.integratn.pipeline.schema.JsonTree;

/**
 * The request field reference (docs/reference.md), written from the CRDs the promises install,
 * so it says what {@code kubectl apply} and {@code render check} accept and nothing else; a test
 * keeps the file equal to it.
 */
public final class FieldReference {
  private FieldReference() {}

  public static String markdown() {
    StringBuilder out = new StringBuilder("# Request field reference\n\n"
        + "Written from the CRDs in `promises/` (`" + FieldReference.class.getSimpleName()
        + "`; a test keeps this file equal to them: after changing a CRD, run\n"
        + "`mvn -q test -Dtest=FieldReferenceTest -Dreference.update=true`). Every kind is `apiVersion: "
        + PromiseKind.API_VERSION + "`. Teams write `VClusterOrchestrator` requests; the other kinds\n"
        + "are what an orchestrator publishes (its sub-requests), listed for reading the state "
        + "repository. Examples: `docs/examples/`.\n\n"
        + "A field marked **required** must be set; every other field has the default its "
        + "description gives. Unknown fields are refused (`render check`, `kubectl apply`).\n");
    for (PromiseKind kind : PromiseKind.values()) {
      JsonNode promise = JsonTree.of(BundledPromises.read(kind));
      JsonNode schema = CrdSchema.openApiSchema(promise, kind);
      out.append("\n## ").append(kind.kind()).append("\n\nPromise `").append(kind.promise())
          .append("`.\n\n| field | type | description |\n|---|---|---|\n");
      fields(schema.path("properties").path("spec"), "spec", true, out);
    }
    return out.toString();
  }

  private static void fields(JsonNode node, String path, boolean required, StringBuilder out) {
    out.append("| `").append(path).append("` | ").append(type(node)).append(" | ")
        .append(required ? "**required**. " : "").append(cell(node.path("description").asText()))
        .append(" |\n");
    Set<String> requiredKeys = new HashSet<>();
    node.path("required").forEach(r -> requiredKeys.add(r.asText()));
    for (Iterator<Map.Entry<String, JsonNode>> it = node.path("properties").fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> field = it.next();
      fields(field.getValue(), path + "." + field.getKey(), requiredKeys.contains(field.getKey()), out);
    }
    JsonNode items = node.path("items");
    if (items.path("properties").size() > 0) {
      fields(items, path + "[]", false, out);
    }
  }

  private static String type(JsonNode node) {
    String type = node.path("type").asText("any");
    if (node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
      return type + " (free-form)";
    }
    if (type.equals("array")) {
      return "array of " + node.path("items").path("type").asText("any");
    }
    if (type.equals("object") && node.has("additionalProperties")
        && !node.path("properties").isObject()) {
      return "map of " + node.path("additionalProperties").path("type").asText("any");
    }
    return type;
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("<", "&lt;").replace("\n", " ").strip();
  }
}
