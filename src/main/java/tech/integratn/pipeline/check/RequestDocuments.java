package tech.integratn.pipeline.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.failure.PipelineException;
import tech.integratn.pipeline.yaml.BoundedText;

/**
 * The YAML files under the paths a check is given (directories recursively, {@code .yaml} and
 * {@code .yml}; {@code -} for standard input), split into their documents, each with its file
 * and its number in the file. A file or folder that cannot be read, is too large, or is not
 * UTF-8 is a document of its own that says why, so it gets a verdict and the rest is checked.
 */
final class RequestDocuments {
  /** A line that starts a document; each part is read on its own, as a multi-document file. */
  private static final Pattern DOCUMENT_START = Pattern.compile("(?m)^---(?=[ \\t\\r\\n]|$)");
  /** A request is at most 2 MiB (the reader's limit); a file may hold several. */
  static final int MAX_FILE_BYTES = 16 * 1024 * 1024;
  static final Path STANDARD_INPUT = Path.of("-");

  /** A document to judge, or, when {@code unreadable} is set, why its file could not be read. */
  record Document(Path file, int number, String text, String unreadable) {
    Document(Path file, int number, String text) {
      this(file, number, text, null);
    }

    String where() {
      return (file.equals(STANDARD_INPUT) ? "(standard input)" : file.toString())
          + (number > 1 ? " (document " + number + ")" : "");
    }
  }

  private RequestDocuments() {}

  static List<Document> under(List<Path> paths, Supplier<InputStream> standardInput) {
    List<Document> documents = new ArrayList<>();
    for (Path path : paths) {
      if (path.equals(STANDARD_INPUT)) {
        split(path, () -> standardInput.get(), documents);
      } else if (Files.isDirectory(path)) {
        walk(path, documents);
      } else if (Files.isRegularFile(path)) {
        split(path, () -> Files.newInputStream(path), documents);
      } else if (Files.exists(path)) {
        // A FIFO or a device would block or never end: not a file of requests.
        documents.add(new Document(path, 1, null, "is not a regular file"));
      } else {
        throw new PipelineException(ExitCode.USAGE, "Nothing to check at " + path
            + ": it does not exist. Pass YAML files or directories that hold them.");
      }
    }
    return documents;
  }

  private static void walk(Path root, List<Document> documents) {
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
          if (attributes.isRegularFile() && isYaml(file)) {
            files.add(file);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          documents.add(new Document(file, 1, null, "cannot be read (" + reason(e) + ")"));
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      documents.add(new Document(root, 1, null, "cannot be read (" + reason(e) + ")"));
    }
    files.sort(null);
    for (Path file : files) {
      split(file, () -> Files.newInputStream(file), documents);
    }
  }

  private interface Opener {
    InputStream open() throws IOException;
  }

  /** One file's documents, or one document saying why the file could not be read. */
  private static void split(Path file, Opener opener, List<Document> documents) {
    String text;
    try (InputStream in = opener.open()) {
      text = BoundedText.read(in, MAX_FILE_BYTES);
    } catch (BoundedText.TooLarge e) {
      documents.add(new Document(file, 1, null, "is larger than " + MAX_FILE_BYTES / (1024 * 1024)
          + " MiB, far more than any request file; split it, or check that it belongs here"));
      return;
    } catch (CharacterCodingException e) {
      documents.add(new Document(file, 1, null, "is not UTF-8 text; save it as UTF-8"));
      return;
    } catch (IOException e) {
      documents.add(new Document(file, 1, null, "cannot be read (" + reason(e) + ")"));
      return;
    }
    int number = 0;
    for (String part : DOCUMENT_START.split(text)) {
      if (part.strip().isEmpty() || part.strip().lines().allMatch(l -> l.strip().startsWith("#"))) {
        continue;
      }
      documents.add(new Document(file, ++number, part));
    }
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied; give the CI user read access";
    }
    if (e instanceof NoSuchFileException) {
      return "it vanished while being read";
    }
    return e.getMessage() == null ? "an I/O error" : PipelineException.withoutJavaNames(e.getMessage());
  }

  private static boolean isYaml(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }
}
