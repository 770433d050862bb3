package tech.integratn.pipeline.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;
import tech.integratn.pipeline.Pipeline;
import tech.integratn.pipeline.failure.PipelineException;
import tech.integratn.pipeline.guard.ForbiddenKinds;
import tech.integratn.pipeline.guard.OutputGuard;
import tech.integratn.pipeline.kind.Mode;
import tech.integratn.pipeline.kind.PromiseKind;
import tech.integratn.pipeline.read.Request;
import tech.integratn.pipeline.read.RequestReader;
import tech.integratn.pipeline.render.RenderedFile;
import tech.integratn.pipeline.render.TemplateRenderer;
import tech.integratn.pipeline.resolve.KubeconfigSyncResolver;
import tech.integratn.pipeline.resolve.OrchestratorModel;
import tech.integratn.pipeline.resolve.Resolution;
import tech.integratn.pipeline.resolve.SubRequestResolvers;
import tech.integratn.pipeline.schema.JsonSchemas;
import tech.integratn.pipeline.schema.JsonTree;
import tech.integratn.pipeline.settings.PlatformSettings;
import tech.integratn.pipeline.yaml.Yaml;

/**
 * Judges one request document as the Kratix step would, and more: the CRD and the rules, the
 * chart schema, the render, the Secret guard, then every rendered document against its upstream
 * schema (and, for a request with parts, every part rendered as its own promise would).
 */
public final class Checker {
  private final TemplateRenderer templates;
  private final PlatformSettings platform;
  private final Optional<StateRepository> state;
  private final boolean withParts;
  private final boolean lenient;

  /**
   * {@code withParts}: also render each part of a request with parts, as its own promise would
   * (slower; the sub-requests are checked against their promises' CRDs either way).
   * {@code lenient}: ignore fields the CRD does not declare, as the Kratix step does, instead of
   * refusing them as {@code kubectl apply} does.
   */
  public Checker(TemplateRenderer templates, PlatformSettings platform,
      Optional<StateRepository> state, boolean withParts, boolean lenient) {
    this.templates = templates;
    this.platform = platform;
    this.state = state;
    this.withParts = withParts;
    this.lenient = lenient;
  }

  /**
   * The verdict, or empty when the document is not a request this image serves (skipped). Never
   * throws: a file that could not be read, and anything the check itself fails on, is a verdict.
   */
  Optional<CheckResult> verdict(RequestDocuments.Document document) {
    return judged(document).map(result -> located(document, result));
  }

  /**
   * The verdict with the file it is in and the line of each problem (where its field is, else
   * where its document starts), for annotations that land on the line.
   */
  private static CheckResult located(RequestDocuments.Document document, CheckResult result) {
    FieldLines fields = document.text() == null || result.ok() ? null
        : new FieldLines(document.text());
    List<Integer> lines = new ArrayList<>();
    for (PipelineException.Problem problem : result.errors()) {
      int line = problem.line() > 0 ? problem.line() - 1
          : fields == null ? -1 : fields.line(problem.path());
      lines.add(document.line() + Math.max(0, line));
    }
    return result.locatedIn(document.source(), document.line(), lines);
  }

