package tech.integratn.pipeline;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tech.integratn.pipeline.guard.OutputGuard;
import tech.integratn.pipeline.read.Request;
import tech.integratn.pipeline.read.RequestReader;
import tech.integratn.pipeline.read.SchemaValidator;
import tech.integratn.pipeline.render.RenderedFile;
import tech.integratn.pipeline.render.TemplateRenderer;
import tech.integratn.pipeline.resolve.Resolution;
import tech.integratn.pipeline.resolve.StatusConditions;
import tech.integratn.pipeline.settings.PlatformSettings;
import tech.integratn.pipeline.write.OutputWriter;
import tech.integratn.pipeline.write.OutputWriter.Target;
import tech.integratn.pipeline.yaml.Yaml;

/** read -> resolve -> render -> guard -> write, for one Kratix workflow run. */
public final class Pipeline {
  public static final String STATUS_FILE = "status.yaml";

  /** Where the run reads and writes, and how. */
  public record Settings(Path input, Path output, Path metadata, TemplateRenderer templates,
      PlatformSettings platform, boolean dryRun) {}

  private final PrintStream log;

  public Pipeline(PrintStream log) {
    this.log = log;
  }

  /** What a request renders to, before the guard has looked at it. */
  public record Rendered(Request request, Resolution resolution, List<RenderedFile> files) {}

  public void configure(Settings settings) {
    Rendered rendered = render(settings.input(), settings.templates(), settings.platform());
    new OutputGuard().check(rendered.files());
    write(settings, rendered);
  }

  /** read, resolve and render; the guard has not run yet. */
  public Rendered render(Path input, TemplateRenderer templates, PlatformSettings platform) {
    Request request = new RequestReader().read(input);
    new SchemaValidator().validate(request);
    Resolution resolution = request.kind().resolve(request, platform);
    resolution.warnings().forEach(log::println);
    return new Rendered(request, resolution,
        templates.render(request.kind(), resolution.model(), platform));
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
      files = request.kind().outputFiles();
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
