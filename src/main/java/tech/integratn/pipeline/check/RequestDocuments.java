package tech.integratn.pipeline.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tech.integratn.pipeline.ExitCode;
import tech.integratn.pipeline.PipelineException;

/**
 * The YAML files under the paths a check is given (directories recursively, {@code .yaml} and
 * {@code .yml}), split into their documents, each with its file and its number in the file.
 */
final class RequestDocuments {
  /** A line that starts a document; each part is read on its own, as a multi-document file. */
  private static final Pattern DOCUMENT_START = Pattern.compile("(?m)^---(?=[ \\t\\r\\n]|$)");

  record Document(Path file, int number, String text) {
    String where() {
      return file + (number > 1 ? " (document " + number + ")" : "");
    }
  }

  private RequestDocuments() {}

  static List<Document> under(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(Files::isRegularFile).filter(RequestDocuments::isYaml).sorted()
              .forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else if (Files.isRegularFile(path)) {
        files.add(path);
      } else {
        throw new PipelineException(ExitCode.USAGE, "Nothing to check at " + path
            + ": pass YAML files or directories that hold them.");
      }
    }
    List<Document> documents = new ArrayList<>();
    for (Path file : files) {
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new PipelineException(ExitCode.USAGE, "Cannot read " + file + " (" + e.getMessage()
            + ").");
      }
      String[] parts = DOCUMENT_START.split(text);
      int number = 0;
      for (String part : parts) {
        if (part.strip().isEmpty() || part.strip().lines().allMatch(l -> l.strip().startsWith("#"))) {
          continue;
        }
        documents.add(new Document(file, ++number, part));
      }
    }
    return documents;
  }

  private static boolean isYaml(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }
}
