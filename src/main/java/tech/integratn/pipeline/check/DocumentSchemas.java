package tech.integratn.pipeline.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SpecificationVersion;
import java.util.Map;
import java.util.Optional;
import tech.integratn.pipeline.kind.PromiseKind;
import tech.integratn.pipeline.read.CrdSchema;
import tech.integratn.pipeline.schema.JsonSchemas;
import tech.integratn.pipeline.schema.JsonTree;

/**
 * The upstream schema of each kind of document this image renders (Kubernetes core kinds, Argo
 * CD, External Secrets), and the promises' own CRDs for sub-requests; each read and compiled
 * the first time a document of its kind is checked.
 */
public final class DocumentSchemas {
  /** Where the jar holds the compacted upstream schemas (build.BundledSchemas). */
  public static final String DIRECTORY = "upstream-schemas";
  private static final Map<String, String> FILES = Map.of(
      "v1/Namespace", "k8s-v1.32.2-standalone-strict.namespace-v1.json",
      "v1/ConfigMap", "k8s-v1.32.2-standalone-strict.configmap-v1.json",
      "v1/ServiceAccount", "k8s-v1.32.2-standalone-strict.serviceaccount-v1.json",
      "rbac.authorization.k8s.io/v1/Role", "k8s-v1.32.2-standalone-strict.role-rbac-v1.json",
      "rbac.authorization.k8s.io/v1/RoleBinding", "k8s-v1.32.2-standalone-strict.rolebinding-rbac-v1.json",
      "batch/v1/Job", "k8s-v1.32.2-standalone-strict.job-batch-v1.json",
      "argoproj.io/v1alpha1/Application", "argocd-v3.5.1.application-crd.application-argoproj-v1alpha1-strict.json",
      "argoproj.io/v1alpha1/AppProject", "argocd-v3.5.1.appproject-crd.appproject-argoproj-v1alpha1-strict.json",
      "external-secrets.io/v1beta1/ExternalSecret", "eso-v0.10.7.externalsecrets.externalsecret-external-secrets-v1beta1-strict.json",
      "external-secrets.io/v1/ExternalSecret", "eso-v2.9.0.externalsecrets.externalsecret-external-secrets-v1-strict.json");

  private DocumentSchemas() {}

  /** apiVersion/kind -> the upstream schema file (as in src/main/upstream-schemas/). */
  public static Map<String, String> files() {
    return FILES;
  }

  /** The schema of a document's apiVersion and kind; empty when none is bundled. */
  public static Optional<Schema> of(String apiVersion, String kind) {
    String key = apiVersion + "/" + kind;
    if (FILES.containsKey(key)) {
      return Optional.of(compileUpstream(FILES.get(key)));
    }
    if (PromiseKind.API_VERSION.equals(apiVersion)) {
      return PromiseKind.byKind(kind).map(CrdSchema::compiled);
    }
    return Optional.empty();
  }

  /**
   * The Kubernetes schemas are OpenAPI-derived draft-4 documents whose {@code $schema} names a
   * draft networknt does not load offline; the CRD-derived ones are draft 7.
   */
  private static Schema compileUpstream(String file) {
    boolean kubernetes = file.startsWith("k8s-");
    return JsonSchemas.compiled("urn:upstream:" + file,
        kubernetes ? SpecificationVersion.DRAFT_4 : SpecificationVersion.DRAFT_7, () -> {
          JsonNode schema = JsonTree.readResource(DIRECTORY + "/" + file);
          if (kubernetes && schema instanceof ObjectNode object) {
            object.remove("$schema");
          }
          return schema;
        });
  }
}
