package tech.integratn.pipeline.check;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

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

  /** Documents are judged on every core at once; the verdicts keep the documents' order. */
  public Outcome run(List<Path> paths) {
    List<RequestDocuments.Document> documents = RequestDocuments.under(paths);
    int threads = Math.max(1, Math.min(documents.size(), Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "render-check");
      thread.setDaemon(true);
      return thread;
    });
    AtomicInteger done = new AtomicInteger();
    try {
      List<Future<Optional<CheckResult>>> verdicts = new ArrayList<>();
      for (RequestDocuments.Document document : documents) {
        verdicts.add(pool.submit(() -> {
          Optional<CheckResult> result = checker.check(document);
          progress(done.incrementAndGet(), documents.size());
          return result;
        }));
      }
      List<CheckResult> results = new ArrayList<>();
      List<String> skipped = new ArrayList<>();
      for (int i = 0; i < documents.size(); i++) {
        Optional<CheckResult> result = verdicts.get(i).get();
        if (result.isPresent()) {
          results.add(result.get());
        } else {
          skipped.add(documents.get(i).where() + ": not a request of this image's API group");
        }
      }
      if (progress != null && documents.size() >= 20) {
        progress.println();
      }
      return new Outcome(results, skipped);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private synchronized void progress(int done, int total) {
    if (progress != null && total >= 20) {
      progress.print("\rchecked " + done + "/" + total);
      progress.flush();
    }
  }
}
