package tech.integratn.pipeline.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The kinds of the core API group that are never published, in one table that every guard step
 * reads: the rendered documents' walk, the shortcut that passes over text which cannot spell one
 * ({@link Spelling}), and render check's scan of files that are not requests. A kind added here
 * is refused at the top of a document and inside any text it carries alike.
 */
public final class ForbiddenKinds {
  /** A Secret's data is only base64; a SecretList carries Secrets as its items. */
  public static final ForbiddenKinds CORE = new ForbiddenKinds(List.of("Secret", "SecretList"));

  private final List<String> names;
  private final List<String> lowerCase;

  private ForbiddenKinds(List<String> names) {
    this.names = List.copyOf(names);
    this.lowerCase = names.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
  }

  /** This table and {@code kind} (for tests that prove every step reads the table). */
  ForbiddenKinds and(String kind) {
    List<String> more = new ArrayList<>(names);
    more.add(kind);
    return new ForbiddenKinds(more);
  }

  /** The kinds as written in a manifest. */
  public List<String> names() {
    return names;
  }

  /**
   * The kinds in lower case, as a case-insensitive reader compares them (a kind is ASCII, so
   * this is also how {@link Spelling} folds it).
   */
  List<String> lowerCase() {
    return lowerCase;
  }
}