  private Optional<CheckResult> judged(RequestDocuments.Document document) {
    long start = System.nanoTime();
    if (document.passedOver() != null) {
      return Optional.empty();
    }
    if (document.unreadable() != null) {
      return Optional.of(CheckResult.of(document.where(),
          CheckResult.Subject.unread("(unreadable)"), List.of(new PipelineException.Problem(
              document.where(), "the file " + document.unreadable())), List.of(), List.of(),
          seconds(start)));
    }
    try {
      return check(document, start);
    } catch (PipelineException e) {
      // A template missing or broken is the run's (--templates), not this request's: exit 5.
      throw e;
    } catch (RuntimeException e) {
      // Only a bug ends here; an error of the JVM's own (out of memory) ends the run, exit 1:
      // every reading is bounded so that none can cause one (docs/safety.md).
      return Optional.of(CheckResult.of(document.where(), CheckResult.Subject.unread("(unchecked)"),
          List.of(new PipelineException.Problem(document.where(), "the check could not finish (a bug "
              + "in the image; please report it with this file)")), List.of(), List.of(),
          seconds(start)));
    }
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private Optional<CheckResult> check(RequestDocuments.Document document, long start) {
    DocumentIdentity identity = DocumentIdentity.of(document.text());
    if (!identity.isRequest()) {
      // What looks like a request, or is a Secret, fails: skipped, it would pass the gate.
      return identity.refusal(document.text()).map(problem -> CheckResult.of(document.where(),
          new CheckResult.Subject(identity.kind().isEmpty() || identity.kind().equals("null")
              ? "(document)" : identity.kind(), "", nameOf(document.text())), List.of(problem),
          List.of(), List.of(), seconds(start)));
    }
    List<PipelineException.Problem> errors = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<CheckResult.Change> changes = new ArrayList<>();
    String name = "";
    String namespace = "";
    Map<String, String> claims = new java.util.LinkedHashMap<>();
    try {
      Request request = new RequestReader().parse(document.text(), document.file());
      name = request.name();
      namespace = request.namespace();
      Pipeline pipeline = new Pipeline(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), !lenient);
      // With parts, a request with parts renders once, directly: what compound mode publishes
      // (its sub-requests) and what each part's own promise then publishes, both checked.
      Mode mode = withParts ? request.kind().modeWithParts() : request.kind().mode(null);
      Pipeline.Rendered rendered = pipeline.render(request, templates, platform, mode);
      boolean compound = request.kind().publishesSubRequestsOf(mode);
      List<RenderedFile> published = compound ? rendered.subRequests() : rendered.files();
      OutputGuard guard = new OutputGuard();
      validateDocuments(published, guard.checkAndParse(published), "", errors);
      if (compound) {
        validateDocuments(rendered.files(), guard.checkAndParse(rendered.files()), "parts: ", errors);
      }
      warnings.addAll(rendered.warnings());
      claims.putAll(claims(rendered.resolution()));
      state.ifPresent(repository -> changes.addAll(repository.changes(request, published)));
    } catch (PipelineException e) {
      if (e.exitCode() == tech.integratn.pipeline.failure.ExitCode.TEMPLATE_ERROR) {
        throw e;
      }
      for (PipelineException.Problem problem : e.problems()) {
        // The report names the place and the file once, so the problem is said without them;
        // a check writes nothing, so an output refusal is said in the request's terms.
        String message = e.heading() == PipelineException.Heading.OUTPUT_REFUSED
            ? "the render would refuse its output (nothing would be published): " + e.said(problem)
            : problem.message();
        errors.add(new PipelineException.Problem(problem.path().isEmpty() ? document.where()
            : problem.path(), message, "", problem.line()));
      }
    }
    return Optional.of(CheckResult.of(document.where(), new CheckResult.Subject(identity.kind(),
        namespace, name.isEmpty() ? nameOf(document.text()) : name), errors, warnings, changes,
        seconds(start)).claiming(claims));
  }

  /** What a vcluster's status says it owns that no other request may also own, by what it is. */
  private static final Map<String, String> CLAIMED = Map.of(
      "hostname", "hostname",
      "targetNamespace", "vcluster namespace",
      "argocdProject", "Argo CD project",
      "argocdApplication", "Argo CD application",
      "onepasswordItem", "1Password item",
      "vip", "load-balancer IP");

