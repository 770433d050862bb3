package tech.integratn.pipeline.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The mark the sync puts on every 1Password item it makes, and the only items it updates or
 * deletes: a SECURE_NOTE carrying the tag {@code vcluster-pipeline/<namespace>/<name>} (the
 * platform's component, the request's namespace and the vcluster's name), and the field
 * {@code managed-by} saying the same to whoever opens the item. A title alone proves nothing:
 * the platform's own credential item, or a person's login, may share it.
 */
public record ItemMark(String namespace, String vcluster) {
  public static final String CATEGORY = "SECURE_NOTE";
  /** What every mark starts with: the tag's top level in 1Password's tag tree. */
  static final String PLATFORM = "vcluster-pipeline";
  static final String FIELD = "managed-by";
  /** The fields the bash pipeline wrote, which an item it made must all have. */
  private static final String[] BASH_FIELDS = {"kubeconfig", "argocd-name", "argocd-server",
      "argocd-config"};

  public String tag() {
    return PLATFORM + "/" + namespace + "/" + vcluster;
  }

  /** Whether {@code item} (a summary with tags and category, or a whole item) is this Job's. */
  public boolean marks(JsonNode item) {
    return CATEGORY.equals(item.path("category").asText()) && tags(item).contains(tag());
  }

  /** Whether {@code item} carries another vcluster's mark: never adopted. */
  public boolean marksAnother(JsonNode item) {
    return tags(item).stream().anyMatch(t -> t.startsWith(PLATFORM + "/") && !t.equals(tag()));
  }

  /**
   * Whether {@code item}, a whole item with its fields, is what the bash pipeline made for this
   * vcluster: a SECURE_NOTE with the four fields it wrote, {@code argocd-name} being
   * {@code vcluster-<name>}, and no other vcluster's mark. Only such an item is adopted, and only
   * when the operator asks for it.
   */
  public boolean bashMade(JsonNode item) {
    if (!CATEGORY.equals(item.path("category").asText()) || marksAnother(item)) {
      return false;
    }
    for (String name : BASH_FIELDS) {
      if (field(item, name) == null) {
        return false;
      }
    }
    return ("vcluster-" + vcluster).equals(field(item, "argocd-name").path("value").asText());
  }

  /** {@code item} with the mark: the tag beside those it has, and the field. */
  public void put(ObjectNode item, JsonNode tagsBefore) {
    Set<String> tags = new LinkedHashSet<>();
    tagsBefore.forEach(t -> tags.add(t.asText()));
    tags.add(tag());
    ArrayNode list = item.putArray("tags");
    tags.forEach(list::add);
    item.withArray("fields").addObject().put("id", FIELD).put("label", FIELD).put("type", "STRING")
        .put("value", tag() + " (the kubeconfig sync Job of this vcluster keeps this item; it "
            + "updates and deletes only items with this tag)");
  }

  static Set<String> tags(JsonNode item) {
    Set<String> tags = new LinkedHashSet<>();
    item.path("tags").forEach(t -> tags.add(t.asText()));
    return tags;
  }

  /** The field labelled, else with the id, {@code name}; null when there is none. */
  private static JsonNode field(JsonNode item, String name) {
    for (JsonNode field : item.path("fields")) {
      if (name.equals(field.path("label").asText()) || name.equals(field.path("id").asText())) {
        return field;
      }
    }
    return null;
  }
}
