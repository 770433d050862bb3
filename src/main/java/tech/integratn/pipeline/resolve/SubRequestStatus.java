package tech.integratn.pipeline.resolve;

import static tech.integratn.pipeline.yaml.Tree.map;

import java.util.List;
import java.util.Map;
import tech.integratn.pipeline.kind.PromiseKind;

/** The short status a sub-request gets: what was rendered, and where. */
final class SubRequestStatus {
  private SubRequestStatus() {}

  static Map<String, Object> of(PromiseKind kind, String name, String namespace) {
    List<String> files = kind.outputFiles();
    return map(
        "message", kind.kind() + " " + name + " rendered into " + namespace + ": "
            + String.join(", ", files),
        "files", List.copyOf(files));
  }
}
