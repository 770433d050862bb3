package tech.integratn.pipeline.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.failure.PipelineException;
import tech.integratn.pipeline.yaml.BoundedText;

/**
 * Copies a vcluster's kubeconfig into 1Password, with the Argo CD cluster config made from it:
 * the item the kubeconfig ExternalSecrets read. The kubeconfig comes from the vcluster's Secret
 * mounted as a file; the item is a SECURE_NOTE with the fields {@code kubeconfig},
 * {@code argocd-name}, {@code argocd-server} and {@code argocd-config}, created or replaced.
 */
public final class KubeconfigSync {
  /** The vault used when the token Secret names none that exists. */
  public static final String FALLBACK_VAULT = "homelab";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration POLL = Duration.ofMillis(500);
  /** A vcluster kubeconfig is a few KiB; a file far larger is not one. */
  static final int MAX_KUBECONFIG_BYTES = 1024 * 1024;

  /** What the Job passes: from its environment, which the rendered Job sets. */
  public record Job(Path kubeconfig, Duration waitForKubeconfig, String vcluster,
      String namespace, String serverUrl, String itemTitle, String vault) {}

  private final OnePasswordConnect connect;
  private final PrintStream log;

  public KubeconfigSync(OnePasswordConnect connect, PrintStream log) {
    this.connect = connect;
    this.log = log;
  }

  public void run(Job request) {
    String text = readWhenThere(request.kubeconfig(), request.waitForKubeconfig());
    Kubeconfig kubeconfig = Kubeconfig.parse(text, request.kubeconfig().toString());
    connect.hide(text, kubeconfig.token(), kubeconfig.certData(), kubeconfig.keyData(),
        kubeconfig.argocdConfig());
    String server = request.serverUrl().isEmpty() ? kubeconfig.server() : request.serverUrl();
    String vaultId = vault(request.vault());
    ObjectNode item = item(vaultId, request, text, server, kubeconfig.argocdConfig());
    String what = " 1Password item " + request.itemTitle() + " in vault " + vaultId + " for "
        + request.namespace() + "/" + request.vcluster();
    String items = "/v1/vaults/" + vaultId + "/items";
    Optional<String> existing = oneItem(vaultId, request.itemTitle());
    Duration pause = null;
    while (existing.isEmpty()) {
      Optional<JsonNode> created = connect.create(items, item);
      if (created.isPresent()) {
        log.println("created" + what);
        return;
      }
      // The create may have gone through: look again before creating again, so that a retry
      // never makes a second item of one title.
      existing = oneItem(vaultId, request.itemTitle());
      if (existing.isEmpty()) {
        pause = connect.pause(pause);
      }
    }
    item.put("id", existing.get());
    connect.put(items + "/" + existing.get(), item);
    log.println("replaced" + what + " (" + existing.get() + ")");
  }

  /**
   * The one item of this title, if any. External Secrets' Connect provider fails while two
   * items share a title, so duplicates (left by an earlier run or by hand) are deleted down to
   * the first, and the log says so.
   */
  private Optional<String> oneItem(String vaultId, String title) {
    List<String> ids = itemsTitled(vaultId, title);
    if (ids.size() > 1) {
      for (String duplicate : ids.subList(1, ids.size())) {
        connect.delete("/v1/vaults/" + vaultId + "/items/" + duplicate);
      }
      log.println("found " + ids.size() + " 1Password items titled " + title + " in vault "
          + vaultId + "; kept " + ids.get(0) + " and deleted " + String.join(", ",
          ids.subList(1, ids.size())) + " (External Secrets reads only a title that is unique)");
    }
    return ids.stream().findFirst();
  }

