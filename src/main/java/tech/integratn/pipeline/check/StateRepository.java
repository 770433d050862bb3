package tech.integratn.pipeline.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import tech.integratn.pipeline.read.Request;
import tech.integratn.pipeline.render.RenderedFile;

/**
 * A checkout of the state repository, laid out as {@code <promise>/<namespace>/<name>/<file>}
 * (the paths a Kratix destination's state store uses for a resource's files, without the
 * destination's own prefix): what a request's render would add, change or remove there.
 */
public record StateRepository(Path root) {

  List<CheckResult.Change> changes(Request request, List<RenderedFile> files) {
    Path dir = root.resolve(request.kind().promise()).resolve(request.namespace())
        .resolve(request.name());
    List<CheckResult.Change> changes = new ArrayList<>();
    Set<String> rendered = new TreeSet<>();
    for (RenderedFile file : files) {
      rendered.add(file.name());
      Path published = dir.resolve(file.name());
      if (!Files.isRegularFile(published)) {
        changes.add(new CheckResult.Change("added", root.relativize(published).toString(), ""));
        continue;
      }
      String before = read(published);
      if (!before.equals(file.content())) {
        List<String> diff = UnifiedDiff.of("a/" + root.relativize(published),
            "b/" + root.relativize(published), before.lines().toList(),
            file.content().lines().toList());
        changes.add(new CheckResult.Change("changed", root.relativize(published).toString(),
            String.join("\n", diff)));
      }
    }
    if (Files.isDirectory(dir)) {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.filter(Files::isRegularFile)
            .filter(p -> !rendered.contains(dir.relativize(p).toString()))
            .forEach(p -> changes.add(new CheckResult.Change("removed",
                root.relativize(p).toString(), "")));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return changes;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
