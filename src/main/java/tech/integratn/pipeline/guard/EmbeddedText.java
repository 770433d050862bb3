package tech.integratn.pipeline.guard;

import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import tech.integratn.pipeline.guard.OutputGuard.Fields;

/**
 * Where the platform's documents carry YAML as text that something else later applies: Helm
 * values text (a VClusterCore's spec.valuesYaml, its ConfigMap's values.yaml, an Application's
 * helm.values) and, inside any Helm values, vcluster's experimental.deploy manifests.
 */
record EmbeddedText(String path, String text) {
  private static final String[][] HELM_VALUES_TEXT = {
      {"spec", "valuesYaml"}, {"data", "values.yaml"}, {"spec", "source", "helm", "values"}};
  private static final String[] DEPLOY_SIDES = {"host", "vcluster"};
  private static final String[] DEPLOY_FIELDS = {"manifests", "manifestsTemplate"};

  /** Helm values given as text in a manifest. */
  static List<EmbeddedText> helmValuesText(Fields document) {
    List<EmbeddedText> found = new ArrayList<>();
    for (String[] path : HELM_VALUES_TEXT) {
      if (document.at(path) instanceof ScalarNode scalar) {
        found.add(new EmbeddedText(String.join(".", path), scalar.getValue()));
      }
    }
    return found;
  }

  /** Helm values given as a map in a manifest (an Argo CD Application's valuesObject). */
  static List<Node> helmValuesMaps(Fields document) {
    Node valuesObject = document.at("spec", "source", "helm", "valuesObject");
    return valuesObject instanceof MappingNode ? List.of(valuesObject) : List.of();
  }

  /** vcluster's experimental.deploy.{host,vcluster}.{manifests,manifestsTemplate} texts. */
  static List<EmbeddedText> manifests(Node helmValues) {
    List<EmbeddedText> found = new ArrayList<>();
    if (helmValues instanceof MappingNode mapping) {
      Fields values = Fields.of(mapping);
      for (String side : DEPLOY_SIDES) {
        for (String field : DEPLOY_FIELDS) {
          if (values.at("experimental", "deploy", side, field) instanceof ScalarNode scalar) {
            found.add(new EmbeddedText("experimental.deploy." + side + "." + field,
                scalar.getValue()));
          }
        }
      }
    }
    return found;
  }
}
