package tech.integratn.pipeline;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Texts that Go readers read as a Secret where the guard's own reader gives up or reads
 * something else, by family (issue: the guard publishes only what it has read), and texts that
 * must still render. Each hostile text is carried by a request in every place that takes text.
 */
final class HostileTexts {
  private HostileTexts() {}

  /** A hostile text, its family, why a Go reader finds a Secret in it, and whether one does here. */
  record Hostile(String family, String reason, String text, boolean goReadsSecret) {
    @Override
    public String toString() {
      return family + ": " + reason;
    }
  }

  private static final String SECRET = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: leak\n"
      + "stringData:\n  password: hunter2\n";

  private static Hostile hostile(String family, String reason, String text) {
    return new Hostile(family, reason, text, true);
  }

  static List<Hostile> all() {
    return List.of(
        // 1. Our reader's limits
        hostile("limits", "51 aliases to one sequence",
            "base: &a [x]\n" + IntStream.range(0, 51).mapToObj(i -> "r" + i + ": *a\n")
                .collect(Collectors.joining()) + SECRET),
        hostile("limits", "a 5,000-deep flow sequence",
            "deep: " + "[".repeat(5000) + "]".repeat(5000) + "\n" + SECRET),
        hostile("limits", "more \\L escapes than the rewrite budget",
            "x: \"" + "\\L".repeat(70) + "\"\n" + SECRET),
        hostile("limits", "a key that grows past 1,024 characters when \\L is rewritten",
            "\"" + "a".repeat(1000) + "\\L".repeat(10) + "\": 1\n" + SECRET),
        hostile("limits", "a text past its code-point limit after escape rewriting",
            "x: \"" + "\\L".repeat(60) + "\"\n" + SECRET),
        // 2. YAML 1.1 / libyaml syntax
        hostile("yaml 1.1", "the escape \\' inside double quotes", "x: \"it\\'s\"\n" + SECRET),
        hostile("yaml 1.1", "an alias used as a key written *a:",
            "x: &k kind\napiVersion: v1\n*k: Secret\n"),
        new Hostile("yaml 1.1", "U+FEFF at the start of every line",
            "\ufeffapiVersion: v1\n\ufeffkind: Secret\n\ufeffmetadata: {name: leak}\n", false),
        // 3. Streams
        hostile("streams", "a flow document followed by more content",
            "{apiVersion: v1, kind: Secret, metadata: {name: leak}}\nfoo: bar\n"),
        hostile("streams", "JSON objects one after another",
            "{\"a\": 1}\n{\"apiVersion\": \"v1\", \"kind\": \"Secret\"}\n"),
        hostile("streams", "--- followed by NBSP", "a: 1\n---\u00a0\n" + SECRET),
        hostile("streams", "--- followed by U+3000", "a: 1\n---\u3000\n" + SECRET),
        hostile("streams", "--- followed by \\v", "a: 1\n---\u000b\n" + SECRET),
        hostile("streams", "--- followed by \\f", "a: 1\n---\f\n" + SECRET),
        hostile("streams", "--- followed by #", "a: 1\n---#x\n" + SECRET),
        hostile("spaces", "a kind with a no-break space after it, as Go's TrimSpace trims",
            "apiVersion: v1\nkind: \"Secret\\u00a0\"\n"),
        hostile("spaces", "a kind key with an ideographic space before it",
            "apiVersion: v1\n\"\\u3000kind\": Secret\n"),
        hostile("streams", "--- followed by content, as Helm's splitter cuts",
            "a: 1\n---kind: Secret\napiVersion: v1\n"),
        // 6. Anchor and tag names with - _ . (issue 27: the word after them was hidden)
        hostile("names", "anchors named with - before kind and Secret",
            "apiVersion: v1\n&a-b kind: &c-d Secret\n"),
        hostile("names", "anchors named with _ before kind and Secret",
            "apiVersion: v1\n&a_b kind: &c_d Secret\n"),
        // 5. The reader's crash
        new Hostile("crash", "\\UFFFFFFFF in carried text", "x: \"\\UFFFFFFFF\"\n" + SECRET, false));
  }

