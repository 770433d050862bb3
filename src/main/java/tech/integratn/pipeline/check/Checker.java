package tech.integratn.pipeline.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.integratn.pipeline.Pipeline;
import tech.integratn.pipeline.PipelineException;
import tech.integratn.pipeline.PromiseKind;
import tech.integratn.pipeline.guard.OutputGuard;
import tech.integratn.pipeline.read.Request;
import tech.integratn.pipeline.read.RequestReader;
import tech.integratn.pipeline.render.RenderedFile;
import tech.integratn.pipeline.render.TemplateRenderer;
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

  public Checker(TemplateRenderer templates, PlatformSettings platform,
      Optional<StateRepository> state) {
    this.templates = templates;
    this.platform = platform;
    this.state = state;
  }

  /** The verdict, or empty when the document is not a request this image serves (skipped). */
  Optional<CheckResult> check(RequestDocuments.Document document) {
    Identity identity = Identity.of(document.text());
    if (!identity.isRequest()) {
      return Optional.empty();
    }
    List<CheckResult.Problem> errors = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<String> changes = new ArrayList<>();
    try {
      Request request = new RequestReader().parse(document.text(), document.file());
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      Pipeline pipeline = new Pipeline(new PrintStream(log, true, StandardCharsets.UTF_8));
      Pipeline.Rendered rendered = pipeline.render(request, templates, platform, null);
      new OutputGuard().check(rendered.files());
      validateDocuments(rendered.files(), "", errors);
      if (request.kind().emitsSubRequests()
          && request.kind().defaultMode() == PromiseKind.Mode.COMPOUND) {
        Pipeline.Rendered parts = pipeline.render(request, templates, platform,
            PromiseKind.Mode.DIRECT);
        new OutputGuard().check(parts.files());
        validateDocuments(parts.files(), "parts: ", errors);
      }
      log.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("warning:"))
          .distinct().forEach(warnings::add);
      state.ifPresent(repository -> changes.addAll(repository.changes(request, rendered.files())));
    } catch (PipelineException e) {
      errors.add(new CheckResult.Problem(e.path().orElse(document.where()), e.getMessage()));
    }
    return Optional.of(CheckResult.of(document.where(), identity.kind(), identity.name(), errors,
        warnings, changes));
  }

  private static void validateDocuments(List<RenderedFile> files, String prefix,
      List<CheckResult.Problem> errors) {
    for (RenderedFile file : files) {
      List<Object> documents = Yaml.loadAll(file.content(), Integer.MAX_VALUE);
      for (int i = 0; i < documents.size(); i++) {
        if (!(documents.get(i) instanceof Map<?, ?> map)) {
          continue;
        }
        String apiVersion = String.valueOf(map.get("apiVersion"));
        String kind = String.valueOf(map.get("kind"));
        String where = prefix + file.name() + " document " + (i + 1) + " (" + kind + ")";
        Optional<com.networknt.schema.Schema> schema = DocumentSchemas.of(apiVersion, kind);
        if (schema.isEmpty()) {
          errors.add(new CheckResult.Problem(where, "no schema is bundled for " + apiVersion
              + " " + kind + ", so it cannot be checked"));
          continue;
        }
        JsonNode tree = JsonTree.of(documents.get(i));
        for (Error error : schema.get().validate(tree)) {
          String at = JsonSchemas.keyPath(error);
          errors.add(new CheckResult.Problem(where + (at.isEmpty() ? "" : " at " + at),
              JsonSchemas.message(error)));
        }
      }
    }
  }

  /** A document's apiVersion, kind and name, read leniently to tell requests from other YAML. */
  record Identity(String apiVersion, String kind, String name) {
    static Identity of(String text) {
      try {
        List<Object> documents = Yaml.loadAll(text, 4 * 1024 * 1024);
        if (!documents.isEmpty() && documents.get(0) instanceof Map<?, ?> map) {
          Object metadata = map.get("metadata");
          Object name = metadata instanceof Map<?, ?> m ? m.get("name") : null;
          return new Identity(String.valueOf(map.get("apiVersion")),
              String.valueOf(map.get("kind")), name == null ? "" : String.valueOf(name));
        }
      } catch (RuntimeException notYaml) {
        // judged below: a file that is not YAML may still be meant as a request
        return new Identity(PromiseKind.API_VERSION, "(unreadable)", "");
      }
      return new Identity("", "", "");
    }

    /** Any document of the platform's API group is judged, so a misspelt kind is caught. */
    boolean isRequest() {
      return apiVersion.startsWith(PromiseKind.GROUP + "/");
    }
  }

}
