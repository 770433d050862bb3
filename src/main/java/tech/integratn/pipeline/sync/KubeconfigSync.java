package tech.integratn.pipeline.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.failure.PipelineException;
import tech.integratn.pipeline.yaml.BoundedText;

/**
 * Copies a vcluster's kubeconfig into 1Password, with the Argo CD cluster config made from it:
 * the item the kubeconfig ExternalSecrets read. The kubeconfig comes from the vcluster's Secret
 * mounted as a file; the item is a SECURE_NOTE with the fields {@code kubeconfig},
 * {@code argocd-name}, {@code argocd-server} and {@code argocd-config}, and this Job's
 * {@link ItemMark}.
 *
 * <p>Only marked items are replaced or deleted. An item of the title without the mark (the
 * platform's own credential item, a person's login, an item the bash pipeline made) stops the
 * run, untouched, unless the operator asked to adopt what the bash pipeline made. After a
 * create the items are listed again and the marked ones converge to the oldest, so Jobs that
 * run at once end with one item.
 */
public final class KubeconfigSync {
  /** 1Password shows far shorter titles; a longer one is not a title anyone meant. */
  static final int MAX_TITLE = 200;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration POLL = Duration.ofMillis(500);
  /** A vcluster kubeconfig is a few KiB; a file far larger is not one. */
  static final int MAX_KUBECONFIG_BYTES = 1024 * 1024;

  /**
   * What the Job passes: from its environment, which the rendered Job sets. {@code mark} names
   * the vcluster (its namespace and name) whose items the sync owns; {@code adopt}: mark and keep
   * an unmarked item the bash pipeline made for this vcluster (the switch-over).
   */
  public record Job(Path kubeconfig, Duration waitForKubeconfig, ItemMark mark,
      String serverUrl, Item item, boolean adopt) {}

  /** The 1Password item the sync writes: its title, and its vault (an id or a name). */
  public record Item(String title, String vault) {}

  /** An item of the title, as listed (or read whole when the list leaves out its tags). */
  private record Found(String id, JsonNode item, Instant created) {}

  /** The items of the title: this Job's, oldest first, and those in its way. */
  private record Survey(List<Found> mine, List<Found> blocking) {}

  private static final Comparator<Found> OLDEST_FIRST = Comparator.comparing(Found::created)
      .thenComparing(Found::id);

  private final OnePasswordConnect connect;
  private final SyncLog log;

  public KubeconfigSync(OnePasswordConnect connect, SyncLog log) {
    this.connect = connect;
    this.log = log;
  }

  public void run(Job request) {
    checkTitle(request.item().title());
    String text = readWhenThere(request.kubeconfig(), request.waitForKubeconfig());
    log.hide(text);
    Kubeconfig kubeconfig = Kubeconfig.parse(text, request.kubeconfig().toString());
    log.hide(kubeconfig.user().token(), kubeconfig.user().certData(),
        kubeconfig.user().keyData(), kubeconfig.argocdConfig());
    String server = request.serverUrl().isEmpty() ? kubeconfig.cluster().server()
        : request.serverUrl();
    String vaultId = vault(request.item().vault());
    ItemMark mark = request.mark();
    ObjectNode item = item(vaultId, request, text, server, kubeconfig.argocdConfig());
    String what = " 1Password item " + request.item().title() + " in vault " + vaultId + " for "
        + mark.namespace() + "/" + mark.vcluster();
    String items = "/v1/vaults/" + vaultId + "/items";

    List<Found> mine = owned(vaultId, request, mark);
    String created = null;
    Duration pause = null;
    while (mine.isEmpty()) {
      ObjectNode body = item.deepCopy();
      mark.put(body, JSON.createArrayNode());
      Optional<JsonNode> answer = connect.create(items, body);
      if (answer.isPresent()) {
        created = OnePasswordConnect.id(answer.get(), "item");
        log.line("created" + what + " (" + created + ")");
      }
      // List again: the create may have gone through without an answer, and another Job of this
      // vcluster may have created one at the same time.
      mine = owned(vaultId, request, mark);
      if (mine.isEmpty() && created != null) {
        // Connect answered the create but does not list it yet: trust the answer rather than
        // create again.
        mine = List.of(new Found(created, answer.get(), Instant.MAX));
      }
      if (mine.isEmpty()) {
        pause = connect.pause(pause);
      }
    }
    Found kept = converge(items, request.item().title(), vaultId, mine);
    if (kept.id().equals(created)) {
      return;
    }
    ObjectNode body = item.deepCopy();
    body.put("id", kept.id());
    mark.put(body, kept.item().path("tags"));
    connect.put(items + "/" + kept.id(), body);
    log.line("replaced" + what + " (" + kept.id() + ")");
  }

