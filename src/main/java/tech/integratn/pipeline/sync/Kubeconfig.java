package tech.integratn.pipeline.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.ComposerException;
import org.snakeyaml.engine.v2.exceptions.ConstructorException;
import org.snakeyaml.engine.v2.exceptions.DuplicateKeyException;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ParserException;
import org.snakeyaml.engine.v2.exceptions.ScannerException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import tech.integratn.pipeline.failure.ExitCode;
import tech.integratn.pipeline.failure.PipelineException;
import tech.integratn.pipeline.yaml.Yaml;

/**
 * The parts of a vcluster kubeconfig that Argo CD needs: the server, the CA, and a static
 * credential (a bearer token, else a client certificate and key). The current context's cluster
 * and user are used, else the first of each. Exec plugins and auth providers run code on the
 * reader's side, which an Argo CD cluster Secret cannot, so they are refused.
 */
public record Kubeconfig(Cluster cluster, User user) {
  /** Where the vcluster's API is: its URL, and the CA its certificate is signed by. */
  public record Cluster(String server, String caData) {
    static Cluster of(Map<?, ?> cluster) {
      return new Cluster(text(cluster.get("server")),
          text(cluster.get("certificate-authority-data")));
    }
  }

  /** The static credential: a bearer token, else a client certificate and its key. */
  public record User(String token, String certData, String keyData) {
    static User of(Map<?, ?> user) {
      return new User(text(user.get("token")), text(user.get("client-certificate-data")),
          text(user.get("client-key-data")));
    }
  }

  private static final int MAX_CODE_POINTS = 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  public static Kubeconfig parse(String text, String source) {
    if (text.isBlank()) {
      throw unusable(source, "is empty");
    }
    Object document;
    try {
      List<Object> documents = Yaml.loadAll(text, MAX_CODE_POINTS);
      document = documents.isEmpty() ? null : documents.get(0);
    } catch (YamlEngineException e) {
      throw unusable(source, "is not valid YAML (" + problem(e) + ")");
    } catch (RuntimeException e) {
      throw unusable(source, "cannot be read as YAML");
    }
    if (!(document instanceof Map<?, ?> config)) {
      throw unusable(source, "is not a kubeconfig (no YAML mapping)");
    }
    Map<?, ?> context = named(config, "contexts", text(config.get("current-context")))
        .map(c -> map(c.get("context"))).orElse(Map.of());
    Map<?, ?> cluster = named(config, "clusters", text(context.get("cluster")))
        .map(c -> map(c.get("cluster"))).orElse(Map.of());
    Map<?, ?> user = named(config, "users", text(context.get("user")))
        .map(u -> map(u.get("user"))).orElse(Map.of());
    if (user.containsKey("exec") || user.containsKey("auth-provider")) {
      throw unusable(source, "authenticates with " + (user.containsKey("exec") ? "an exec plugin"
          : "an auth provider") + ", which Argo CD's cluster Secret cannot run");
    }
    User credential = User.of(user);
    if (credential.token().isEmpty()
        && (credential.certData().isEmpty() || credential.keyData().isEmpty())) {
      throw unusable(source, "has neither a token nor a client certificate and key for its user");
    }
    return new Kubeconfig(Cluster.of(cluster), credential);
  }

  /**
   * Argo CD's cluster config (the {@code config} of its cluster Secret) as compact JSON: the
   * bearer token when there is one, else the client certificate and key; with the CA always.
   */
  public String argocdConfig() {
    ObjectNode config = JSON.createObjectNode();
    if (!user.token().isEmpty()) {
      config.put("bearerToken", user.token());
    }
    ObjectNode tls = config.putObject("tlsClientConfig").put("insecure", false)
        .put("caData", cluster.caData());
    if (user.token().isEmpty()) {
      tls.put("certData", user.certData()).put("keyData", user.keyData());
    }
    return config.toString();
  }

  /**
   * What is wrong with the kubeconfig's YAML, in words of our own, and where. The reader's own
   * words quote the file (an undefined alias, a local tag, a duplicate key, a bad escape all name
   * the text they stopped at), and the text there may be the credential.
   */
  static String problem(YamlEngineException e) {
    String what;
    if (e instanceof DuplicateKeyException) {
      what = "a key that appears twice";
    } else if (e instanceof ComposerException) {
      what = "an alias or anchor that cannot be resolved";
    } else if (e instanceof ConstructorException) {
      what = "a tag or a value that cannot be constructed";
    } else if (e instanceof ScannerException) {
      what = "a character or an escape that cannot be read";
    } else if (e instanceof ParserException) {
      what = "a structure that cannot be parsed";
    } else {
      what = "text that cannot be read";
    }
    Optional<Mark> mark = e instanceof MarkedYamlEngineException marked
        ? marked.getProblemMark() : Optional.empty();
    return what + mark.map(m -> " at line " + (m.getLine() + 1) + ", column "
        + (m.getColumn() + 1)).orElse("");
  }

  /** The entry of {@code list} named {@code name}, else its first entry. */
  private static Optional<Map<?, ?>> named(Map<?, ?> config, String list, String name) {
    if (!(config.get(list) instanceof List<?> entries) || entries.isEmpty()) {
      return Optional.empty();
    }
    for (Object entry : entries) {
      if (entry instanceof Map<?, ?> m && !name.isEmpty() && name.equals(text(m.get("name")))) {
        return Optional.of(m);
      }
    }
    return entries.get(0) instanceof Map<?, ?> first ? Optional.of(first) : Optional.empty();
  }

  private static Map<?, ?> map(Object value) {
    return value instanceof Map<?, ?> m ? m : Map.of();
  }

  private static String text(Object value) {
    return value == null ? "" : String.valueOf(value).trim();
  }

  private static PipelineException unusable(String source, String problem) {
    return new PipelineException(ExitCode.INVALID_INPUT, "The kubeconfig " + source + " "
        + problem + ". Argo CD needs a kubeconfig with a bearer token or a client certificate "
        + "and key; check the vcluster's exportKubeConfig settings and its Secret.");
  }
}
