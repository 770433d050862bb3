package tech.integratn.pipeline.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tech.integratn.pipeline.Cli;

/**
 * Jobs of one vcluster that run at once (a re-rendered Job beside its predecessor, a retry beside
 * a slow first run) against one stateful Connect stub: however their requests interleave, they
 * all exit 0 and leave exactly one item of the title, this Job's. And a Connect behind a gateway
 * path gets every call under that path.
 */
@Tag("slow")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KubeconfigSyncConcurrencyTest {
  private static final int JOBS = 3;
  @TempDir Path work;

  @Test
  void jobsThatAllCreateAtOnceEndWithOneItem() throws Exception {
    try (OnePasswordConnectStub stub = new OnePasswordConnectStub()) {
      stub.addVault("vteam", "team");
      // Every Job's POST waits for the others' before any is stored: each Job has listed no
      // item, and each creates one, the race the old sync lost.
      CyclicBarrier allPosted = new CyclicBarrier(JOBS);
      stub.misbehave((exchange, method, path, body) -> {
        if (method.equals("POST")) {
          await(allPosted);
        }
        return false;
      });
      List<Cli> results = runAtOnce(stub.url());

      for (Cli result : results) {
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        KubeconfigSyncFaultTableTest.assertNothingSecret(result);
      }
      assertThat(stub.calls.stream().filter(c -> c.method().equals("POST"))).hasSize(JOBS);
      assertThat(itemsTitled(stub)).hasSize(1);
      assertThat(itemsTitled(stub).get(0).path("tags").toString())
          .contains(KubeconfigSyncFaultTableTest.MARK);
    }
  }

  @Test
  void jobsThatAllDeleteTheSameDuplicatesEndWithOneItem() throws Exception {
    try (OnePasswordConnectStub stub = new OnePasswordConnectStub()) {
      stub.addVault("vteam", "team");
      for (int i = 1; i <= 3; i++) {
        stub.addItem("vteam", "p" + i, KubeconfigSyncFaultTableTest.TITLE,
            "{\"category\": \"SECURE_NOTE\", \"tags\": [\"" + KubeconfigSyncFaultTableTest.MARK
                + "\"], \"createdAt\": \"2025-0" + i + "-01T00:00:00Z\"}");
      }
      // Every Job lists before any deletes: all of them delete p2 and p3, and all but one get 404.
      CyclicBarrier allListed = new CyclicBarrier(JOBS);
      stub.misbehave((exchange, method, path, body) -> {
        if (method.equals("DELETE")) {
          await(allListed);
        }
        return false;
      });
      List<Cli> results = runAtOnce(stub.url());

      for (Cli result : results) {
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
      }
      assertThat(itemsTitled(stub)).extracting(i -> i.path("id").asText()).containsExactly("p1");
    }
  }

  @Test
  void aGatewayPathIsKeptOnEveryCall() throws Exception {
    try (OnePasswordConnectStub stub = new OnePasswordConnectStub("/onepassword")) {
      stub.addVault("vteam", "team");
      Map<String, String> env = KubeconfigSyncFaultTableTest.environment(stub.url() + "/");
      Cli result = KubeconfigSyncFaultTableTest.run(env, work);

      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(itemsTitled(stub)).hasSize(1);
      assertThat(stub.calls).isNotEmpty();
    }
  }

  private List<Cli> runAtOnce(String url) throws Exception {
    ExecutorService jobs = Executors.newFixedThreadPool(JOBS);
    try {
      List<Future<Cli>> running = new ArrayList<>();
      for (int i = 0; i < JOBS; i++) {
        Path own = Files.createDirectories(work.resolve("job" + i));
        // Requests may wait for the other Jobs at the stub: longer than it ever holds one.
        running.add(jobs.submit(() -> KubeconfigSyncFaultTableTest.run(
            KubeconfigSyncFaultTableTest.environment(url), own, "--timeout-seconds", "60",
            "--request-timeout-seconds", "30")));
      }
      List<Cli> results = new ArrayList<>();
      for (Future<Cli> job : running) {
        results.add(job.get(90, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      jobs.shutdownNow();
    }
  }

  private static List<JsonNode> itemsTitled(OnePasswordConnectStub stub) {
    return stub.items("vteam").values().stream()
        .filter(i -> KubeconfigSyncFaultTableTest.TITLE.equals(i.path("title").asText())).toList();
  }

  /** Waits for the other Jobs; past a while lets this one on, so a test never hangs on it. */
  private static void await(CyclicBarrier barrier) throws IOException {
    try {
      barrier.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (BrokenBarrierException | TimeoutException e) {
      // a Job that did not come: the others go on
    }
  }
}