  /**
   * The kubelet starts the pod only once the Secret exists, but the file can still be missing
   * or empty for a moment (a Secret created before the vcluster filled it): wait, bounded.
   */
  private String readWhenThere(Path file, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    boolean said = false;
    while (true) {
      try {
        if (Files.isRegularFile(file)) {
          String text = readBounded(file);
          if (!text.isBlank()) {
            return text;
          }
        }
      } catch (IOException e) {
        // not readable yet
      }
      if (System.nanoTime() > deadline) {
        throw new PipelineException(ExitCode.INVALID_INPUT, "The kubeconfig " + file + " is "
            + (Files.exists(file) ? "empty" : "missing") + " after " + wait.toSeconds()
            + " s. The Job mounts the vcluster's Secret there; check that the vcluster is "
            + "running and exports its kubeconfig.");
      }
      if (!said) {
        log.println("waiting for the kubeconfig at " + file);
        said = true;
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PipelineException(ExitCode.SYNC_FAILED, "Interrupted waiting for " + file);
      }
    }
  }

  /**
   * At most {@link #MAX_KUBECONFIG_BYTES} of strict UTF-8: a kubeconfig is a few KiB, and a file
   * that is not one must neither fill the heap nor reach a log.
   */
  private static String readBounded(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return BoundedText.read(in, MAX_KUBECONFIG_BYTES);
    } catch (BoundedText.TooLarge e) {
      throw new PipelineException(ExitCode.INVALID_INPUT, "The kubeconfig " + file + " is larger "
          + "than " + MAX_KUBECONFIG_BYTES / 1024 + " KiB, which no vcluster kubeconfig is. Check "
          + "that the Job mounts the vcluster's Secret there.");
    } catch (CharacterCodingException e) {
      throw new PipelineException(ExitCode.INVALID_INPUT, "The kubeconfig " + file + " is not "
          + "UTF-8 text. Check that the Job mounts the vcluster's Secret there.");
    }
  }

  /** By id, else by that text as a name, else the vault named {@value #FALLBACK_VAULT}. */
  private String vault(String wanted) {
    JsonNode vaults = connect.get("/v1/vaults");
    for (String field : new String[] {"id", "name"}) {
      for (JsonNode vault : vaults) {
        if (!wanted.isEmpty() && wanted.equals(vault.path(field).asText())) {
          return OnePasswordConnect.id(vault, "vault");
        }
      }
    }
    for (JsonNode vault : vaults) {
      if (FALLBACK_VAULT.equals(vault.path("name").asText())) {
        return OnePasswordConnect.id(vault, "vault");
      }
    }
    throw new PipelineException(ExitCode.SYNC_FAILED, "No 1Password vault has the id or name '"
        + wanted + "', nor the name " + FALLBACK_VAULT + ". Set the vault in the "
        + "onepassword-access-token item's vault field, or create the vault.");
  }

  /** The ids of the items titled {@code title}, as Connect lists them (filtered by title). */
  private List<String> itemsTitled(String vaultId, String title) {
    String filter = URLEncoder.encode("title eq \"" + title + "\"", StandardCharsets.UTF_8)
        .replace("+", "%20");
    List<String> ids = new ArrayList<>();
    for (JsonNode item : connect.get("/v1/vaults/" + vaultId + "/items?filter=" + filter)) {
      if (title.equals(item.path("title").asText())) {
        ids.add(OnePasswordConnect.id(item, "item"));
      }
    }
    return ids;
  }

  private static ObjectNode item(String vaultId, Job request, String kubeconfig,
      String server, String argocdConfig) {
    ObjectNode item = JSON.createObjectNode();
    item.putObject("vault").put("id", vaultId);
    item.put("title", request.itemTitle());
    item.put("category", "SECURE_NOTE");
    ArrayNode fields = item.putArray("fields");
    field(fields, "kubeconfig", "CONCEALED", kubeconfig);
    field(fields, "argocd-name", "STRING", "vcluster-" + request.vcluster());
    field(fields, "argocd-server", "STRING", server);
    field(fields, "argocd-config", "CONCEALED", argocdConfig);
    return item;
  }

  private static void field(ArrayNode fields, String id, String type, String value) {
    fields.addObject().put("id", id).put("label", id).put("type", type).put("value", value);
  }
}