  /** Go templates in vcluster's manifestsTemplate (family 4): each renders a Secret. */
  static List<Hostile> templates() {
    String head = "apiVersion: v1\nmetadata:\n  name: {{ .Release.Name }}\n";
    return List.of(
        hostile("template", "kind: !!str Secret", head + "kind: !!str Secret\n"),
        hostile("template", "kind: \"\\u0053ecret\"", head + "kind: \"\\u0053ecret\"\n"),
        hostile("template", "kind: !!binary U2VjcmV0", head + "kind: !!binary U2VjcmV0\n"),
        hostile("template", "an anchored kind", head + "x: &k Secret\nkind: *k\n"),
        hostile("template", "a block scalar kind", head + "kind: |-\n  Secret\n"),
        hostile("template", "a comment between kind: and its value",
            head + "kind: # the kind\n  Secret\n"),
        hostile("template", "a \"\\x6bind\" key", head + "\"\\x6bind\": Secret\n"),
        hostile("template", "the action on the line after kind:",
            head + "kind:\n  {{ \"Secret\" }}\n"),
        hostile("template", "a kind a function computes", head + "kind: {{ printf \"Sec\" }}ret\n"),
        hostile("template", "a condition that picks the kind line",
            head + "{{ if true }}kind: Secret{{ end }}\n"),
        hostile("template", "trim markers that join lines", head + "kind: Sec\n{{- \"\" -}}\nret\n"),
        hostile("template", "a trimmed comment holding an apostrophe",
            head + "x: a {{- /* don't */ -}} b\nkind: {{ \"Secret\" }}\n"),
        hostile("template", "{{- trims only the text right before it",
            head + "kind: Sec{{ \"\" }}\n{{- \"ret\" }}\n"),
        hostile("template", "\\xc2\\x85 are the UTF-8 bytes of NEL, a line break for go-yaml",
            head + "x: a{{ \"\\xc2\\x85\" }}kind: Secret\n"),
        hostile("template", "a variable named with a letter outside the BMP",
            head + "{{ $\uD835\uDC9C := \"Secret\" }}kind: {{ $\uD835\uDC9C }}\n"),
        hostile("template", "a constant that writes the whole Secret",
            "{{ \"apiVersion: v1\\nkind: Secret\\n\" }}"));
  }

  /**
   * Texts that name both words and are not YAML the guard can read: refused, with advice to
   * reword (the price of an inert rule simple enough to be obviously right).
   */
  static List<String> prose() {
    return List.of(
        "Note: this kind of cluster keeps its secrets in 1Password: ask #platform.",
        "Warning: kind: Secret objects are never committed here; see docs: https://x.y/z");
  }

  /** Texts a platform user writes that must still render: nothing in them reads as a Secret. */
  static List<String> legitimate() {
    return List.of(
        ".:1053 {\n  errors\n  health\n  kubernetes cluster.local in-addr.arpa ip6.arpa {\n"
            + "    pods insecure\n    fallthrough in-addr.arpa ip6.arpa\n  }\n"
            + "  forward . /etc/resolv.conf\n  cache 30\n}\n",
        "#!/bin/sh\nset -eu\nkubectl get secret \"vc-$NAME\" -n \"$NS\" -o jsonpath='{.data.config}' \\\n"
            + "  | base64 -d > /tmp/kubeconfig\necho \"done: $(date)\" # log: ok\n",
        "https://vc.example.com:8443/api/v1/namespaces/x/secrets?kind=Secret&watch=true",
        "Note: this sort of cluster keeps its secrets in 1Password: ask #platform.",
        "Kubernetes secrets of any kind are delivered by External Secrets",
        "{\"kind\": \"ConfigMap\", \"note\": \"a: b\", \"path\": \"C:\\\\temp\"}",
        "first line\nsecond: line with a colon\n---\napiVersion: v1\n",
        "printf 'kind: %s\\n' \"$KIND\"; grep -E '^(kind|apiVersion):' file.yaml",
        "summary: '{{ $labels.instance }} of {{ $labels.job }} is down'\n"
            + "description: 'value {{ $value }} for 5m: page the on-call'\n");
  }
}
