package tech.integratn.pipeline.yaml;

import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;

/**
 * Resolves a plain scalar as YAML 1.2 core does, and additionally treats everything that a
 * YAML 1.1 reader (go-yaml v2 behind kubectl, Helm and Argo CD) would read as a non-string as a
 * non-string. The emitter quotes any string this resolver does not resolve to {@code !!str},
 * so {@code yes}, {@code 0755}, {@code 1_000}, {@code 12:30} or {@code 2026-01-01} stay text for
 * every reader.
 */
final class StrictScalarResolver extends CoreScalarResolver {
  private static final Pattern YAML11_BOOL =
      Pattern.compile("^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$");
  private static final Pattern YAML11_NUMBER = Pattern.compile(
      "^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
          + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+"
          + "|[-+]?(?:[0-9][0-9_]*)?\\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?:[eE][-+]?[0-9]+)"
          + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
  private static final Pattern YAML11_TIMESTAMP =
      Pattern.compile("^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \\t]+).*)?$");
  private static final Pattern YAML11_SPECIAL = Pattern.compile("^(?:~|null|Null|NULL|<<|=|)$");
  /**
   * Every character that a non-empty match of the patterns above, or of the core schema's own
   * (booleans, numbers, null - which there includes a lone space -, merge key, {@code ${ENV}}),
   * can start with.
   */
  static final String NON_STRING_FIRST_CHARACTERS = "yYnNtTfFoO0123456789+-.~<=$ ";

  StrictScalarResolver() {
    super(true);
  }

  @Override
  public Tag resolve(String value, Boolean implicit) {
    if (implicit && !value.isEmpty() && NON_STRING_FIRST_CHARACTERS.indexOf(value.charAt(0)) < 0) {
      return Tag.STR; // no pattern of the core schema or below can match: most strings, regex-free
    }
    Tag core = super.resolve(value, implicit);
    if (!implicit || !Tag.STR.equals(core)) {
      return core;
    }
    if (YAML11_BOOL.matcher(value).matches()) {
      return Tag.BOOL;
    }
    if (YAML11_NUMBER.matcher(value).matches()) {
      return Tag.FLOAT;
    }
    if (YAML11_TIMESTAMP.matcher(value).matches()) {
      return new Tag(Tag.PREFIX + "timestamp");
    }
    if (YAML11_SPECIAL.matcher(value).matches()) {
      return Tag.NULL;
    }
    return core;
  }
}
