package tech.integratn.pipeline.settings;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tech.integratn.pipeline.settings.PlatformSettings.RequestNamespace;

/**
 * What the settings schema cannot say about {@code requestPolicy}: the rules that keep every
 * request's shared names its own (admit/Identity relies on them), and patterns that compile.
 */
final class RequestPolicyRules {
  private RequestPolicyRules() {}

  /** The first broken rule, as "key: problem. fix", or empty. */
  static Optional<String> problem(PlatformSettings settings) {
    PlatformSettings.RequestPolicy policy = settings.requestPolicy();
    List<RequestNamespace> namespaces = policy.requestNamespaces();
    Set<String> seen = new HashSet<>();
    Set<String> prefixes = new HashSet<>();
    for (RequestNamespace entry : namespaces) {
      if (!seen.add(entry.namespace())) {
        return Optional.of("requestPolicy.requestNamespaces: " + entry.namespace() + " is listed "
            + "twice. List each namespace once.");
      }
      if (!prefixes.add(entry.prefix())) {
        return Optional.of("requestPolicy.requestNamespaces: two namespaces have the prefix \""
            + entry.prefix() + "\", so their requests of one name would share every name. Give "
            + "each namespace its own prefix.");
      }
    }
    for (String a : prefixes) {
      for (String b : prefixes) {
        if (!a.isEmpty() && b.startsWith(a + "-")) {
          return Optional.of("requestPolicy.requestNamespaces: the prefix " + b + " starts with "
              + "the prefix " + a + " and a dash, so a request named " + b.substring(a.length() + 1)
              + "-x under " + a + " would share the names of one named x under " + b
              + ". Choose prefixes that do not start with one another.");
        }
      }
    }
    for (String key : List.of("targetNamespacePattern", "projectNamePattern")) {
      String pattern = key.startsWith("target") ? policy.targetNamespacePattern()
          : policy.projectNamePattern();
      try {
        Pattern.compile(pattern == null ? "" : pattern);
      } catch (PatternSyntaxException e) {
        return Optional.of("requestPolicy." + key + ": " + e.getDescription() + " near index "
            + e.getIndex() + ". Write a Java regular expression, or \"\" for none.");
      }
    }
    List<String> domains = new ArrayList<>(List.of(settings.baseDomain()));
    domains.addAll(policy.baseDomains() == null ? List.of() : policy.baseDomains());
    for (String a : domains) {
      for (String b : domains) {
        if (b.endsWith("." + a)) {
          return Optional.of("requestPolicy.baseDomains: " + b + " lies below " + a + ", so a "
              + "request's hostname below " + a + " could be another request's in " + b
              + ". List base domains that do not nest.");
        }
      }
    }
    return Optional.empty();
  }
}
