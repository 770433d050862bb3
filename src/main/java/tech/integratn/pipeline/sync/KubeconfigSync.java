package tech.integratn.pipeline.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import tech.integratn.pipeline.ExitCode;
import tech.integratn.pipeline.PipelineException;

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

  /** What the Job passes: from its environment, which the rendered Job sets. */
  public record Request(Path kubeconfig, Duration waitForKubeconfig, String vcluster,
      String namespace, String serverUrl, String itemTitle, String vault) {}

  private final OnePasswordConnect connect;
  private final PrintStream log;

  public KubeconfigSync(OnePasswordConnect connect, PrintStream log) {
    this.connect = connect;
    this.log = log;
  }

  public void run(Request request) {
    String text = readWhenThere(request.kubeconfig(), request.waitForKubeconfig());
    Kubeconfig kubeconfig = Kubeconfig.parse(text, request.kubeconfig().toString());
    String server = request.serverUrl().isEmpty() ? kubeconfig.server() : request.serverUrl();
    String vaultId = vault(request.vault());
    ObjectNode item = item(vaultId, request, text, server, kubeconfig.argocdConfig());
    String existing = existingItem(vaultId, request.itemTitle());
    String what = " 1Password item " + request.itemTitle() + " in vault " + vaultId + " for "
        + request.namespace() + "/" + request.vcluster();
    if (existing != null) {
      item.put("id", existing);
      connect.put("/v1/vaults/" + vaultId + "/items/" + existing, item);
      log.println("replaced" + what + " (" + existing + ")");
    } else {
      connect.post("/v1/vaults/" + vaultId + "/items", item);
      log.println("created" + what);
    }
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
          String text = Files.readString(file, StandardCharsets.UTF_8);
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

  /** By id, else by that text as a name, else the vault named {@value #FALLBACK_VAULT}. */
  private String vault(String wanted) {
    JsonNode vaults = connect.get("/v1/vaults");
    for (String field : new String[] {"id", "name"}) {
      for (JsonNode vault : vaults) {
        if (!wanted.isEmpty() && wanted.equals(vault.path(field).asText())) {
          return vault.path("id").asText();
        }
      }
    }
    for (JsonNode vault : vaults) {
      if (FALLBACK_VAULT.equals(vault.path("name").asText())) {
        return vault.path("id").asText();
      }
    }
    throw new PipelineException(ExitCode.SYNC_FAILED, "No 1Password vault has the id or name '"
        + wanted + "', nor the name " + FALLBACK_VAULT + ". Set the vault in the "
        + "onepassword-access-token item's vault field, or create the vault.");
  }

  private String existingItem(String vaultId, String title) {
    for (JsonNode item : connect.get("/v1/vaults/" + vaultId + "/items")) {
      if (title.equals(item.path("title").asText())) {
        return item.path("id").asText();
      }
    }
    return null;
  }

  private static ObjectNode item(String vaultId, Request request, String kubeconfig,
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
