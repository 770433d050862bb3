package tech.integratn.pipeline;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.integratn.pipeline.admit.Admission;
import tech.integratn.pipeline.admit.Identity;
import tech.integratn.pipeline.failure.PipelineException;
import tech.integratn.pipeline.guard.OutputGuard;
import tech.integratn.pipeline.guard.RequestTexts;
import tech.integratn.pipeline.kind.Mode;
import tech.integratn.pipeline.read.Request;
import tech.integratn.pipeline.read.RequestReader;
import tech.integratn.pipeline.read.SchemaValidator;
import tech.integratn.pipeline.render.RenderedFile;
import tech.integratn.pipeline.render.StoredSize;
import tech.integratn.pipeline.render.TemplateRenderer;
import tech.integratn.pipeline.resolve.Resolution;
import tech.integratn.pipeline.resolve.Resolvers;
import tech.integratn.pipeline.resolve.StatusConditions;
import tech.integratn.pipeline.settings.PlatformSettings;
import tech.integratn.pipeline.write.OutputWriter;
import tech.integratn.pipeline.write.OutputWriter.Target;
import tech.integratn.pipeline.yaml.Yaml;

/** read -> admit -> resolve -> render -> guard -> write, for one Kratix workflow run. */
public final class Pipeline {
  public static final String STATUS_FILE = "status.yaml";

  /** Where the run reads and writes, and how. */
  public record Settings(Path input, Path output, Path metadata, TemplateRenderer templates,
      PlatformSettings platform, Mode mode, boolean dryRun) {}

  private final PrintStream log;
  private final boolean strictFields;
  /**
   * One guard for the request's texts and what is rendered from them: a text found clean in the
   * request is not read again in output.
   */
  private final OutputGuard guard = new OutputGuard();

  /** As the Kratix step reads a request (the API server has pruned unknown fields already). */
  public Pipeline(PrintStream log) {
    this(log, false);
  }

  /** {@code strictFields}: a field the CRD does not declare is refused, as kubectl apply does. */
  public Pipeline(PrintStream log, boolean strictFields) {
    this.log = log;
    this.strictFields = strictFields;
  }

  /**
   * What a request renders to, before the guard has looked at it. In direct mode
   * {@code subRequests} holds what compound mode would have published instead of {@code files}.
   * {@code warnings}: problems that do not stop the render, the parts' included.
   */
  public record Rendered(Request request, Resolution resolution, List<RenderedFile> files,
      List<RenderedFile> subRequests, List<String> warnings) {
    Rendered(Request request, Resolution resolution, List<RenderedFile> files) {
      this(request, resolution, files, List.of(), resolution.warnings());
    }
  }

  public void configure(Settings settings) {
    Rendered rendered = render(settings.input(), settings.templates(), settings.platform(),
        settings.mode());
    rendered.warnings().forEach(log::println);
    guard.check(rendered.files());
    write(settings, rendered);
  }

  /**
   * read, resolve and render; the guard has not run yet. {@code mode} null means the kind's own;
   * in direct mode each sub-request is rendered here, as its own promise would.
   */
  public Rendered render(Path input, TemplateRenderer templates, PlatformSettings platform,
      Mode mode) {
    return render(new RequestReader().read(input), templates, platform, mode);
  }

  /** As {@link #render(Path, TemplateRenderer, PlatformSettings, Mode)}, read already. */
  public Rendered render(Request request, TemplateRenderer templates, PlatformSettings platform,
      Mode mode) {
    Mode effective = request.kind().mode(mode);
    Rendered rendered = renderRequest(request, templates, platform);
    return effective == Mode.DIRECT ? direct(rendered, templates, platform) : rendered;
  }

  private Rendered renderRequest(Request request, TemplateRenderer templates,
      PlatformSettings platform) {
    new SchemaValidator(strictFields).validate(request);
    Identity identity = Admission.admit(request, platform);
    new RequestTexts(guard).check(request.spec());
    Resolution resolution = Resolvers.resolve(request, identity, platform);
    List<RenderedFile> files = templates.render(request.kind(), resolution.model());
    StoredSize.check(request.object(), files);
    return new Rendered(request, resolution, files);
  }

  /**
   * Direct mode: every sub-request the orchestrator rendered goes through its own kind here,
   * and its files are published under {@code <promise>/}. The status is the orchestrator's, with
   * each part's status under {@code parts}.
   */
  private Rendered direct(Rendered orchestrator, TemplateRenderer templates,
      PlatformSettings platform) {
    List<RenderedFile> files = new ArrayList<>();
    List<String> warnings = new ArrayList<>(orchestrator.warnings());
    Map<String, Object> parts = new LinkedHashMap<>();
    for (RenderedFile subRequest : orchestrator.files()) {
      Request part = new RequestReader().parse(subRequest.content(), Path.of(subRequest.name()));
      Rendered rendered = renderRequest(part, templates, platform);
      warnings.addAll(rendered.warnings());
      String folder = part.kind().promise() + "/";
      for (RenderedFile file : rendered.files()) {
        files.add(new RenderedFile(folder + file.name(), file.content()));
      }
      Map<String, Object> status = new LinkedHashMap<>(rendered.resolution().status());
      status.put("files", rendered.files().stream().map(f -> folder + f.name()).toList());
      parts.put(part.kind().promise(), status);
    }
    Map<String, Object> status = new LinkedHashMap<>(orchestrator.resolution().status());
    status.put("files", files.stream().map(RenderedFile::name).toList());
    status.put("parts", parts);
    Resolution resolution = new Resolution(orchestrator.resolution().model(), status,
        orchestrator.resolution().warnings());
    return new Rendered(orchestrator.request(), resolution, files, orchestrator.files(),
        warnings.stream().distinct().toList());
  }

  private void write(Settings settings, Rendered rendered) {
    Request request = rendered.request();
    Resolution resolution = rendered.resolution();
    List<RenderedFile> files = rendered.files();

    List<Target> targets = new ArrayList<>();
    for (RenderedFile file : files) {
      targets.add(new Target(settings.output(), file.name(), file.content()));
    }
    targets.add(new Target(settings.metadata(), STATUS_FILE,
        Yaml.document(StatusConditions.withRendered(resolution.status(), request))));
    new OutputWriter().writeAll(settings.output(), targets);
    for (Target target : targets) {
      log.println("wrote " + target.directory().resolve(target.name()));
    }
    if (settings.dryRun()) {
      // Kratix's preview diffs this output against the live one: it must be the same bytes.
      log.println("dry run (KRATIX_DRY_RUN=true): the output above is exactly what a real run "
          + "writes; this image has no side effects to suppress");
    }
    log.println("rendered " + files.size() + " files for " + describe(request) + ": "
        + resolution.status().get("message"));
  }

  /** Kratix removes what configure published once this exits 0; there is nothing to write. */
  public void delete(Path input) {
    String what;
    List<String> files;
    try {
      Request request = new RequestReader().read(input);
      what = describe(request);
      files = request.kind().publishedFiles();
    } catch (PipelineException e) {
      log.println("delete: the input could not be read (" + e.getMessage() + "); continuing");
      log.println("delete: nothing to write; Kratix removes what the configure workflow published");
      return;
    }
    log.println("delete: " + what + ": Kratix will remove the published " + String.join(", ", files));
    log.println("delete: nothing to write; exiting 0");
  }

  private static String describe(Request request) {
    return request.kind().kind() + " " + request.namespace() + "/" + request.name();
  }

}
