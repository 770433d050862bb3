package tech.integratn.pipeline.check;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import tech.integratn.pipeline.failure.PipelineException;

/**
 * Every request document under the paths, judged in one JVM. Every document gets a verdict,
 * whatever it holds: a file that cannot be read fails on its own, and nothing a file holds
 * stops the run.
 */
public final class CheckRun {
  private final Checker checker;
  private final PrintStream progress;
  private final Supplier<InputStream> standardInput;

  /** {@code progress} gets a line that keeps rewriting itself (a terminal), or null. */
  public CheckRun(Checker checker, PrintStream progress, Supplier<InputStream> standardInput) {
    this.checker = checker;
    this.progress = progress;
    this.standardInput = standardInput;
  }

  public record Outcome(List<CheckResult> results, List<CheckResult.Skipped> skipped,
      double seconds) {
    public boolean ok() {
      return results.stream().allMatch(CheckResult::ok);
    }
  }

  private boolean allowEmpty;
  private boolean failFast;
  private List<String> excludes = List.of();

  /**
   * {@code allowEmpty}: a run that finds no request passes (else it fails: a gate pointed at the
   * wrong folder, or at one whose requests all vanished, must not pass). {@code failFast}: stop
   * at the first failing document. {@code excludes}: globs left out of the walk.
   */
  public CheckRun options(boolean allowEmpty, boolean failFast, List<String> excludes) {
    this.allowEmpty = allowEmpty;
    this.failFast = failFast;
    this.excludes = List.copyOf(excludes);
    return this;
  }

  /** Documents are judged on every core at once; the verdicts keep the documents' order. */
  public Outcome run(List<Path> paths) {
    long start = System.nanoTime();
    List<RequestDocuments.Document> documents = RequestDocuments.under(paths, standardInput,
        excludes);
    java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
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
          if (failFast && failed.get()) {
            return null; // not judged: an earlier document failed
          }
          Optional<CheckResult> result = checker.verdict(document);
          if (result.isPresent() && !result.get().ok()) {
            failed.set(true);
          }
          progress(done.incrementAndGet(), documents.size());
          return result;
        }));
      }
      List<CheckResult> results = new ArrayList<>();
      List<CheckResult.Skipped> skipped = new ArrayList<>();
      int requests = 0;
      for (int i = 0; i < documents.size(); i++) {
        Optional<CheckResult> result = verdicts.get(i).get();
        if (result == null) {
          // Passed over because a later document failed first: judged here, in order, so the
          // failure a fail-fast run reports is the first in file order on every run.
          result = checker.verdict(documents.get(i));
        }
        RequestDocuments.Document judged = documents.get(i);
        if (judged.text() != null && Checker.DocumentIdentity.of(judged.text()).isRequest()) {
          requests++;
        }
        if (result.isPresent()) {
          results.add(result.get());
          if (failFast && !result.get().ok()) {
            // Documents are judged in parallel: what comes after the first failure is dropped,
            // so a fail-fast report is the same on every run.
            break;
          }
        } else {
          RequestDocuments.Document document = documents.get(i);
          skipped.add(new CheckResult.Skipped(document.where(), document.passedOver() != null
              ? document.passedOver() : Checker.DocumentIdentity.of(document.text()).described()
                  + ", not a request of " + tech.integratn.pipeline.kind.PromiseKind.GROUP
                  + "; not checked"));
        }
      }
      if (progress != null && documents.size() >= 20) {
        progress.println();
      }
      if (requests == 0 && !allowEmpty && results.stream().allMatch(CheckResult::ok)) {
        results.add(CheckResult.of(String.join(", ", paths.stream().map(Path::toString).toList()),
            CheckResult.Subject.unread("(no request)"), List.of(new PipelineException.Problem(
                "(paths)", "no " + tech.integratn.pipeline.kind.PromiseKind.GROUP
                + " request was found"
                + (skipped.isEmpty() ? "" : " (" + Words.plural(skipped.size(),
                    "other file or document") + " skipped)") + ": a gate over no request "
                + "passes nothing. Check the path, or pass --allow-empty where an empty "
                + "folder is expected")), List.of(), List.of(), 0));
      }
      return new Outcome(collisionsFlagged(duplicatesFlagged(results)), skipped,
          (System.nanoTime() - start) / 1e9);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof PipelineException refusal) {
        throw refusal;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Two documents for one kind, namespace and name would be one resource in the cluster, the
   * later replacing the earlier: both fail, each naming the other.
   */
  static List<CheckResult> duplicatesFlagged(List<CheckResult> results) {
    Map<String, List<Integer>> byIdentity = new LinkedHashMap<>();
    for (int i = 0; i < results.size(); i++) {
      CheckResult result = results.get(i);
      if (!result.subject().name().isEmpty()) {
        byIdentity.computeIfAbsent(result.subject().resource(), k -> new ArrayList<>()).add(i);
      }
    }
    List<CheckResult> flagged = new ArrayList<>(results);
    byIdentity.forEach((identity, indexes) -> {
      if (indexes.size() > 1) {
        for (int i : indexes) {
          List<String> others = indexes.stream().filter(j -> j != i)
              .map(j -> results.get(j).place().file()).toList();
          flagged.set(i, flagged.get(i).with(new PipelineException.Problem("metadata.name",
              "the same resource (" + identity + ") as " + String.join(", ", others)
                  + "; the cluster keeps only one: rename or remove one of them")));
        }
      }
    });
    return flagged;
  }

  /**
   * Two requests that claim one hostname, vcluster namespace, Argo CD project or application, or
   * 1Password item would overwrite each other's (the request policy keeps derived names apart;
   * names a platform opens to free choice are kept apart only here): both fail, each naming the
   * other.
   */
  static List<CheckResult> collisionsFlagged(List<CheckResult> results) {
    Map<String, List<Integer>> byClaim = new LinkedHashMap<>();
    for (int i = 0; i < results.size(); i++) {
      for (Map.Entry<String, String> claim : results.get(i).claims().entrySet()) {
        byClaim.computeIfAbsent(claim.getKey() + " " + claim.getValue(), k -> new ArrayList<>())
            .add(i);
      }
    }
    List<CheckResult> flagged = new ArrayList<>(results);
    byClaim.forEach((claim, indexes) -> {
      if (indexes.size() > 1) {
        for (int i : indexes) {
          List<String> others = indexes.stream().filter(j -> j != i)
              .map(j -> results.get(j).subject().resource() + " in "
                  + results.get(j).place().file()).toList();
          flagged.set(i, flagged.get(i).with(new PipelineException.Problem("spec",
              "claims the " + claim + ", as " + String.join(", ", others) + " does: one would "
                  + "overwrite the other's. Give one of them another name or value")));
        }
      }
    });
    return flagged;
  }

  private synchronized void progress(int done, int total) {
    if (progress != null && total >= 20) {
      progress.print("\rchecked " + done + "/" + total);
      progress.flush();
    }
  }
}
