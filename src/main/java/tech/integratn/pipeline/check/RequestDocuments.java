package tech.integratn.pipeline.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
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

  /**
   * A document to judge, or, when {@code unreadable} is set, why its file could not be read (or
   * holds nothing), or, when {@code passedOver} is set, why a file is not read at all. {@code line}
   * is the file's line the document starts on, so a problem can point into the file.
   */
  record Document(Path file, int number, String text, String unreadable, int line,
      String passedOver) {
    Document(Path file, int number, String text) {
      this(file, number, text, null, 1, null);
    }

    Document(Path file, int number, String text, String unreadable) {
      this(file, number, text, unreadable, 1, null);
    }

    /** The file as a path for annotations: no document number, standard input as "-". */
    String source() {
      return file.toString();
    }

    String where() {
      return (file.equals(STANDARD_INPUT) ? "(standard input)" : file.toString())
          + (number > 1 ? " (document " + number + ")" : "");
    }
  }

  private RequestDocuments() {}

  static List<Document> under(List<Path> paths, Supplier<InputStream> standardInput) {
    return under(paths, standardInput, List.of());
  }

  /**
   * As {@link #under(List, Supplier)}, leaving out what an {@code --exclude} glob matches: a glob
   * matches a path relative to the folder given (a folder it matches is left out whole) or a
   * file's or folder's own name.
   */
  static List<Document> under(List<Path> paths, Supplier<InputStream> standardInput,
      List<String> excludes) {
    List<PathMatcher> excluded = new ArrayList<>();
    for (String glob : excludes) {
      try {
        excluded.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
      } catch (IllegalArgumentException e) {
        throw new PipelineException(ExitCode.USAGE, "--exclude " + glob + " is not a glob ("
            + PipelineException.withoutJavaNames(e.getMessage()) + "). Write it as in "
            + "'.github/**' or '*.tmpl.yaml'.");
      }
    }
    List<Document> documents = new ArrayList<>();
    for (Path path : paths) {
      if (path.equals(STANDARD_INPUT)) {
        split(path, () -> standardInput.get(), documents);
      } else if (Files.isDirectory(path)) {
        walk(path, documents, excluded);
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

  private static boolean excluded(Path root, Path path, List<PathMatcher> excluded) {
    Path relative = root.relativize(path);
    Path name = path.getFileName();
    return !path.equals(root) && excluded.stream().anyMatch(m -> m.matches(relative)
        || (name != null && m.matches(name)));
  }

  private static void walk(Path root, List<Document> documents, List<PathMatcher> excluded) {
    List<Path> files = new ArrayList<>();
    List<Path> others = new ArrayList<>();
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
          // A version-control folder holds the repository's history, not its files.
          boolean history = !dir.equals(root) && dir.getFileName() != null
              && dir.getFileName().toString().equals(".git");
          return history || excluded(root, dir, excluded) ? FileVisitResult.SKIP_SUBTREE
              : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
          if (excluded(root, file, excluded)) {
            return FileVisitResult.CONTINUE;
          }
          if (attributes.isRegularFile() && isYaml(file)) {
            files.add(file);
          } else if (attributes.isRegularFile()) {
            others.add(file);
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
    // Every file gets a verdict: one that is not YAML is named as passed over, not forgotten.
    others.sort(null);
    for (Path file : others) {
      documents.add(new Document(file, 1, null, null, 1, "not a .yaml, .yml or .json file; "
          + "not read (--exclude it to leave it out of the report)"));
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
    int line = 1;
    for (String part : DOCUMENT_START.split(text)) {
      int starts = line;
      // The part and its separator line ("---" and the rest of that line stay in the part).
      line += (int) part.chars().filter(c -> c == '\n').count();
      if (part.strip().isEmpty() || part.strip().lines().allMatch(l -> l.strip().startsWith("#"))) {
        continue;
      }
      documents.add(new Document(file, ++number, part, null, starts, null));
    }
    if (number == 0) {
      // An empty file among the requests is a request lost (a failed save, a bad merge): never a pass.
      documents.add(new Document(file, 1, null, "holds no YAML document (it is empty or only "
          + "comments); write the request into it, or delete it"));
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
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }
}