  /**
   * This Job's items of the title, oldest first; or a refusal naming the first item of the title
   * that is not this Job's. Items the bash pipeline made count as this Job's when the run adopts.
   */
  private List<Found> owned(String vaultId, Job request, ItemMark mark) {
    Survey survey = survey(vaultId, request, mark);
    if (!survey.blocking().isEmpty()) {
      Found first = survey.blocking().get(0);
      String category = first.item().path("category").asText("");
      throw log.refusal(ExitCode.SYNC_FAILED, "The 1Password item " + first.id() + " titled "
          + request.item().title() + " in vault " + vaultId + " (" + (category.isEmpty()
          ? "no category" : "category " + log.excerpt(category)) + ") is not this Job's: it "
          + "carries no tag " + mark.tag() + (survey.blocking().size() > 1 ? ", nor do "
          + (survey.blocking().size() - 1) + " more of that title" : "") + ". The sync changes "
          + "and deletes only items it made, and External Secrets cannot read a title that two "
          + "items share; nothing was changed. Rename or delete that item, or give this "
          + "vcluster another onepasswordItem; an item the bash pipeline made is adopted with "
          + "the setting onepassword.adoptUnmarkedItems (docs/operating.md, \"Switching over\").");
    }
    return survey.mine();
  }

  private Survey survey(String vaultId, Job request, ItemMark mark) {
    List<Found> mine = new ArrayList<>();
    List<Found> blocking = new ArrayList<>();
    String items = "/v1/vaults/" + vaultId + "/items";
    for (JsonNode listed : itemsTitled(vaultId, request.item().title())) {
      String id = OnePasswordConnect.id(listed, "item");
      JsonNode item = listed;
      boolean complete = listed.path("tags").isArray() && listed.path("category").isTextual();
      if (!complete || request.adopt() && !mark.marks(listed)) {
        // The list leaves out what decides (or adopting needs the fields): read the item.
        Optional<JsonNode> whole = connect.find(items + "/" + id);
        if (whole.isPresent()) {
          item = whole.get();
        } else if (stillListed(vaultId, request.item().title(), id)) {
          blocking.add(new Found(id, listed, created(listed))); // listed, yet cannot be read
          continue;
        } else {
          continue; // deleted since the list (by a person, or another Job converging)
        }
      }
      Found found = new Found(id, item, created(item));
      if (mark.marks(item)) {
        mine.add(found);
      } else if (request.adopt() && mark.bashMade(item)) {
        log.line("adopting 1Password item " + id + " titled " + request.item().title()
            + " in vault " + vaultId + ", which the bash pipeline made for " + mark.namespace() + "/"
            + mark.vcluster() + ": it gets the tag " + mark.tag() + " and keeps its id");
        mine.add(found);
      } else {
        blocking.add(found);
      }
    }
    mine.sort(OLDEST_FIRST);
    blocking.sort(OLDEST_FIRST);
    return new Survey(mine, blocking);
  }

  private boolean stillListed(String vaultId, String title, String id) {
    return itemsTitled(vaultId, title).stream().anyMatch(i -> id.equals(i.path("id").asText()));
  }

  /**
   * Keeps the oldest of this Job's items and deletes the others: every Job of this vcluster
   * keeps the same one, whichever it sees first, since a later item is never older.
   */
  private Found converge(String items, String title, String vaultId, List<Found> mine) {
    Found kept = mine.get(0);
    if (mine.size() > 1) {
      List<String> deleted = new ArrayList<>();
      for (Found duplicate : mine.subList(1, mine.size())) {
        connect.delete(items + "/" + duplicate.id());
        deleted.add(duplicate.id());
      }
      log.line("found " + mine.size() + " 1Password items of this Job titled " + title
          + " in vault " + vaultId + "; kept " + kept.id() + " (the oldest) and deleted "
          + String.join(", ", deleted) + " (External Secrets reads only a title that is unique)");
    }
    return kept;
  }