  /**
   * What a request owns that no other may: a vcluster's from its status, a sub-request's (which
   * a tenant could commit on its own) from its model.
   */
  private static Map<String, String> claims(Resolution resolution) {
    Map<String, String> claims = new java.util.TreeMap<>();
    Object model = resolution.model();
    if (model instanceof OrchestratorModel) {
      CLAIMED.forEach((key, what) -> {
        if (resolution.status().get(key) instanceof String value && !value.isEmpty()) {
          claims.put(what, value);
        }
      });
    } else if (model instanceof SubRequestResolvers.CoreModel core) {
      claims.put("vcluster namespace", core.targetNamespace());
    } else if (model instanceof SubRequestResolvers.ProjectModel project) {
      claims.put("Argo CD project", project.name());
    } else if (model instanceof SubRequestResolvers.ApplicationModel application) {
      claims.put("Argo CD application", application.name());
    } else if (model instanceof KubeconfigSyncResolver.KubeconfigSyncModel sync) {
      claims.put("1Password item", sync.connect().item());
    } else if (model instanceof SubRequestResolvers.ClusterRegistrationModel registration) {
      claims.put("Argo CD cluster", registration.cluster().secret());
    }
    return claims;
  }

  /**
   * The name of a request that could not be read as one, for the report only: the first
   * {@code name:} indented under a top-level {@code metadata:}, found line by line (a regular
   * expression over a hostile file could take more than linear time).
   */
  static String nameOf(String text) {
    boolean inMetadata = false;
    for (String line : (Iterable<String>) text.lines()::iterator) {
      if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
        inMetadata = line.startsWith("metadata:");
        int flow = line.indexOf("name:");
        if (inMetadata && flow > 0) {
          return token(line.substring(flow + 5));
        }
      } else if (inMetadata && line.strip().startsWith("name:")) {
        return token(line.strip().substring(5));
      }
    }
    return "";
  }

  private static String token(String rest) {
    String value = rest.strip();
    int end = 0;
    while (end < value.length() && " \t\"'#,}".indexOf(value.charAt(end)) < 0) {
      end++;
    }
    if (end == 0 && !value.isEmpty() && (value.charAt(0) == '"' || value.charAt(0) == '\'')) {
      return token(value.substring(1));
    }
    return value.substring(0, Math.min(end, 253));
  }

  /** Every document (as the guard parsed it) against the schema of its kind. */
  private static void validateDocuments(List<RenderedFile> files, List<List<Node>> parsed,
      String prefix, List<PipelineException.Problem> errors) {
    for (int f = 0; f < files.size(); f++) {
      RenderedFile file = files.get(f);
      List<Object> documents = new ArrayList<>();
      for (Node node : parsed.get(f)) {
        documents.add(Yaml.construct(node, Integer.MAX_VALUE));
      }
      for (int i = 0; i < documents.size(); i++) {
        if (!(documents.get(i) instanceof Map<?, ?> map)) {
          continue;
        }
        String apiVersion = String.valueOf(map.get("apiVersion"));
        String kind = String.valueOf(map.get("kind"));
        String where = prefix + file.name() + " document " + (i + 1) + " (" + kind + ")";
        Optional<com.networknt.schema.Schema> schema = DocumentSchemas.of(apiVersion, kind);
        if (schema.isEmpty()) {
          errors.add(new PipelineException.Problem(where, "no schema is bundled for " + apiVersion
              + " " + kind + ", so it cannot be checked"));
          continue;
        }
        JsonNode tree = JsonTree.of(documents.get(i));
        for (Error error : schema.get().validate(tree)) {
          String at = JsonSchemas.keyPath(error);
          errors.add(new PipelineException.Problem(where + (at.isEmpty() ? "" : " at " + at),
              JsonSchemas.message(error)));
        }
      }
    }
  }

  /**
   * A document's apiVersion and kind, to tell requests from other YAML: from its top-level lines
   * when it has them (a full read costs as much as the check's own), else read leniently.
   */
  record DocumentIdentity(String apiVersion, String kind) {
    /** A top-level {@code key: value} line's value, scanned line by line (linear on any file). */
    private static String topLevel(String text, String key) {
      for (String line : (Iterable<String>) text.lines()::iterator) {
        if (line.startsWith(key + ":")) {
          return token(line.substring(key.length() + 1));
        }
      }
      return "";
    }

    static DocumentIdentity of(String text) {
      String apiVersion = topLevel(text, "apiVersion");
      String kind = topLevel(text, "kind");
      if (!apiVersion.isEmpty() && !kind.isEmpty()) {
        return new DocumentIdentity(apiVersion, kind);
      }
      try {
        List<Object> documents = Yaml.loadAll(text, 4 * 1024 * 1024);
        if (!documents.isEmpty() && documents.get(0) instanceof Map<?, ?> map) {
          return new DocumentIdentity(String.valueOf(map.get("apiVersion")), String.valueOf(map.get("kind")));
        }
      } catch (RuntimeException notYaml) {
        // judged below: a file that is not YAML may still be meant as a request
        return new DocumentIdentity(PromiseKind.API_VERSION, "(unreadable)");
      }
      return new DocumentIdentity("", "");
    }

    /** Any document of the platform's API group is judged, so a misspelt kind is caught. */
    boolean isRequest() {
      return apiVersion.startsWith(PromiseKind.GROUP + "/");
    }

    /** What a skipped document is, for the report: "apps/v1 Deployment". */
    String described() {
      boolean known = !apiVersion.isEmpty() && !apiVersion.equals("null");
      boolean named = !kind.isEmpty() && !kind.equals("null");
      return known || named ? ((known ? apiVersion + " " : "") + (named ? kind : "(no kind)")).strip()
          : "YAML that is not a Kubernetes object";
    }

    /**
     * Why a document that is not of the platform's group still fails the gate, if it does: a
     * Secret anywhere in it (its data is only base64, readable by anyone who reads the
     * repository), or a document that looks like a request (one of the platform's kinds, or an
     * API group close to the platform's) that no promise would ever serve.
     */
    Optional<PipelineException.Problem> refusal(String text) {
      int line = 0;
      for (String raw : (Iterable<String>) text.lines()::iterator) {
        String stripped = raw.strip();
        if (stripped.startsWith("- ")) {
          stripped = stripped.substring(2).strip();
        }
        String written = stripped.startsWith("kind:") ? token(stripped.substring(5)) : "";
        if (ForbiddenKinds.CORE.names().contains(written)) {
          boolean top = line == 0 || raw.startsWith("kind:");
          return Optional.of(new PipelineException.Problem(top ? "kind" : "line " + (line + 1),
              "is a Kubernetes Secret (kind: " + written + "): its data is only base64, "
              + "readable by everyone who can read this repository. Remove it, rotate what it "
              + "held, and keep the value in 1Password, where an ExternalSecret reads it", "",
              top ? 0 : line + 1));
        }
        line++;
      }
      String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/'))
          : "";
      boolean ourKind = PromiseKind.byKind(kind).isPresent();
      // A kind close to one of ours counts only without an API group to say what it is:
      // Cluster API's Cluster is not a misspelt VCluster.
      boolean noGroup = apiVersion.isEmpty() || apiVersion.equals("null");
      Optional<String> closeKind = ourKind ? Optional.of(kind) : !noGroup ? Optional.empty()
          : tech.integratn.pipeline.read.Suggestion.closest(kind, java.util.Arrays.stream(
              PromiseKind.values()).map(PromiseKind::kind).toList()).filter(k -> kind.length() >= 6);
      boolean closeGroup = !group.isEmpty() && (group.toLowerCase(java.util.Locale.ROOT)
          .contains("integratn") || tech.integratn.pipeline.read.Suggestion.closest(group,
              List.of(PromiseKind.GROUP)).isPresent());
      if (closeGroup || closeKind.isPresent()) {
        String meant = PromiseKind.API_VERSION + (closeKind.isPresent() ? " " + closeKind.get()
            : "");
        String found = (apiVersion.isEmpty() || apiVersion.equals("null") ? "no apiVersion"
            : "apiVersion " + apiVersion) + (kind.isEmpty() || kind.equals("null") ? ""
            : ", kind " + kind);
        return Optional.of(new PipelineException.Problem("apiVersion", "looks like a request (" + found + ") but no promise serves it, "
            + "so Kratix would never render it (did you mean " + meant + "?). Fix the API group"
            + (closeKind.isPresent() && !ourKind ? " and the kind" : "") + ", or --exclude the "
            + "file if it is not a request"));
      }
      return Optional.empty();
    }
  }
}
