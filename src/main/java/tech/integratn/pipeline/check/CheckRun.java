package tech.integratn.pipeline.check;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every request document under the paths, judged in one JVM. */
public final class CheckRun {
  private final Checker checker;
  private final PrintStream progress;

  /** {@code progress} gets a line that keeps rewriting itself (a terminal), or null. */
  public CheckRun(Checker checker, PrintStream progress) {
    this.checker = checker;
    this.progress = progress;
  }

  public record Outcome(List<CheckResult> results, List<String> skipped) {
    public boolean ok() {
      return results.stream().allMatch(CheckResult::ok);
    }
  }

  public Outcome run(List<Path> paths) {
    List<RequestDocuments.Document> documents = RequestDocuments.under(paths);
    List<CheckResult> results = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    int done = 0;
    for (RequestDocuments.Document document : documents) {
      Optional<CheckResult> result = checker.check(document);
      if (result.isPresent()) {
        results.add(result.get());
      } else {
        skipped.add(document.where() + ": not a request of this image's API group");
      }
      done++;
      if (progress != null && documents.size() >= 20) {
        progress.print("\rchecked " + done + "/" + documents.size());
        progress.flush();
      }
    }
    if (progress != null && documents.size() >= 20) {
      progress.println();
    }
    return new Outcome(results, skipped);
  }
}