  /** When Connect says the item was made; an item that does not say sorts last. */
  private static Instant created(JsonNode item) {
    try {
      return Instant.parse(item.path("createdAt").asText(""));
    } catch (DateTimeParseException unknown) {
      return Instant.MAX;
    }
  }

  /**
   * A title is one line: it is printed in every log line and sent in Connect's title filter, so
   * a line break would forge log lines and a quote would change the filter.
   */
  static void checkTitle(String title) {
    String problem = null;
    if (title.isEmpty() || title.length() > MAX_TITLE) {
      problem = "is empty or longer than " + MAX_TITLE + " characters";
    } else if (title.codePoints().anyMatch(c -> Character.isISOControl(c)
        || Character.getType(c) == Character.LINE_SEPARATOR
        || Character.getType(c) == Character.PARAGRAPH_SEPARATOR
        || Character.getType(c) == Character.FORMAT)) {
      problem = "holds a line break or another control or format character";
    } else if (title.contains("\"") || title.contains("\\")) {
      problem = "holds a double quote or a backslash, which Connect's title filter cannot carry";
    } else if (!title.equals(title.strip())) {
      problem = "starts or ends with white space";
    }
    if (problem != null) {
      throw new PipelineException(ExitCode.USAGE, "OP_ITEM_NAME (the request's onepasswordItem) "
          + problem + ", so it is not printed here. Give the vcluster a one-line title such as "
          + "vcluster-<name>-kubeconfig.");
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
        log.line("waiting for the kubeconfig at " + file);
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

  /**
   * By id, else by that text as a name. No vault named is an error, as is a named vault the
   * token cannot see: writing to any other vault would leave the ExternalSecrets reading one
   * that never gets the item.
   */
  private String vault(String wanted) {
    if (wanted.isEmpty()) {
      throw log.refusal(ExitCode.SYNC_FAILED, "No 1Password vault is named (OP_VAULT_ID is "
          + "empty); nothing was written. Set onepassword.vault in the platform settings, or "
          + "the vault field of the onepassword-access-token item.");
    }
    JsonNode vaults = connect.get("/v1/vaults");
    for (String field : new String[] {"id", "name"}) {
      for (JsonNode vault : vaults) {
        if (wanted.equals(vault.path(field).asText())) {
          return OnePasswordConnect.id(vault, "vault");
        }
      }
    }
    throw log.refusal(ExitCode.SYNC_FAILED, "The Connect token sees no 1Password vault with the "
        + "id or name '" + wanted + "' (onepassword.vault in the platform settings, else the "
        + "onepassword-access-token item's vault field); nothing was written. Correct it, or "
        + "grant the token that vault.");
  }

  /** The items titled {@code title} as Connect lists them (filtered by title, checked again). */
  private List<JsonNode> itemsTitled(String vaultId, String title) {
    String filter = URLEncoder.encode("title eq \"" + title + "\"", StandardCharsets.UTF_8)
        .replace("+", "%20");
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode item : connect.get("/v1/vaults/" + vaultId + "/items?filter=" + filter)) {
      if (title.equals(item.path("title").asText())) {
        found.add(item);
      }
    }
    return found;
  }

  private static ObjectNode item(String vaultId, Job request, String kubeconfig,
      String server, String argocdConfig) {
    ObjectNode item = JSON.createObjectNode();
    item.putObject("vault").put("id", vaultId);
    item.put("title", request.item().title());
    item.put("category", "SECURE_NOTE");
    ArrayNode fields = item.putArray("fields");
    field(fields, "kubeconfig", "CONCEALED", kubeconfig);
    field(fields, "argocd-name", "STRING", "vcluster-" + request.mark().vcluster());
    field(fields, "argocd-server", "STRING", server);
    field(fields, "argocd-config", "CONCEALED", argocdConfig);
    return item;
  }

  private static void field(ArrayNode fields, String id, String type, String value) {
    fields.addObject().put("id", id).put("label", id).put("type", type).put("value", value);
  }
}
