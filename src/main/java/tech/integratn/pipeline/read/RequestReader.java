package tech.integratn.pipeline.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.failure.PipelineException;
import tech.integratn.pipeline.kind.PromiseKind;
import tech.integratn.pipeline.yaml.BoundedText;
import tech.integratn.pipeline.yaml.Yaml;

/**
 * Reads {@code object.yaml} defensively: bounded size, strict UTF-8, exactly one YAML mapping,
 * few aliases, bounded nesting, and a kind this image serves.
 */
public final class RequestReader {
  /**
   * The API server refuses objects over ~1.5 MiB (etcd's request limit), so 2 MiB admits every
   * real resource; the worst valid input of this size renders in ~2 s and ~220 MB here.
   */
  public static final int MAX_INPUT_BYTES = 2 * 1024 * 1024;
  /** Deeper than any resource the CRDs describe, shallow enough to never exhaust the stack. */
  public static final int MAX_NESTING_DEPTH = 64;
  /**
   * Values (maps, lists, scalars) after aliases are expanded. A real request has a few hundred;
   * the bound stops alias bombs that stay under the alias count limit.
   */
  public static final int MAX_VALUES = 100_000;

  public Request read(Path file) {
    return parse(decode(file, readBytes(file)), file);
  }

  /** A request already in memory (a sub-request rendered in direct mode); {@code source} names it. */
  public Request parse(String text, Path source) {
    Map<String, Object> object = parseSingleMapping(source, text);
    checkShape(object);
    return new Request(kindOf(object), object);
  }

  /** At most the limit plus one byte, whatever the file is (a FIFO, a device, a growing file). */
  private static byte[] readBytes(Path file) {
    if (Files.isDirectory(file)) {
      throw new PipelineException(ExitCode.USAGE, "The input " + file + " is a directory; it "
          + "must be the resource's YAML file. Pass --input FILE.");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return BoundedText.bytes(in, MAX_INPUT_BYTES);
    } catch (BoundedText.TooLarge e) {
      throw PipelineException.invalidFile(file, "is larger than the " + MAX_INPUT_BYTES
          + "-byte limit for one resource. Kratix should hand over a single resource; check what "
          + "was written to the input directory.");
    } catch (NoSuchFileException e) {
      throw new PipelineException(ExitCode.USAGE, "The input file " + file + " does not exist. "
          + "Kratix mounts the resource at /kratix/input/object.yaml; pass --input FILE to read "
          + "another.");
    } catch (java.nio.file.AccessDeniedException e) {
      throw new PipelineException(ExitCode.USAGE, "The input file " + file + " cannot be read "
          + "(permission denied). Check its mode and owner.");
    } catch (IOException e) {
      throw new PipelineException(ExitCode.USAGE, "The input file " + file + " cannot be read ("
          + PipelineException.withoutJavaNames(e.getMessage()) + "). Check that it is a readable regular file.");
    }
  }

