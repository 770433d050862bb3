package tech.integratn.pipeline.yaml;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * YAML text read the way go-yaml v2 reads it into Go's {@code interface{}} (Helm, vcluster and
 * sigs.k8s.io/yaml use it): YAML 1.1 scalars, so {@code 0400} is the octal 256, {@code yes},
 * {@code on}, {@code y} are true, {@code 1_000} is 1000, {@code 0b11} is 3, and a timestamp stays
 * a string. Text the pipeline reads and writes again is read so, and the writer then spells each
 * value so that every reader reads the same one. Merge keys are applied (by the composer), as
 * go-yaml v2 applies them. What would not be one simple tree for every reader (duplicate keys,
 * keys that are not text, explicit tags other than !!str) is refused rather than modelled.
 */
public final class GoYamlV2 {
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private GoYamlV2() {}

  /** Every document of {@code text}, as maps, lists, strings, booleans, numbers and nulls. */
  public static List<Object> loadAll(String text, int codePointLimit) {
    List<Object> documents = new ArrayList<>();
    // The tree is at most Yaml.MAX_DEPTH deep, so building it recursively cannot run out of stack.
    for (Node node : Yaml.composeAll(text, codePointLimit)) {
      documents.add(construct(node, new IdentityHashMap<>(), new IdentityHashMap<>()));
    }
    return documents;
  }

  /** {@code built}: a node an alias refers to again is built once (no alias expansion). */
  private static Object construct(Node node, Map<Node, Boolean> visiting, Map<Node, Object> built) {
    if (built.containsKey(node)) {
      return built.get(node);
    }
    Object value = build(node, visiting, built);
    built.put(node, value);
    return value;
  }

  private static Object build(Node node, Map<Node, Boolean> visiting, Map<Node, Object> built) {
    if (visiting.put(node, Boolean.TRUE) != null) {
      throw new YamlEngineException("a node refers to itself");
    }
    try {
      if (!(node instanceof ScalarNode) && !node.isResolved() && !Tag.MAP.equals(node.getTag())
          && !Tag.SEQ.equals(node.getTag())) {
        throw new YamlEngineException("the tag " + node.getTag() + " is not plain data, which "
            + "every reader reads alike");
      }
      if (node instanceof MappingNode mapping) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
          if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
            throw new YamlEngineException("a key is not text");
          }
          Object key = scalar(keyNode);
          if (!(key instanceof String text)) {
            throw new YamlEngineException("the key " + keyNode.getValue() + " is not text for "
                + "go-yaml v2 (it reads " + describe(key) + "); quote it");
          }
          if (out.containsKey(text)) {
            throw new YamlEngineException("the key " + text + " appears twice");
          }
          out.put(text, construct(tuple.getValueNode(), visiting, built));
        }
        return out;
      }
      if (node instanceof SequenceNode sequence) {
        List<Object> out = new ArrayList<>();
        for (Node item : sequence.getValue()) {
          out.add(construct(item, visiting, built));
        }
        return out;
      }
      return scalar((ScalarNode) node);
    } finally {
      visiting.remove(node);
    }
  }

  private static String describe(Object value) {
    return value == null ? "null" : value instanceof Boolean ? "a boolean" : "a number";
  }

  private static Object scalar(ScalarNode node) {
    if (!node.isResolved()) {
      // An explicit tag: only !!str is read alike by every reader.
      if (Tag.STR.equals(node.getTag())) {
        return node.getValue();
      }
      throw new YamlEngineException("the tag " + node.getTag() + " is not plain data, which "
          + "every reader reads alike");
    }
    return node.getScalarStyle() == ScalarStyle.PLAIN ? resolve(node.getValue()) : node.getValue();
  }

  /** A plain scalar's value as go-yaml v2 resolves it (its resolve.go, in order). */
  public static Object resolve(String in) {
    switch (in) {
      case "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON":
        return Boolean.TRUE;
      case "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF":
        return Boolean.FALSE;
      case "", "~", "null", "Null", "NULL":
        return null;
      case ".nan", ".NaN", ".NAN":
        return Double.NaN;
      case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF":
        return Double.POSITIVE_INFINITY;
      case "-.inf", "-.Inf", "-.INF":
        return Double.NEGATIVE_INFINITY;
      default:
        break;
    }
    char first = in.charAt(0);
    if (first == '.') {
      return FLOAT.matcher(in).matches() ? Double.valueOf(in) : in;
    }
    if (first != '+' && first != '-' && (first < '0' || first > '9')) {
      return in;
    }
    // A timestamp (2001-12-14) reaches interface{} as its text in go-yaml v2, and no
    // timestamp parses as a number below, so it stays a string.
    String plain = in.replace("_", "");
    BigInteger integer = parseGoInteger(plain);
    if (integer != null) {
      if (integer.bitLength() < 64) {
        return integer.longValue();
      }
      if (integer.signum() > 0 && integer.compareTo(UINT64_MAX) <= 0) {
        return integer;
      }
    }
    if (FLOAT.matcher(plain).matches()) {
      double d = Double.parseDouble(plain);
      if (!Double.isInfinite(d)) {
        return d;
      }
    }
    return in;
  }

  /** Go's strconv.ParseInt/ParseUint with base 0 (after go-yaml removed every underscore). */
  private static BigInteger parseGoInteger(String s) {
    int i = 0;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
      negative = s.charAt(0) == '-';
      i = 1;
    }
    String body = s.substring(i);
    int radix = 10;
    if (body.length() > 1 && body.charAt(0) == '0') {
      char p = Character.toLowerCase(body.charAt(1));
      if (p == 'x' || p == 'o' || p == 'b') {
        radix = p == 'x' ? 16 : p == 'o' ? 8 : 2;
        body = body.substring(2);
      } else {
        radix = 8;
        body = body.substring(1);
      }
    }
    if (body.isEmpty()) {
      return null;
    }
    for (int k = 0; k < body.length(); k++) {
      if (Character.digit(body.charAt(k), radix) < 0 || body.charAt(k) > 'f' && radix == 16
          || body.charAt(k) > 127) {
        return null;
      }
    }
    BigInteger value = new BigInteger(body, radix);
    if (negative) {
      value = value.negate();
      return value.bitLength() < 64 ? value : null; // ParseUint takes no sign
    }
    return value;
  }
}
