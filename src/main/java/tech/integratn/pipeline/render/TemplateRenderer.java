package tech.integratn.pipeline.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.PlainTextOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.log.Logger;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.failure.PipelineException;
import tech.integratn.pipeline.kind.PromiseKind;

/**
 * Renders {@code templates/<promise>/<file>.ftl} for each output file of a kind, from the
 * templates bundled in the jar or from an operator's directory of the same layout.
 */
public final class TemplateRenderer {
  public static final String TEMPLATE_SUFFIX = ".ftl";

  static {
    // FreeMarker would set up java.util.logging to log what RETHROW_HANDLER already reports
    // (~0.02 s CPU of a cold render); an operator can still choose a library with -D.
    if (System.getProperty(Logger.SYSTEM_PROPERTY_NAME_LOGGER_LIBRARY) == null) {
      System.setProperty(Logger.SYSTEM_PROPERTY_NAME_LOGGER_LIBRARY, Logger.LIBRARY_NAME_NONE);
    }
  }

  private final Configuration freemarker;
  private final String source;

  private TemplateRenderer(TemplateLoader loader, String source) {
    this.source = source;
    this.freemarker = new Configuration(Configuration.VERSION_2_3_34);
    freemarker.setTemplateLoader(loader);
    freemarker.setDefaultEncoding("UTF-8");
    freemarker.setOutputFormat(PlainTextOutputFormat.INSTANCE);
    freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    freemarker.setLogTemplateExceptions(false);
    freemarker.setWrapUncheckedExceptions(true);
    freemarker.setNumberFormat("computer");
    freemarker.setBooleanFormat("c");
    freemarker.setAPIBuiltinEnabled(false);
    freemarker.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    freemarker.setLocalizedLookup(false);
    freemarker.setSharedVariable("yaml", new YamlFunction());
    freemarker.setSharedVariable("shortHash", new ShortHashFunction());
  }

  /** The templates in the jar; one instance, so each template is parsed once per JVM. */
  public static TemplateRenderer bundled() {
    return Bundled.INSTANCE;
  }

  private static final class Bundled {
    static final TemplateRenderer INSTANCE = new TemplateRenderer(
        new ClassTemplateLoader(TemplateRenderer.class.getClassLoader(), "templates"),
        "the bundled templates");
  }

  /** The operator's templates in {@code directory}, or the bundled ones when it is null. */
  public static TemplateRenderer of(Path directory) {
    return directory == null ? bundled() : fromDirectory(directory);
  }

  public static TemplateRenderer fromDirectory(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new PipelineException(ExitCode.TEMPLATE_ERROR, "The templates directory " + directory
          + " does not exist. Pass --templates a directory laid out as templates/<promise>/"
          + "<file>.ftl, or leave it out to use the bundled templates.");
    }
    try {
      return new TemplateRenderer(new FileTemplateLoader(directory.toFile()), directory.toString());
    } catch (IOException e) {
      throw new PipelineException(ExitCode.TEMPLATE_ERROR, "The templates directory " + directory
          + " cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * Renders every output file of {@code kind} from {@code model}, a record of resolved values
   * (nested records are groups: {@code names.project}) and all a template sees: a platform
   * setting reaches it only as the resolver settled it.
   */
  public List<RenderedFile> render(PromiseKind kind, Record model) {
    Map<String, Object> data = asMap(model);
    List<RenderedFile> files = new ArrayList<>();
    for (String file : kind.outputFiles()) {
      String templateName = kind.templates() + "/" + file + TEMPLATE_SUFFIX;
      files.add(new RenderedFile(file, renderOne(templateName, data)));
    }
    return files;
  }

  private String renderOne(String templateName, Map<String, Object> data) {
    try {
      Template template = freemarker.getTemplate(templateName);
      StringWriter out = new StringWriter();
      template.process(data, out);
      return out.toString();
    } catch (TemplateNotFoundException e) {
      throw new PipelineException(ExitCode.TEMPLATE_ERROR, "Template " + templateName
          + " is missing from " + source + ". Every output file needs its template; copy it "
          + "from the bundled templates/ directory.");
    } catch (TemplateException e) {
      throw new PipelineException(ExitCode.TEMPLATE_ERROR, "Template " + templateName + " from "
          + source + " failed to render" + where(e) + ": "
          + firstLine(e.getMessage()).replaceAll(":$", "")
          + ". Fix the template; the bundled one shows what it may use.", e);
    } catch (IOException e) {
      throw new PipelineException(ExitCode.TEMPLATE_ERROR, "Template " + templateName + " from "
          + source + " failed to render: " + firstLine(e.getMessage())
          + ". Fix the template; the bundled one shows what it may use.", e);
    }
  }

  /** The line and the expression FreeMarker blames, which its message's first line leaves out. */
  private static String where(TemplateException e) {
    String at = e.getLineNumber() == null ? "" : " at line " + e.getLineNumber();
    String blamed = e.getBlamedExpressionString();
    return blamed == null ? at : at + " (`" + blamed + "`)";
  }

  private static Map<String, Object> asMap(Record model) {
    Map<String, Object> data = new LinkedHashMap<>();
    for (RecordComponent component : model.getClass().getRecordComponents()) {
      try {
        Object value = component.getAccessor().invoke(model);
        data.put(component.getName(), value instanceof Record group ? asMap(group) : value);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + component, e);
      }
    }
    return data;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).trim();
  }
}