  private static String decode(Path file, byte[] bytes) {
    if (bytes.length == 0) {
      throw PipelineException.invalidFile(file, "is empty; it must hold one YAML resource.");
    }
    for (byte b : bytes) {
      if (b == 0) {
        throw PipelineException.invalidFile(file, "holds binary data (a NUL byte); it must be "
            + "a UTF-8 YAML text holding one resource.");
      }
    }
    try {
      return BoundedText.utf8(bytes);
    } catch (CharacterCodingException e) {
      throw PipelineException.invalidFile(file, "is not valid UTF-8 text; save it as UTF-8.");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parseSingleMapping(Path file, String text) {
    List<Node> documents;
    if (text.length() > MAX_INPUT_BYTES && text.codePointCount(0, text.length()) > MAX_INPUT_BYTES) {
      // Said as a size, not as the reader's limit dressed up as a syntax error.
      throw PipelineException.invalidFile(file, "holds a resource of more than "
          + MAX_INPUT_BYTES / (1024 * 1024) + " MiB (" + text.length() / 1024 + " KiB), the "
          + "limit for one resource: the API server refuses objects past about 1.5 MiB anyway. "
          + "Make it smaller; a file may hold several resources, each as its own document.");
    }
    try {
      documents = new ArrayList<>(Yaml.composeAll(text, MAX_INPUT_BYTES));
    } catch (Yaml.TooDeep e) {
      throw PipelineException.invalidFile(file, "is nested too deeply to be a resource.");
    } catch (YamlEngineException e) {
      throw PipelineException.invalidFile(file, "is not valid YAML " + where(e)
          + ". Fix the YAML syntax there.", line(e));
    }
    documents.removeIf(RequestReader::isEmptyDocument);
    if (documents.isEmpty()) {
      throw PipelineException.invalidFile(file, "holds no YAML document; it must hold one "
          + "resource.");
    }
    if (documents.size() > 1) {
      throw PipelineException.invalidFile(file, "holds " + documents.size() + " YAML "
          + "documents; it must hold exactly one resource.");
    }
    TagCheck.check(documents.get(0));
    Object document = construct(file, documents.get(0));
    if (!(document instanceof Map<?, ?> map)) {
      throw PipelineException.invalidFile(file, "holds a " + describe(document) + ", not a "
          + "resource; it must be a YAML mapping with apiVersion, kind, metadata and spec.");
    }
    for (Object key : map.keySet()) {
      if (!(key instanceof String)) {
        throw PipelineException.invalidFile(file, "has a top-level key " + Values.describe(key)
            + " that is not a string; resources have string keys only.");
      }
    }
    return (Map<String, Object>) map;
  }

  private static boolean isEmptyDocument(Node node) {
    return node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag())
        && scalar.getValue().isEmpty();
  }

  /**
   * Every tag has been checked, so construction only meets what the core schema builds; anything
   * it still refuses is reported as the YAML problem it is, never as a Java exception.
   */
  private static Object construct(Path file, Node document) {
    try {
      return Yaml.construct(document, MAX_INPUT_BYTES);
    } catch (YamlEngineException | IllegalArgumentException | ArithmeticException e) {
      throw PipelineException.invalidFile(file, "holds a value YAML cannot build ("
          + oneLine(PipelineException.withoutJavaNames(e.getMessage())) + "). Write plain YAML values "
          + "without explicit tags.");
    }
  }

  private static PromiseKind kindOf(Map<String, Object> object) {
    Object apiVersion = object.get("apiVersion");
    Object kind = object.get("kind");
    String served = "This image serves " + PromiseKind.servedKinds() + " (apiVersion "
        + PromiseKind.API_VERSION + ").";
    if (!(kind instanceof String k) || PromiseKind.byKind(k).isEmpty()) {
      throw PipelineException.invalidField("kind", "found " + Values.describe(kind)
          + ", which this image does not render", served);
    }
    if (!PromiseKind.API_VERSION.equals(apiVersion)) {
      throw PipelineException.invalidField("apiVersion", "found " + Values.describe(apiVersion)
          + " for kind " + kind, served);
    }
    return PromiseKind.byKind(k).orElseThrow();
  }

  private static void checkShape(Object root) {
    Deque<Object[]> stack = new ArrayDeque<>();
    stack.push(new Object[] {root, 1});
    int values = 0;
    while (!stack.isEmpty()) {
      if (++values > MAX_VALUES) {
        throw PipelineException.invalidInput("the resource expands to more than " + MAX_VALUES
            + " values (YAML aliases repeating large parts?); write it out without aliases.");
      }
      Object[] entry = stack.pop();
      int depth = (Integer) entry[1];
      if (depth > MAX_NESTING_DEPTH) {
        throw PipelineException.invalidInput("the resource is nested more than "
            + MAX_NESTING_DEPTH + " levels deep; no field of this resource needs that.");
      }
      Iterable<?> children = entry[0] instanceof Map<?, ?> m ? m.values()
          : entry[0] instanceof List<?> l ? l : List.of();
      for (Object child : children) {
        stack.push(new Object[] {child, depth + 1});
      }
    }
  }

  private static String describe(Object value) {
    return value instanceof List ? "YAML list" : "single value (" + Values.describe(value) + ")";
  }

  /**
   * Where and what a YAML error is, with its lines kept as numbers ("at line 9, column 4: expected
   * ',' or ']', but got ':' (in the flow sequence at line 8, column 13)") rather than the reader's
   * snippet flattened onto one line.
   */
  static String where(YamlEngineException e) {
    if (e instanceof org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException marked
        && marked.getProblem() != null && marked.getProblemMark().isPresent()) {
      var mark = marked.getProblemMark().get();
      String context = marked.getContext() == null ? "" : marked.getContext().replaceFirst(
          "^while (parsing|scanning) ", "");
      String contextAt = marked.getContextMark().map(m -> " at line " + (m.getLine() + 1)
          + ", column " + (m.getColumn() + 1)).orElse("");
      return "at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": "
          + oneLine(marked.getProblem()) + (context.isEmpty() ? "" : " (in the "
          + oneLine(context).replaceFirst("^an? ", "") + contextAt + ")");
    }
    return "(" + oneLine(String.valueOf(e.getMessage())) + ")";
  }

  /** The line a YAML error is on (1-based), 0 when the reader did not say. */
  private static int line(YamlEngineException e) {
    return e instanceof org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException marked
        && marked.getProblem() != null && marked.getProblemMark().isPresent()
        ? marked.getProblemMark().get().getLine() + 1 : 0;
  }

  private static String oneLine(String message) {
    return PipelineException.withoutJavaNames(message).replaceAll("\\s*\\n\\s*", " ").trim();
  }
}
